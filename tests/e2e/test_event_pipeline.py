"""The console's client, event stream and store against a real dispatchd process on loopback."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import httpx
import pytest

from console.backend.client import DispatchClient
from console.backend.commands import Commands
from console.backend.connection import LinkState
from console.backend.event_stream import EventStream
from console.backend.outbox import Outbox
from console.backend.outbox_file import OutboxFile
from dispatchd.clock import utc_now
from tests.conftest import INCIDENT
from tests.support.asyncwait import until
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.recording_store import RecordingStore

pytestmark = pytest.mark.e2e


@contextlib.asynccontextmanager
async def connected(
    url: str, username: str = "supervisor", password: str | None = None
) -> AsyncIterator[tuple[RecordingStore, EventStream, DispatchClient]]:
    store = RecordingStore()
    async with httpx.AsyncClient(timeout=10) as http:
        client = DispatchClient(http, url)
        client.set_credentials(username, password or username)
        stream = EventStream(client, store, store.on_status)
        task = asyncio.ensure_future(stream.run())
        try:
            yield store, stream, client
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


def run(body: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(body())


def test_an_incident_created_through_the_api_is_in_the_store_within_one_second(dispatchd: DispatchdProcess) -> None:
    async def body() -> None:
        async with connected(dispatchd.url) as (store, stream, _client):
            await until(lambda: stream.status.state is LinkState.CONNECTED, what="connected")
            with dispatchd.api() as api:
                started = time.monotonic()
                created = api.post("/incidents", json=INCIDENT).json()
            await until(lambda: created["id"] in store.incidents, timeout=1.0, what="the incident in the store")
            assert time.monotonic() - started < 1.0
            assert store.incidents[created["id"]].location.address_text == "12 Rue Pasteur, Valmont"

    run(body)


def test_a_backend_killed_and_restarted_resumes_without_loss_or_duplicate(dispatchd: DispatchdProcess) -> None:
    async def body() -> None:
        async with connected(dispatchd.url) as (store, stream, _client):
            await until(lambda: stream.status.state is LinkState.CONNECTED, what="connected")
            with dispatchd.api() as api:
                for _ in range(5):
                    api.post("/incidents", json=INCIDENT)
            await until(lambda: len(store.incidents) == 5, what="the first five incidents")
            dispatchd.kill()
            await until(lambda: stream.status.state is LinkState.RECONNECTING, what="the loss noticed")
            await asyncio.to_thread(dispatchd.start)  # same port, same data folder
            with dispatchd.api() as api:
                for _ in range(5):
                    api.post("/incidents", json=INCIDENT)
                server = api.get("/snapshot").json()
            await until(lambda: store.last_seq == server["seq"], timeout=20, what="the stream resumed")
            first = store.snapshots[0]
            assert store.snapshots == [first], "resumed from the last seq, not from a new snapshot"
            assert store.applied == list(range(first + 1, server["seq"] + 1)), "no event lost, none twice"
            assert {i["id"]: i["version"] for i in server["incidents"]} == {
                i.id: i.version for i in store.incidents.values()
            }
            assert any(s.state is LinkState.RECONNECTING and s.ever_connected for s in store.statuses)

    run(body)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("has_credentials", [True, False])
def test_unreachable_at_start_says_so_then_connects_when_the_backend_comes_up(
    tmp_path: Path, has_credentials: bool
) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    backend = DispatchdProcess(tmp_path / "late", "--demo", "--no-simulation")

    async def body() -> None:
        async with connected(url) as (store, stream, client):
            if not has_credentials:
                client._credentials = None  # the operator has not typed them yet
            await until(lambda: stream.status.state is LinkState.RECONNECTING, what="the first failure")
            assert stream.status.sentence().startswith(f"Cannot reach the dispatch backend at {url} — retrying in ")
            if not has_credentials:
                client.set_credentials("supervisor", "supervisor")
            await asyncio.to_thread(backend.start, port)
            await until(lambda: stream.status.state is LinkState.CONNECTED, timeout=30, what="connected")
            assert len(store.units) >= 40

    try:
        run(body)
    finally:
        backend.stop()


def test_a_wrong_password_asks_for_login_and_new_credentials_connect(dispatchd: DispatchdProcess) -> None:
    async def body() -> None:
        async with connected(dispatchd.url, "operator", "wrong") as (_store, stream, client):
            await until(lambda: stream.status.state is LinkState.LOGIN_REQUIRED, what="login required")
            assert stream.status.sentence() == "Login required: The user name or the password is wrong."
            client.set_credentials("operator", "operator")
            stream.credentials_changed()
            await until(lambda: stream.status.state is LinkState.CONNECTED, what="connected")
            assert client.session is not None and client.session.role == "operator"

    run(body)


def test_a_refused_token_is_renewed_without_bothering_the_operator(dispatchd: DispatchdProcess) -> None:
    async def body() -> None:
        async with httpx.AsyncClient() as http:
            client = DispatchClient(http, dispatchd.url)
            client.set_credentials("operator", "operator")
            await client.login()
            client._token = "expired-or-revoked"  # what the backend would refuse
            snapshot = await client.snapshot()
            assert len(snapshot["units"]) >= 40

    run(body)


def test_a_refused_command_reaches_the_operator_as_the_backend_sentence(
    dispatchd: DispatchdProcess, tmp_path: Path
) -> None:
    errors: list[str] = []

    async def body() -> None:
        async with connected(dispatchd.url) as (store, stream, client):
            await until(lambda: stream.status.state is LinkState.CONNECTED, what="connected")
            with dispatchd.api() as api:
                created = api.post("/incidents", json=INCIDENT).json()
            await until(lambda: created["id"] in store.incidents, what="the incident")
            seen_by_operator = store.incidents[created["id"]]
            with dispatchd.api() as api:  # a colleague changes it meanwhile
                api.patch(f"/incidents/{created['id']}", json={"priority": 9})
            outbox = Outbox(OutboxFile(tmp_path / "outbox.jsonl"), client, errors.append)
            sender = asyncio.ensure_future(outbox.run())
            commands = Commands(errors.append)
            commands.attach(outbox)
            settled = commands.close_incident(seen_by_operator)
            assert settled is not None
            assert await settled is None, "refused: no answer"
            sender.cancel()

    run(body)
    assert errors == [
        f"Could not close {created_number(dispatchd)}: This incident ({created_number(dispatchd)}) changed since "
        "you opened it (now version 2, you had version 1); nothing was overwritten: check its new state and try again."
    ]


def created_number(dispatchd: DispatchdProcess) -> str:
    with dispatchd.api() as api:
        return str(api.get("/incidents").json()[0]["number"])


def test_a_malformed_event_is_logged_counted_and_skipped(
    dispatchd: DispatchdProcess, caplog: pytest.LogCaptureFixture
) -> None:
    async def body() -> None:
        async with connected(dispatchd.url) as (store, stream, _client):
            await until(lambda: stream.status.state is LinkState.CONNECTED, what="connected")
            bad_seq = _append_foreign_event(dispatchd.data_dir / "dispatchd.sqlite3")
            with dispatchd.api() as api:
                created = api.post("/incidents", json=INCIDENT).json()
            await until(lambda: created["id"] in store.incidents, what="the next good event")
            assert store.malformed_count == 1
            assert bad_seq not in store.applied and store.last_seq == bad_seq + 1

    run(body)
    assert any(
        "skipped malformed event seq=" in r.message and "unknown event type" in r.message for r in caplog.records
    )


def _append_foreign_event(database: Path) -> int:
    """Another writer (a newer backend, a bad migration) puts an event this console cannot read."""
    with contextlib.closing(sqlite3.connect(database, timeout=10)) as conn, conn:
        (seq,) = conn.execute(
            "UPDATE counters SET value = value + 1 WHERE name = 'event_seq' RETURNING value"
        ).fetchone()
        conn.execute(  # stamped now: dispatchd prunes events older than its retention, by the clock
            "INSERT INTO events (seq, ts, type, entity_type, entity_id, entity_version, actor, data) "
            "VALUES (?, ?, 'incident.teleported', 'incident', 'x', 1, 'other', ?)",
            (seq, utc_now(), json.dumps({"incident": {"id": "x"}})),
        )
    return int(seq)
