"""The SSE protocol of a real dispatchd: ids, heartbeats, resume, resync past retention; gap catch-up."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from pathlib import Path

import httpx
import pytest

from console.backend.client import DispatchClient
from console.backend.connection import LinkState
from console.backend.event_stream import EventStream
from tests.conftest import INCIDENT
from tests.support.asyncwait import until
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.recording_store import RecordingStore

pytestmark = pytest.mark.e2e


def _read_stream(url: str, token: str, last_event_id: str, stop_when: str, timeout: float = 10) -> str:
    text = ""
    deadline = time.monotonic() + timeout
    headers = {"Authorization": f"Bearer {token}", "Last-Event-ID": last_event_id}
    with httpx.stream("GET", f"{url}/api/v1/events/stream", headers=headers, timeout=timeout) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        for chunk in response.iter_text():
            text += chunk
            if stop_when in text or time.monotonic() > deadline:
                break
    return text


def test_the_stream_sends_ids_resumes_after_last_event_id_and_beats(tmp_path: Path) -> None:
    backend = DispatchdProcess(tmp_path / "d", "--demo", "--no-simulation", "--heartbeat", "0.3")
    backend.start(port=0)
    try:
        with backend.api() as api:
            for _ in range(3):
                api.post("/incidents", json=INCIDENT)
            last = api.get("/health").json()["last_seq"]
        text = _read_stream(backend.url, backend.token(), str(last - 2), ": heartbeat")
        ids = [int(line[4:]) for line in text.splitlines() if line.startswith("id: ")]
        assert ids == [last - 1, last]
        assert "event: incident.created" in text
        assert ": heartbeat" in text
    finally:
        backend.stop()


def test_a_gap_older_than_retention_gets_resync_and_the_console_reloads(tmp_path: Path) -> None:
    backend = DispatchdProcess(tmp_path / "d", "--demo", "--no-simulation")
    backend.start(port=0)
    store = RecordingStore()

    async def body() -> None:
        async with httpx.AsyncClient(timeout=10) as http:
            client = DispatchClient(http, backend.url)
            client.set_credentials("supervisor", "supervisor")
            stream = EventStream(client, store, store.on_status)
            task = asyncio.ensure_future(stream.run())
            try:
                await until(lambda: stream.status.state is LinkState.CONNECTED, what="connected")
                backend.kill()
                await until(lambda: stream.status.state is LinkState.RECONNECTING, what="the loss noticed")
                # Out of the console's reach (on another port), the backend keeps almost nothing: an incident is
                # created and its event pruned before the console can see it. (Where the console could, it would
                # race the pruning: the event followed live, no resync.)
                aside = DispatchdProcess(backend.data_dir, *backend.args, "--retention", "0.2")
                await asyncio.to_thread(aside.start, 0)
                try:
                    with aside.api() as api:
                        created = api.post("/incidents", json=INCIDENT).json()
                        await until(
                            lambda: api.get("/events", params={"after": 0}).status_code == 410, what="the events pruned"
                        )
                finally:
                    aside.stop()
                backend.args += ["--retention", "0.2"]
                await asyncio.to_thread(backend.start)  # where the console looks for it: what it missed is gone
                await until(lambda: len(store.snapshots) == 2, timeout=30, what="a second snapshot")
                assert created["id"] in store.incidents
            finally:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    try:
        asyncio.run(body())
        raw = _read_stream(backend.url, backend.token(), "1", "event: resync")
        assert "event: resync" in raw, "a plain SSE client is told too"
    finally:
        backend.stop()


def test_a_gap_in_the_stream_is_filled_from_the_catch_up(dispatchd: DispatchdProcess) -> None:
    store = RecordingStore()

    async def body() -> None:
        async with httpx.AsyncClient(timeout=10) as http:
            client = DispatchClient(http, dispatchd.url)
            client.set_credentials("supervisor", "supervisor")
            store.reset(await client.snapshot())
            start = store.last_seq
            with dispatchd.api() as api:
                for _ in range(4):
                    api.post("/incidents", json=INCIDENT)
            events = await client.events_after(start)
            newest = events[-1]
            stream = EventStream(client, store, store.on_status)
            # The stream hands over the newest event first, as if three had been lost on the way.
            await stream._handle(str(newest["seq"]), newest["type"], json.dumps(newest))
            assert store.applied == [e["seq"] for e in events]
            assert len(store.incidents) == 4

    asyncio.run(body())
