"""Events from dispatchd's log, through SSE, into the store and the live panels; GUI loop lag meanwhile.

    python -m bench.events [--events 100000]

A real dispatchd process serves the stream. This process runs a whole console (EventStream, Store, queue,
detail, dispatch, unit board and the live map in QtWebEngine) on a qasync loop (offscreen), while a writer
process appends position reports and incident updates to the backend's event log as fast as SQLite takes
them. A 5 ms Qt timer measures how
late the GUI loop runs. Ends with one line: `events_per_s=… loop_lag_p99_ms=…`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import multiprocessing.queues
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu" + (" --no-sandbox" if os.geteuid() == 0 else ""))

import httpx
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from console.app import build_console
from console.backend.client import DispatchClient
from console.backend.connection import LinkState
from console.backend.event_stream import EventStream
from console.map.scheme import register_scheme
from dispatchd.clock import utc_now
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
                            "stale_at": "2099-01-01T00:00:00.000Z",
                        },
                    )
                written += 1
    done["last_written"] = time.monotonic()
    done["last_seq"] = storage.last_seq()
    storage.close()
    results.put(done)


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
    async with httpx.AsyncClient(timeout=30) as http:
        client = DispatchClient(http, backend.url)
        client.set_credentials("supervisor", "supervisor")
        stream = EventStream(client, console.store, console.window.status.show_status)
        task = asyncio.ensure_future(stream.run())
        while stream.status.state is not LinkState.CONNECTED:
            await asyncio.sleep(0.05)
        start_seq = console.store.last_seq
        # A process of its own: the writer must not share this process's GIL with the console.
        spawn = multiprocessing.get_context("spawn")
        results: multiprocessing.queues.Queue[dict[str, float]] = spawn.Queue()
        writer = spawn.Process(target=write_events, args=(backend.data_dir / "dispatchd.sqlite3", count, results))
        last[0] = time.perf_counter()
        timer.start(PROBE_MS)
        writer.start()
        done: dict[str, float] = {}
        while not done or console.store.last_seq < done["last_seq"]:
            await asyncio.sleep(0.01)
            if not done and not results.empty():
                done = results.get()
        end = time.monotonic()
        timer.stop()
        writer.join()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    received = console.store.last_seq - start_seq
    elapsed = end - done["first"]
    rate = received / elapsed
    lags.sort()
    p50 = statistics.median(lags)
    p99 = lags[int(len(lags) * 0.99) - 1]
    print(f"events: {received} in {elapsed:.2f} s from the first write to the last one applied")
    print(f"writer: {count / (done['last_written'] - done['first']):.0f} events/s appended to the log")
    print(f"store: {console.store.applied_count} applied, {console.store.malformed_count} malformed")
    print(
        f"loop lag over {len(lags)} probes of {PROBE_MS} ms: p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {lags[-1]:.2f} ms"
    )
    print(f"events_per_s={rate:.0f} loop_lag_p99_ms={p99:.1f}")
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
            with loop:
                loop.run_until_complete(measure(backend, args.events))
        finally:
            backend.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
