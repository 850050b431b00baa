"""Commands made while the backend is down wait on disk and are applied exactly once when it is back."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from console.backend.client import DispatchClient
from console.backend.commands import Commands
from console.backend.outbox import Outbox
from console.backend.outbox_file import OutboxEntry, OutboxFile
from console.domain.model import Incident
from console.evidence.logic.clip import last
from tests.conftest import INCIDENT
from tests.support.asyncwait import until
from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e


@contextlib.asynccontextmanager
async def running_outbox(url: str, path: Path, errors: list[str]) -> Any:
    async with httpx.AsyncClient(timeout=5) as http:
        client = DispatchClient(http, url)
        client.set_credentials("operator", "operator")
        outbox = Outbox(OutboxFile(path), client, errors.append)
        task = asyncio.ensure_future(outbox.run())
        try:
            yield outbox
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


def _changes(backend: DispatchdProcess, incident_id: str) -> list[str]:
    with backend.api() as api:
        events = api.get("/events", params={"after": 0, "limit": 10_000}).json()["events"]
    return [e["type"] for e in events if e["entity"]["id"] == incident_id]


def test_a_command_made_offline_is_sent_once_after_a_console_restart(
    dispatchd: DispatchdProcess, tmp_path: Path
) -> None:
    with dispatchd.api() as api:
        incident = Incident.model_validate(api.post("/incidents", json=INCIDENT).json())
    dispatchd.kill()
    outbox_path = tmp_path / "outbox.jsonl"
    errors: list[str] = []

    async def offline_session() -> None:
        async with running_outbox(dispatchd.url, outbox_path, errors) as outbox:
            commands = Commands(errors.append)
            commands.attach(outbox)
            commands.close_incident(incident)
            await until(lambda: outbox.failed_attempts >= 1, what="a failed attempt")
            assert outbox.pending_count == 1

    asyncio.run(offline_session())  # the console quits with the command unsent
    assert len(OutboxFile(outbox_path).pending) == 1
    dispatchd.start()

    async def next_session() -> None:
        async with running_outbox(dispatchd.url, outbox_path, errors) as outbox:
            await until(lambda: outbox.pending_count == 0, what="the outbox emptied")

    asyncio.run(next_session())
    assert errors == []
    assert _changes(dispatchd, incident.id) == ["incident.created", "incident.closed"]
    assert OutboxFile(outbox_path).pending == []


def test_a_command_resent_after_a_crash_is_applied_once(dispatchd: DispatchdProcess, tmp_path: Path) -> None:
    with dispatchd.api("operator") as api:  # the console's user: keys are scoped per user
        created = api.post("/incidents", json=INCIDENT).json()
        entry = OutboxEntry(
            key="k-123",
            method="PATCH",
            path=f"/incidents/{created['id']}",
            body={"priority": 9},
            description="raise the priority",
            if_match=1,
        )
        # The console sent it, then crashed before it could note that it had: it is still pending on disk.
        api.patch(entry.path, json=entry.body, headers={"Idempotency-Key": entry.key, "If-Match": '"1"'})
    outbox_path = tmp_path / "outbox.jsonl"
    OutboxFile(outbox_path).add(entry)
    errors: list[str] = []

    async def after_restart() -> None:
        async with running_outbox(dispatchd.url, outbox_path, errors) as outbox:
            await until(lambda: outbox.pending_count == 0, what="the outbox emptied")

    asyncio.run(after_restart())
    assert errors == [], "the replayed answer is a success, not a 412"
    assert _changes(dispatchd, created["id"]) == ["incident.created", "incident.updated"]


def test_a_clip_tagged_offline_is_stored_once_even_if_sent_again(dispatchd: DispatchdProcess, tmp_path: Path) -> None:
    """Issue 6: tag while the backend is down, restart the console, bring the backend up: exactly one bookmark."""
    with dispatchd.api() as api:
        incident = Incident.model_validate(api.post("/incidents", json=INCIDENT).json())
    dispatchd.kill()
    outbox_path = tmp_path / "outbox.jsonl"
    errors: list[str] = []
    end = datetime(2026, 11, 25, 18, 30, 22, 480000, tzinfo=UTC)

    async def offline_session() -> None:
        async with running_outbox(dispatchd.url, outbox_path, errors) as outbox:
            commands = Commands(errors.append)
            commands.attach(outbox)
            commands.tag_clip(incident, ("camera", "cam-02"), last(10, end), ["fight"], "seen offline")
            await until(lambda: outbox.failed_attempts >= 1, what="a failed attempt")

    asyncio.run(offline_session())  # the console quits with the tag unsent
    pending = OutboxFile(outbox_path).pending
    assert len(pending) == 1 and pending[0].path == "/bookmarks"
    dispatchd.start()

    async def next_session(path: Path) -> None:
        async with running_outbox(dispatchd.url, path, errors) as outbox:
            await until(lambda: outbox.pending_count == 0, what="the outbox emptied")

    asyncio.run(next_session(outbox_path))
    again = tmp_path / "after-a-crash.jsonl"
    OutboxFile(again).add(pending[0])  # sent, but the console crashed before it knew: sent again, same key
    asyncio.run(next_session(again))
    assert errors == []
    with dispatchd.api() as api:
        bookmarks = api.get("/bookmarks", params={"incident_id": incident.id}).json()
    assert len(bookmarks) == 1
    assert (bookmarks[0]["start"], bookmarks[0]["end"]) == ("2026-11-25T18:30:12.480Z", "2026-11-25T18:30:22.480Z")
