"""A real centre's load on dispatchd: consoles streaming, units reporting, operators commanding.

    python -m bench.load [--database sqlite|postgresql] [--instances K] [--consoles N] [--units U]
                         [--commands C] [--gateways G] [--seconds S] [--warmup W]

Starts K real dispatchd processes on loopback (SQLite under a data folder, K = 1; or PostgreSQL: a throw-away
cluster of Debian's server, K instances on one database), with U units and 20 open incidents in the database.
Then, for W + S seconds:
* N consoles follow the event stream with the console's own code (DispatchClient, EventStream, DispatchState;
  no widgets), spread over worker processes; console i uses instance i mod K first (`URL1,URL2`: failover).
  Each event's fan-out latency is its receipt in a console's state minus its `ts` (set when it was appended).
* G gateways (an AVL gateway, a TAK bridge) post the units' positions through `POST /units/positions`: every
  unit reports every 5 s, each gateway sends the reports of its units due in that second, once a second.
* C commands a second, in turn: a note, an assignment, a unit status change, the unit's release.
Only the last S seconds are measured. Then the load stops and each console must reach the backend's last seq
with no gap, no reload and nothing applied twice (`lost=0`).

CPU (% of one core) and memory of each dispatchd and of PostgreSQL are read from /proc over the measured
seconds. The load generator says when it was the limit: its console workers' CPU and event-loop lag, and how
late the gateways' and commands' ticks ran.

The peer, in the same run: the same batches of positions written straight into the same kind of storage by
the same service code in this process (no HTTP, no fan-out): `batch_ratio` is dispatchd's batch latency p50
over the peer's. Ends with one line:
`consoles=… units=… writes_per_s=… cmd_p99_ms=… fanout_p99_ms=… backend_cpu_pct=… db_cpu_pct=… lost=… batch_ratio=…`
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import multiprocessing
import multiprocessing.queues
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from console.backend.client import DispatchClient
from console.backend.connection import ConnectionStatus
from console.backend.event_stream import EventStream
from console.domain.events import Event, MalformedEvent
from console.domain.state import DispatchState, Outcome
from dispatchd.auth import Authenticator, Role
from dispatchd.clock import utc_now
from dispatchd.service import DispatchService
from dispatchd.storage import Storage, open_storage
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.postgres import PostgresCluster

PASSWORD = "bench-password-0"
REPORT_EVERY_S = 5
INCIDENTS = 20
CALL = {"type_code": "THEFT", "type_text": "Theft", "priority": 3, "location": {"lat": 45.75, "lon": 4.84}}
TICK = os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# --- the database ---------------------------------------------------------------------------------------
def unit_ids(count: int) -> list[str]:
    return [f"U{n:05d}@police" for n in range(count)]


def seed(storage: Storage, units: int) -> list[str]:
    """Accounts, the fleet and open incidents, straight into the database (a centre's configuration)."""
    auth = Authenticator(storage, 12 * 3600)
    auth.add_account("bench-op", PASSWORD, Role.OPERATOR)
    service = DispatchService()
    with storage.transaction() as tx:
        for n, unit_id in enumerate(unit_ids(units)):
            service.register_unit(
                tx,
                "bench",
                {
                    "id": unit_id,
                    "callsign": f"U{n:05d}",
                    "agency": "police",
                    "type_common": "Patrol",
                    "primary_status": "Available",
                    "secondary_status": "Available",
                    "incident_id": None,
                    "position": None,
                },
            )
        return [service.create_incident(tx, "bench", CALL)["id"] for _ in range(INCIDENTS)]


def position_reports(units: list[str], second: int) -> list[dict[str, Any]]:
    return [
        {
            "unit_id": unit_id,
            "lat": 45.70 + (n % 100) * 1e-3 + second * 1e-6,
            "lon": 4.80 + (n // 100) * 1e-3,
            "course": float(second * 7 % 360),
            "speed": 9.5,
            "stale_after_s": 30.0,
        }
        for n, unit_id in enumerate(units)
        if (n + second) % REPORT_EVERY_S == 0
    ]


def peer_batch_ms(kind: str, cluster: PostgresCluster | None, units: int, gateways: int) -> list[float]:
    """The same batches written straight into a storage of the same kind by the service: ms per batch."""
    folder = Path(tempfile.mkdtemp(prefix="bench-peer-"))
    storage = open_storage(cluster.new_database() if cluster else None, folder)
    try:
        seed(storage, units)
        service = DispatchService()
        mine = unit_ids(units)[::gateways]
        times = []
        for second in range(60):
            reports = [
                (
                    r["unit_id"],
                    {
                        "lat": r["lat"],
                        "lon": r["lon"],
                        "course": r["course"],
                        "speed": r["speed"],
                        "observed_at": utc_now(),
                        "stale_at": utc_now(),
                    },
                )
                for r in position_reports(mine, second)
            ]
            started = time.perf_counter()
            with storage.transaction() as tx:
                service.report_positions(tx, "peer", reports)
            times.append((time.perf_counter() - started) * 1000)
        return times
    finally:
        storage.close()


# --- the consoles (worker processes) ----------------------------------------------------------------------
class MeasuringSink:
    """A console's state; the fan-out latency of each event applied in the measured window."""

    def __init__(self, measure_from: float, latencies: list[float], counts: dict[str, int]) -> None:
        self.state = DispatchState()
        self._from = measure_from
        self._latencies = latencies
        self._counts = counts
        self.applied: list[int] = []

    @property
    def last_seq(self) -> int:
        return self.state.last_seq

    def reset(self, snapshot: dict[str, Any]) -> None:
        self._counts["snapshots"] += 1
        self.state.load_snapshot(snapshot)

    def apply(self, event: Event) -> Outcome:
        outcome = self.state.apply(event).outcome
        now = time.time()
        if outcome is Outcome.APPLIED:
            if self.applied and event.seq != self.applied[-1] + 1:
                self._counts["out_of_order"] += 1
            self.applied.append(event.seq)
            if now >= self._from:
                self._latencies.append((now - event.ts.timestamp()) * 1000)
        else:
            self._counts[outcome.value] += 1
        return outcome

    def malformed(self, error: MalformedEvent) -> Outcome:
        self._counts["malformed"] += 1
        return self.state.skip(error)


async def run_consoles(
    urls: list[str],
    first: int,
    count: int,
    measure_from: float,
    stop_at: float,
    done: multiprocessing.queues.Queue[dict[str, Any]],
) -> None:
    latencies: list[float] = []
    counts = {"snapshots": 0, "gap": 0, "resync": 0, "duplicate": 0, "malformed": 0, "out_of_order": 0}
    sinks = [MeasuringSink(measure_from, latencies, counts) for _ in range(count)]
    lags: list[float] = []
    limits = httpx.Limits(max_connections=count + 20, max_keepalive_connections=count + 20)
    async with httpx.AsyncClient(timeout=httpx.Timeout(10.0, read=60.0), limits=limits) as http:
        tasks = []
        for n, sink in enumerate(sinks):
            i = first + n
            ordered = urls[i % len(urls) :] + urls[: i % len(urls)]
            client = DispatchClient(http, ",".join(ordered))
            client.set_credentials("bench-op", PASSWORD)

            def ignore(_status: ConnectionStatus) -> None:
                pass

            tasks.append(asyncio.ensure_future(EventStream(client, sink, ignore).run()))
            await asyncio.sleep(0.02)  # logins spread, as consoles starting over a minute
        while time.time() < measure_from and any(s.last_seq == 0 for s in sinks):
            await asyncio.sleep(0.1)
        # N consoles in one process hold N times a console's objects, and the cyclic collector's passes over
        # them stalled this loop for 200 ms at a time, a cost no console on its own workstation pays (it holds one
        # state). The states hold no reference cycles (freed by reference counting): once the snapshots are
        # loaded, the collector is left out of the measured seconds.
        gc.freeze()
        gc.disable()
        before = resource.getrusage(resource.RUSAGE_SELF)
        measured_wall = 0.0
        while (now := time.time()) < stop_at:
            tick = time.perf_counter()
            await asyncio.sleep(0.01)
            if now >= measure_from:
                lags.append((time.perf_counter() - tick - 0.01) * 1000)
                measured_wall += time.perf_counter() - tick
            if now < measure_from:
                before = resource.getrusage(resource.RUSAGE_SELF)
        after = resource.getrusage(resource.RUSAGE_SELF)
        done.put(
            {
                "kind": "measured",
                "latencies": latencies,
                "lag_p99": pct(lags, 0.99),
                "cpu_s": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
                "wall_s": measured_wall,
            }
        )
        wanted = await _last_seq(http, urls)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(s.last_seq < wanted for s in sinks):
            await asyncio.sleep(0.1)
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    behind = sum(s.last_seq < wanted for s in sinks)
    done.put(
        {
            "kind": "final",
            "counts": counts,
            "behind": behind,
            "wanted": wanted,
            "last_seqs": [s.last_seq for s in sinks],
        }
    )


async def _last_seq(http: httpx.AsyncClient, urls: list[str]) -> int:
    await asyncio.sleep(1.0)  # commands answered just before the stop have committed
    answer = await http.get(f"{urls[0]}/api/v1/health")
    return int(answer.json()["last_seq"])


def console_worker(*args: Any) -> None:
    asyncio.run(run_consoles(*args))


# --- the load -------------------------------------------------------------------------------------------
class Load:
    """Gateways and operators, on one asyncio loop; latencies and lateness of what they sent."""

    def __init__(
        self,
        urls: list[str],
        token: str,
        units: list[str],
        incidents: list[str],
        gateways: int,
        commands_per_s: float,
        measure_from: float,
        stop_at: float,
    ) -> None:
        self.urls, self.units, self.incidents = urls, units, incidents
        self.gateways, self.rate = gateways, commands_per_s
        self.measure_from, self.stop_at = measure_from, stop_at
        self.headers = {"Authorization": f"Bearer {token}"}
        self.batch_ms: list[float] = []
        self.cmd_ms: list[float] = []
        self.late_ms: list[float] = []
        self.reports = 0
        self.refused: dict[int, int] = {}
        self._pending: set[asyncio.Task[None]] = set()

    def _measured(self) -> bool:
        return time.time() >= self.measure_from

    async def _send(self, http: httpx.AsyncClient, method: str, url: str, body: Any, into: list[float]) -> int:
        started = time.perf_counter()
        answer = await http.request(method, url, json=body, headers=self.headers)
        if self._measured():
            into.append((time.perf_counter() - started) * 1000)
        if answer.status_code >= 300:
            self.refused[answer.status_code] = self.refused.get(answer.status_code, 0) + 1
        return answer.status_code

    def _fire(self, coroutine: Any) -> None:
        task = asyncio.ensure_future(coroutine)
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def gateway(self, http: httpx.AsyncClient, g: int) -> None:
        mine = self.units[g :: self.gateways]
        url = f"{self.urls[g % len(self.urls)]}/api/v1/units/positions"
        start = time.monotonic() + g / self.gateways  # the gateways' seconds are spread
        second = 0
        while time.time() < self.stop_at:
            due = start + second
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            if self._measured():
                self.late_ms.append((time.monotonic() - due) * 1000)
            reports = position_reports(mine, second)
            if reports:
                if self._measured():
                    self.reports += len(reports)
                self._fire(self._send(http, "POST", url, {"reports": reports}, self.batch_ms))
            second += 1

    async def operators(self, http: httpx.AsyncClient) -> None:
        start, n = time.monotonic(), 0
        while time.time() < self.stop_at:
            due = start + n / self.rate
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            if self._measured():
                self.late_ms.append((time.monotonic() - due) * 1000)
            base = self.urls[n % len(self.urls)] + "/api/v1"
            incident = self.incidents[n % len(self.incidents)]
            unit = self.units[(n // 4) % 50]
            step = n % 4
            if step == 0:
                self._fire(
                    self._send(
                        http, "POST", f"{base}/incidents/{incident}/notes", {"text": f"Caller again, {n}"}, self.cmd_ms
                    )
                )
            elif step == 1:
                self._fire(
                    self._send(http, "POST", f"{base}/incidents/{incident}/assignments", {"unit_id": unit}, self.cmd_ms)
                )
            elif step == 2:
                self._fire(
                    self._send(http, "PATCH", f"{base}/units/{unit}", {"secondary_status": "OnScene"}, self.cmd_ms)
                )
            else:
                self._fire(
                    self._send(http, "PATCH", f"{base}/units/{unit}", {"secondary_status": "Available"}, self.cmd_ms)
                )
            n += 1

    async def run(self) -> None:
        limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
        async with httpx.AsyncClient(timeout=30, limits=limits) as http:
            await asyncio.gather(self.operators(http), *(self.gateway(http, g) for g in range(self.gateways)))
            if self._pending:
                await asyncio.wait(self._pending, timeout=30)


# --- /proc ----------------------------------------------------------------------------------------------
def cpu_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


def postgres_pids(cluster: PostgresCluster) -> list[int]:
    """The postmaster and its children (the backends serving dispatchd's connections)."""
    postmaster = int((cluster.folder / "data" / "postmaster.pid").read_text().split()[0])
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == postmaster:
                children.append(int(stat.parent.name))
    return [postmaster, *children]


# --- the run --------------------------------------------------------------------------------------------
def run(args: argparse.Namespace) -> int:
    if args.database == "sqlite" and args.instances != 1:
        print("SQLite serves one instance; use --database postgresql for several", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    cluster = PostgresCluster() if args.database == "postgresql" else None
    instances: list[DispatchdProcess] = []
    workers: list[multiprocessing.process.BaseProcess] = []
    try:
        url = None
        if cluster is not None:
            cluster.start()
            url = cluster.new_database()
        storage = open_storage(url, folder / "dispatchd-0")
        incidents = seed(storage, args.units)
        storage.close()
        for k in range(args.instances):
            extra = ("--database", url) if url else ()
            instances.append(DispatchdProcess(folder / f"dispatchd-{k}", *extra))
            instances[-1].start(port=0)
        urls = [i.url for i in instances]
        token = instances[0].token("bench-op", PASSWORD)
        print(f"{args.instances} dispatchd on {args.database}: {', '.join(urls)}", flush=True)

        begin = time.time() + 2 + args.consoles * 0.02 / max(1, args.processes)  # the consoles have logged in
        measure_from, stop_at = begin + args.warmup, begin + args.warmup + args.seconds
        spawn = multiprocessing.get_context("spawn")
        results: multiprocessing.queues.Queue[dict[str, Any]] = spawn.Queue()
        share = [args.consoles // args.processes + (p < args.consoles % args.processes) for p in range(args.processes)]
        first = 0
        for count in share:
            worker = spawn.Process(target=console_worker, args=(urls, first, count, measure_from, stop_at, results))
            worker.start()
            workers.append(worker)
            first += count
        load = Load(urls, token, unit_ids(args.units), incidents, args.gateways, args.commands, measure_from, stop_at)

        async def drive() -> dict[str, Any]:
            await asyncio.sleep(max(0.0, begin - time.time()))
            sampled: dict[str, Any] = {}

            async def sample() -> None:
                await asyncio.sleep(max(0.0, measure_from - time.time()))
                sampled["t0"], sampled["seq0"] = time.monotonic(), instances[0].last_seq_now()
                sampled["cpu0"] = [cpu_ticks([i.pid]) for i in instances]
                sampled["db0"] = cpu_ticks(postgres_pids(cluster)) if cluster else 0
                await asyncio.sleep(max(0.0, stop_at - time.time()))
                sampled["t1"], sampled["seq1"] = time.monotonic(), instances[0].last_seq_now()
                sampled["cpu1"] = [cpu_ticks([i.pid]) for i in instances]
                sampled["db1"] = cpu_ticks(postgres_pids(cluster)) if cluster else 0
                sampled["rss"] = [rss_mb([i.pid]) for i in instances]
                sampled["db_rss"] = rss_mb(postgres_pids(cluster)) if cluster else 0.0

            await asyncio.gather(load.run(), sample())
            return sampled

        sampled = asyncio.run(drive())
        measured = [results.get(timeout=120) for _ in workers]
        finals = [results.get(timeout=120) for _ in workers]
        for worker in workers:
            worker.join(timeout=30)
        peer = peer_batch_ms(args.database, cluster, args.units, args.gateways)
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.kill()
        for instance in instances:
            instance.stop()
        if cluster is not None:
            cluster.stop()

    span = sampled["t1"] - sampled["t0"]
    fanout = [ms for m in measured for ms in m["latencies"]]
    cpu = [(c1 - c0) / TICK / span * 100 for c0, c1 in zip(sampled["cpu0"], sampled["cpu1"], strict=True)]
    db_cpu = (sampled["db1"] - sampled["db0"]) / TICK / span * 100
    counts = {k: sum(f["counts"][k] for f in finals) for k in finals[0]["counts"]}
    behind = sum(f["behind"] for f in finals)
    lost = behind + counts["gap"] + counts["resync"] + counts["out_of_order"] + counts["malformed"]
    twice = counts["duplicate"]
    reloads = counts["snapshots"] - args.consoles
    workers_cpu = sum(m["cpu_s"] for m in measured) / span * 100
    worker_lag = max(m["lag_p99"] for m in measured)
    writes = load.reports / span
    events = (sampled["seq1"] - sampled["seq0"]) / span
    refused = ", ".join(f"{n}×{code}" for code, n in sorted(load.refused.items())) or "none"
    print(
        f"measured {span:.0f} s after {args.warmup:.0f} s of warm-up; {args.consoles} consoles in {args.processes} "
        f"worker processes; {args.units} units every {REPORT_EVERY_S} s through {args.gateways} gateways; "
        f"{args.commands:g} commands/s"
    )
    print(
        f"writes: {writes:.0f} position reports/s ({args.units / REPORT_EVERY_S:.0f} asked) in "
        f"{len(load.batch_ms) / span:.1f} batches/s; batch p50 {pct(load.batch_ms, 0.5):.1f} ms, "
        f"p99 {pct(load.batch_ms, 0.99):.1f} ms"
    )
    print(
        f"commands: {len(load.cmd_ms)} answered, p50 {pct(load.cmd_ms, 0.5):.1f} ms, p99 "
        f"{pct(load.cmd_ms, 0.99):.1f} ms; refused: {refused}"
    )
    print(
        f"fan-out: {len(fanout)} receipts, p50 {pct(fanout, 0.5):.1f} ms, p99 {pct(fanout, 0.99):.1f} ms; "
        f"{events:.1f} events/s appended; after the stop every console at seq {finals[0]['wanted']}: "
        f"{'yes' if behind == 0 else f'no, {behind} behind'}; gaps {counts['gap']}, reloads {reloads}, "
        f"applied twice {twice}"
    )
    for k, (c, mb) in enumerate(zip(cpu, sampled["rss"], strict=True)):
        print(f"dispatchd[{k}]: cpu {c:.0f} % of a core, rss {mb:.0f} MB")
    if cluster is not None:
        print(f"postgresql: cpu {db_cpu:.0f} % of a core, rss {sampled['db_rss']:.0f} MB (postmaster and backends)")
    late = pct(load.late_ms, 0.99)
    limited = workers_cpu > 90 * args.processes or worker_lag > 100 or late > 100
    print(
        f"load generator: console workers {workers_cpu:.0f} % cpu, loop lag p99 {worker_lag:.1f} ms; "
        f"ticks late p99 {late:.1f} ms -> "
        + (
            "LIMIT: the load generator, not dispatchd, was the limit (its figures include its own queueing)"
            if limited
            else "kept up (the figures are dispatchd's)"
        )
    )
    peer_p50 = pct(peer, 0.5)
    ratio = pct(load.batch_ms, 0.5) / peer_p50
    print(
        f"peer: the same batches written straight into {args.database} by the service in-process: p50 "
        f"{peer_p50:.1f} ms, p99 {pct(peer, 0.99):.1f} ms; batch_ratio {ratio:.1f} (dispatchd over HTTP / peer)"
    )
    cmd_p99 = pct(load.cmd_ms, 0.99)
    print(
        f"consoles={args.consoles} units={args.units} writes_per_s={writes:.0f} cmd_p99_ms={cmd_p99:.0f} "
        f"fanout_p99_ms={pct(fanout, 0.99):.0f} backend_cpu_pct={sum(cpu):.0f} db_cpu_pct={db_cpu:.0f} "
        f"lost={lost} batch_ratio={ratio:.1f}"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="postgresql")
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--consoles", type=int, default=100)
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--commands", type=float, default=5.0, help="operator commands per second")
    parser.add_argument("--gateways", type=int, default=10, help="AVL gateways carrying the units' reports")
    parser.add_argument("--processes", type=int, default=2, help="worker processes for the consoles")
    parser.add_argument("--seconds", type=float, default=60.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=15.0)
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
