"""Two real dispatchd instances on one real PostgreSQL database: one log, one truth, a console that follows
whichever instance is alive."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from console.backend.client import DispatchClient
from console.backend.commands import Commands
from console.backend.connection import ConnectionStatus
from console.backend.event_stream import EventStream
from console.backend.outbox import Outbox
from console.backend.outbox_file import OutboxFile
from console.domain.events import Event, MalformedEvent
from console.domain.model import Incident
from console.domain.state import DispatchState, Outcome
from tests.conftest import INCIDENT
from tests.support.asyncwait import until
from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e


@pytest.fixture
def two_instances(tmp_path: Path, postgres_url: str) -> Iterator[tuple[DispatchdProcess, DispatchdProcess]]:
    """Instance A runs the still demo city (accounts, fleet); B serves the same database."""
    a = DispatchdProcess(tmp_path / "a", "--demo", "--no-simulation", "--database", postgres_url)
    b = DispatchdProcess(tmp_path / "b", "--database", postgres_url)
    a.start(port=0)
    b.start(port=0)
    yield a, b
    a.stop()
    b.stop()


def _events(instance: DispatchdProcess, token: str, after: int = 0) -> list[dict[str, Any]]:
    headers = {"Authorization": f"Bearer {token}"}
    answer = httpx.get(f"{instance.url}/api/v1/events", params={"after": after, "limit": 10_000}, headers=headers)
    answer.raise_for_status()
    events: list[dict[str, Any]] = answer.json()["events"]
    return events


def test_a_repeat_sent_to_the_other_instance_creates_nothing_and_if_match_holds_across(
    two_instances: tuple[DispatchdProcess, DispatchdProcess],
) -> None:
    a, b = two_instances
    token = a.token("operator")  # one login is good on every instance: tokens live in the database
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "call-0042"}
    first = httpx.post(f"{a.url}/api/v1/incidents", json=INCIDENT, headers=headers)
    repeat = httpx.post(f"{b.url}/api/v1/incidents", json=INCIDENT, headers=headers)
    assert (first.status_code, repeat.status_code) == (201, 201)
    assert repeat.headers.get("Idempotent-Replayed") == "true" and repeat.json()["id"] == first.json()["id"]
    created = [e for e in _events(b, token) if e["type"] == "incident.created"]
    assert [e["entity"]["id"] for e in created] == [first.json()["id"]]

    path = f"/api/v1/incidents/{first.json()['id']}"
    auth = {"Authorization": f"Bearer {token}", "If-Match": '"1"'}
    on_a = httpx.patch(f"{a.url}{path}", json={"priority": 9}, headers=auth)
    on_b = httpx.patch(f"{b.url}{path}", json={"priority": 2}, headers=auth)  # had version 1 too: refused
    assert on_a.status_code == 200 and on_b.status_code == 412, on_b.text
    assert httpx.get(f"{b.url}{path}", headers={"Authorization": f"Bearer {token}"}).json()["priority"] == 9


def test_commands_on_both_instances_at_once_make_one_gapless_log_streamed_by_each(
    two_instances: tuple[DispatchdProcess, DispatchdProcess],
) -> None:
    a, b = two_instances
    token = a.token("operator")
    auth = {"Authorization": f"Bearer {token}"}
    start = _events(a, token)[-1]["seq"]
    incident = httpx.post(f"{a.url}/api/v1/incidents", json=INCIDENT, headers=auth).json()
    per_instance = 40
    streamed: dict[str, list[int]] = {"a": [], "b": []}
    expected_last = start + 1 + 2 * per_instance

    def stream(name: str, instance: DispatchdProcess) -> None:
        url = f"{instance.url}/api/v1/events/stream"
        with httpx.stream("GET", url, params={"after": start}, headers=auth, timeout=30) as answer:
            for line in answer.iter_lines():
                if line.startswith("id: "):
                    streamed[name].append(int(line[4:]))
                    if streamed[name][-1] >= expected_last:
                        return

    def notes(instance: DispatchdProcess, who: str) -> None:
        with httpx.Client(base_url=f"{instance.url}/api/v1", headers=auth, timeout=30) as api:
            for n in range(per_instance):
                answer = api.post(f"/incidents/{incident['id']}/notes", json={"text": f"{who} {n}"})
                answer.raise_for_status()

    readers = [threading.Thread(target=stream, args=(n, i)) for n, i in (("a", a), ("b", b))]
    writers = [threading.Thread(target=notes, args=(i, n)) for n, i in (("A", a), ("B", b))]
    for thread in [*readers, *writers]:
        thread.start()
    for thread in [*writers, *readers]:
        thread.join(timeout=60)
    everything = list(range(start + 1, expected_last + 1))
    assert streamed["a"] == everything and streamed["b"] == everything  # each instance streams all, in order
    log_a, log_b = _events(a, token, start), _events(b, token, start)
    assert log_a == log_b and [e["seq"] for e in log_a] == everything
    versions = [e["entity"]["version"] for e in log_a if e["type"] == "incident.note_added"]
    assert versions == list(range(2, 2 + 2 * per_instance))  # no two notes made the same version


class _RecordingSink:
    """The console's state, remembering each seq it applied."""

    def __init__(self) -> None:
        self.state = DispatchState()
        self.applied: list[int] = []
        self.snapshots = 0

    @property
    def last_seq(self) -> int:
        return self.state.last_seq

    def reset(self, snapshot: dict[str, Any]) -> None:
        self.snapshots += 1
        self.state.load_snapshot(snapshot)

    def apply(self, event: Event) -> Outcome:
        outcome = self.state.apply(event).outcome
        if outcome is Outcome.APPLIED:
            self.applied.append(event.seq)
        return outcome

    def malformed(self, error: MalformedEvent) -> Outcome:
        raise AssertionError(f"malformed event from dispatchd: {error}")


def test_a_console_follows_the_surviving_instance_when_its_own_is_killed(
    two_instances: tuple[DispatchdProcess, DispatchdProcess], tmp_path: Path
) -> None:
    """SIGKILL the instance the console streams from while its operator keeps creating incidents: the console
    moves to the other, resumes from its last seq, and every command is applied once."""
    a, b = two_instances
    sink, errors, statuses = _RecordingSink(), list[str](), list[ConnectionStatus]()
    made = 30

    async def session() -> None:
        async with httpx.AsyncClient(timeout=httpx.Timeout(5.0, read=45.0)) as http:
            client = DispatchClient(http, f"{a.url},{b.url}")
            client.set_credentials("operator", "operator")
            outbox = Outbox(OutboxFile(tmp_path / "outbox.jsonl"), client, errors.append)
            commands = Commands(errors.append)
            commands.attach(outbox)
            stream = EventStream(client, sink, statuses.append)
            tasks = [asyncio.ensure_future(stream.run()), asyncio.ensure_future(outbox.run())]
            try:
                await until(lambda: sink.snapshots == 1, what="the snapshot from A")
                for n in range(made):
                    if n == made // 2:
                        await until(lambda: outbox.pending_count == 0, what="the first half sent to A")
                        a.kill()
                    commands.create_incident({**INCIDENT, "note": f"call {n}"})  # the second half meets the kill
                await until(lambda: outbox.pending_count == 0, timeout=30, what="every command sent")
                last = await client.health()
                await until(lambda: sink.last_seq >= last["last_seq"], timeout=30, what="the console caught up")
                assert client.base_url == b.url
            finally:
                for task in tasks:
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task

    asyncio.run(session())
    assert errors == []
    assert sink.snapshots == 1, "resumed from its seq, no reload"
    assert sink.applied == list(range(sink.applied[0], sink.applied[-1] + 1)), "nothing missed, nothing twice"
    with b.api() as api:
        held = {i["id"]: Incident.model_validate(i) for i in api.get("/incidents").json()}
    notes = sorted(i.notes[0].text for i in held.values() if i.notes)
    assert notes == sorted(f"call {n}" for n in range(made)), "each command applied exactly once"
    assert sink.state.incidents == held


def test_a_new_incident_type_saved_through_one_instance_is_known_to_the_other(
    two_instances: tuple[DispatchdProcess, DispatchdProcess], postgres_url: str
) -> None:
    a, b = two_instances
    subprocess.run(
        [sys.executable, "-m", "dispatchd", "--database", postgres_url, "--create-user", "chef", "--role", "admin"],
        input="a long admin password\n",
        text=True,
        check=True,
        capture_output=True,
    )
    admin = {"Authorization": f"Bearer {a.token('chef', 'a long admin password')}"}
    saved = httpx.put(
        f"{a.url}/api/v1/incident-types/DRONE",
        json={"names": {"en": "Drone over a crowd"}, "priority": 6, "agencies": ["police"]},
        headers=admin,
    )
    assert saved.status_code in (200, 201), saved.text
    operator = {"Authorization": f"Bearer {b.token('operator')}"}

    def created_on_b() -> int:
        answer = httpx.post(f"{b.url}/api/v1/incidents", json={**INCIDENT, "type_code": "DRONE"}, headers=operator)
        return answer.status_code

    deadline = time.monotonic() + 10
    while (status := created_on_b()) != 201 and time.monotonic() < deadline:
        assert status == 422  # unknown type, until B has read the change from the log
    assert status == 201
