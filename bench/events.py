"""Events from dispatchd's log, through SSE, into the store and the live panels; GUI loop lag meanwhile.

    python -m bench.events [--events 100000]

A real dispatchd process serves the stream. Its log is filled beforehand: the console takes the backend's
snapshot, then a writer process appends N events (9 in 10 position reports, 1 in 10 incident changes) straight
into the backend's database, as fast as SQLite takes them (the writer's rate is printed apart: it is the
disk's, not the console's). Then the console (EventStream, Store, queue, detail, dispatch, unit board and the
live map in QtWebEngine, on a qasync loop, offscreen) resumes from its snapshot's seq and catches up through
SSE, as after a restart of the backend, while a 5 ms Qt timer measures how late the GUI loop runs.

The peer, in the same run: a bare SSE reader (httpx-sse, JSON decoding each event, no GUI, no store) reads the
same N events from the same backend, once before and once after the console; `sse_ratio` is the console's
rate over the bare reader's (their mean). Ends with one line:
`events_per_s=… loop_lag_p99_ms=… writer_events_per_s=… bare_events_per_s=… sse_ratio=…`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import multiprocessing.queues
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu" + (" --no-sandbox" if os.geteuid() == 0 else ""))

import httpx
import qasync
from httpx_sse import aconnect_sse
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from console.app import build_console
from console.backend.client import DispatchClient
from console.backend.event_stream import EventStream
from console.event_loop import async_generators_closed_on
from console.map.scheme import register_scheme
from dispatchd.clock import format_utc, utc_now
from dispatchd.service import DispatchService
from dispatchd.storage.sqlite import SQLiteStorage
from tests.support.dispatchd_process import DispatchdProcess

PROBE_MS = 5


def write_events(database: Path, count: int, results: multiprocessing.queues.Queue[dict[str, float]]) -> None:
    """Append `count` events (9 in 10 position reports, 1 in 10 incident changes) in 2000-event commits."""
    storage = SQLiteStorage(database)
    service = DispatchService()
    with storage.read() as tx:
        units = [u["id"] for u in tx.list("unit")]
    with storage.transaction() as tx:
        incidents = [
            service.create_incident(
                tx,
                "bench",
                {
                    "type_code": "THEFT",
                    "type_text": "Theft reported",
                    "priority": 3,
                    "location": {"lat": 45.75, "lon": 4.84, "address_text": f"{n} Rue Pasteur"},
                },
            )["id"]
            for n in range(50)
        ]
    stale_at = format_utc(datetime.now(UTC) + timedelta(days=1))
    done = {"first": time.monotonic()}
    written = 50
    while written < count:
        with storage.transaction() as tx:
            for _ in range(min(2000, count - written)):
                if written % 10 == 0:
                    service.update_incident(tx, "bench", incidents[written % 50], {"priority": written % 11}, None)
                else:
                    service.report_position(
                        tx,
                        units[written % len(units)],
                        units[written % len(units)],
                        {
                            "lat": 45.75 + (written % 100) * 1e-5,
                            "lon": 4.84,
                            "course": 90.0,
                            "speed": 10.0,
                            "observed_at": utc_now(),
                            "stale_at": stale_at,
                        },
                    )
                written += 1
    done["last_written"] = time.monotonic()
    done["last_seq"] = storage.last_seq()
    storage.close()
    results.put(done)


class ResumingClient(DispatchClient):
    """The console's client, whose first snapshot is the one taken before the log was filled: the console then
    resumes from that seq through SSE, as it does when its backend comes back."""

    def __init__(self, http: httpx.AsyncClient, base_url: str, first: dict[str, Any]) -> None:
        super().__init__(http, base_url)
        self._first: dict[str, Any] | None = first

    async def snapshot(self) -> dict[str, Any]:
        first, self._first = self._first, None
        return first if first is not None else await super().snapshot()


def fill(backend: DispatchdProcess, count: int) -> tuple[float, int]:
    """Append `count` events from a process of its own; its rate (events/s) and the last seq."""
    spawn = multiprocessing.get_context("spawn")
    results: multiprocessing.queues.Queue[dict[str, float]] = spawn.Queue()
    writer = spawn.Process(target=write_events, args=(backend.data_dir / "dispatchd.sqlite3", count, results))
    writer.start()
    done = results.get(timeout=600)
    writer.join()
    return (count - 50) / (done["last_written"] - done["first"]), int(done["last_seq"])  # 50 incidents first


async def bare_reader(http: httpx.AsyncClient, backend: DispatchdProcess, token: str, after: int, last: int) -> float:
    """Events per second a plain SSE client reads from `after` to `last`, decoding each event's JSON."""
    started = time.perf_counter()
    seq = after
    async with (
        aconnect_sse(
            http,
            "GET",
            f"{backend.url}/api/v1/events/stream",
            headers={"Authorization": f"Bearer {token}", "Last-Event-ID": str(after)},
        ) as source,
        contextlib.aclosing(source.aiter_sse()) as events,
    ):
        async for sse in events:
            if sse.data and sse.id:
                seq = int(json.loads(sse.data)["seq"])
                if seq >= last:
                    break
    return (seq - after) / (time.perf_counter() - started)


async def measure(backend: DispatchdProcess, count: int) -> None:
    console = build_console("bench", fill_wall=False)  # the event pipeline alone; bench.wall measures video
    console.window.show()
    lags: list[float] = []
    last = [time.perf_counter()]

    def probe() -> None:
        now = time.perf_counter()
        lags.append(max(0.0, (now - last[0]) * 1000 - PROBE_MS))
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(probe)
    token = backend.token()
    async with httpx.AsyncClient(timeout=30) as http:
        with backend.api() as api:
            snapshot = api.get("/snapshot").json()
        start_seq = int(snapshot["seq"])
        writer_rate, last_seq = await asyncio.to_thread(fill, backend, count)
        print(f"log filled: {last_seq - start_seq} events after seq {start_seq}", flush=True)
        bare = [await bare_reader(http, backend, token, start_seq, last_seq)]
        client = ResumingClient(http, backend.url, snapshot)
        client.set_credentials("supervisor", "supervisor")
        stream = EventStream(client, console.store, console.window.status.show_status)
        last[0] = time.perf_counter()
        timer.start(PROBE_MS)
        started = time.perf_counter()
        task = asyncio.ensure_future(stream.run())
        while console.store.last_seq < last_seq:
            await asyncio.sleep(0.01)
        elapsed = time.perf_counter() - started
        timer.stop()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        bare.append(await bare_reader(http, backend, token, start_seq, last_seq))
    received = console.store.last_seq - start_seq
    rate = received / elapsed
    bare_rate = statistics.mean(bare)
    lags.sort()
    p50 = statistics.median(lags)
    p99 = lags[int(len(lags) * 0.99) - 1]
    print(f"writer: {writer_rate:.0f} events/s appended to the log (SQLite commits on this disk)")
    print(f"bare SSE reader (httpx-sse, JSON, no GUI): {bare[0]:.0f} events/s before the console, {bare[1]:.0f} after")
    print(f"console: {received} events caught up through SSE in {elapsed:.2f} s, {rate:.0f} events/s")
    print(f"store: {console.store.applied_count} applied, {console.store.malformed_count} malformed")
    print(
        f"loop lag over {len(lags)} probes of {PROBE_MS} ms: p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {lags[-1]:.2f} ms"
    )
    print(
        f"events_per_s={rate:.0f} loop_lag_p99_ms={p99:.1f} writer_events_per_s={writer_rate:.0f} "
        f"bare_events_per_s={bare_rate:.0f} sse_ratio={rate / bare_rate:.2f}"
    )
    await console.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-events-") as tmp:
        backend = DispatchdProcess(Path(tmp) / "dispatchd", "--demo", "--no-simulation")
        backend.start(port=0)
        try:
            register_scheme()
            app = QApplication.instance() or QApplication(sys.argv[:1])
            loop = qasync.QEventLoop(app)
            asyncio.set_event_loop(loop)
            with loop, async_generators_closed_on(loop):
                loop.run_until_complete(measure(backend, args.events))
        finally:
            backend.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
