"""Cursor on Target positions accepted by one dispatchd from many field clients over loopback.

    python -m bench.cot_intake [--clients 1000] [--rate 3] [--seconds 20] [--warmup 5]

One real dispatchd (SQLite) with as many units as clients, each unit's tracker uid that of one client; it listens
with `--cot-listen tcp://127.0.0.1:PORT`. A generator process opens one TCP connection per client and each client
sends a CoT position (XML, as ATAK sends it) `--rate` times a second, for W + S seconds; only the last S are
measured. Figures:
* `accepted_per_s`: reports dispatchd took (its /tak/status counter), over the measured seconds;
* `stream_p50_ms` / `stream_p99_ms`: from a probe report's send to its unit.positions event on dispatchd's event
  stream, read as a console reads it (the map adds its own 200 ms batching on top);
* `backend_cpu_pct`: dispatchd's CPU (% of one core) over the measured seconds.

The peer, in the same run: the same clients, rate and events sent to a plain asyncio TCP sink that only cuts the
stream into events (the same framing code) and counts them: what loopback, the generator and one Python process
can move. `accept_ratio` is dispatchd's accepted rate over the sink's; `cpu_ratio` dispatchd's CPU over the sink's.
Ends with one line: `clients=… offered_per_s=… accepted_per_s=… … accept_ratio=… cpu_ratio=…`
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import logging
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from bench.load import cpu_ticks, pct
from dispatchd.tak.framing import StreamSplitter
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.streams import free_port

log = logging.getLogger("bench.cot_intake")
PASSWORD = "bench-password-0"
PROBE_LAT = 10.0  # probe reports are sent at lat 10.xxxx: found again in the event stream


def cot(uid: str, lat: float, lon: float, now: datetime) -> bytes:
    t, stale = now.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), (now + timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return (
        f'<?xml version="1.0"?><event version="2.0" uid="{uid}" type="a-f-G-U-C" how="m-g" time="{t}" start="{t}" '
        f'stale="{stale}"><point lat="{lat:.6f}" lon="{lon:.6f}" hae="170" ce="8" le="10"/><detail>'
        f'<contact callsign="{uid}"/><track course="90" speed="4"/></detail></event>'
    ).encode()


# --- the field clients (a process of their own) ------------------------------------------------------------
async def _client(port: int, uid: str, rate: float, until: float, probes: multiprocessing.Queue, probe: bool) -> int:
    _reader, writer = await asyncio.open_connection("127.0.0.1", port)
    sent = 0
    period = 1.0 / rate
    await asyncio.sleep(period * (hash(uid) % 1000) / 1000)  # spread the clients over the period
    next_at = time.monotonic()
    while time.monotonic() < until:
        now = datetime.now(UTC)
        if probe:
            lat = PROBE_LAT + (sent % 10_000) / 1e5
            probes.put((uid, round(lat, 6), time.time()))
        else:
            lat = 45.70 + (sent % 100) / 1e4
        writer.write(cot(uid, lat, 4.80 + (hash(uid) % 1000) / 1e4, now))
        sent += 1
        next_at += period
        await writer.drain()
        await asyncio.sleep(max(0.0, next_at - time.monotonic()))
    writer.close()
    return sent


def field_clients(port: int, clients: int, rate: float, seconds: float, probes: multiprocessing.Queue) -> None:
    async def run() -> None:
        until = time.monotonic() + seconds
        sent = await asyncio.gather(
            *(_client(port, f"FIELD-{n:05d}", rate, until, probes, n < 5) for n in range(clients))
        )
        probes.put(("done", sum(sent), 0.0))

    asyncio.run(run())


# --- the peer: a sink that only cuts the stream into events ----------------------------------------------
def sink(port: int, counter: multiprocessing.Value) -> None:  # type: ignore[valid-type]
    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        splitter = StreamSplitter()
        while data := await reader.read(65536):
            frames = splitter.feed(data)
            with counter.get_lock():  # type: ignore[attr-defined]
                counter.value += len(frames)  # type: ignore[attr-defined]
        writer.close()

    async def run() -> None:
        server = await asyncio.start_server(serve, "127.0.0.1", port, backlog=4096)
        async with server:
            await server.serve_forever()

    asyncio.run(run())


# --- the run ---------------------------------------------------------------------------------------------
def seed(folder: Path, clients: int) -> Path:
    data = folder / "dispatchd"
    units = folder / "units.csv"
    with units.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["callsign", "agency", "type", "home_sector", "tracker_uid"])
        for n in range(clients):
            writer.writerow([f"F{n:05d}", "police", "Patrol", "", f"FIELD-{n:05d}"])
    subprocess.run([sys.executable, "-m", "dispatchd", "import", str(units), "--data-dir", str(data)], check=True,
                   capture_output=True)  # fmt: skip
    account = ["--create-user", "bench-sup", "--role", "supervisor"]
    subprocess.run([sys.executable, "-m", "dispatchd", "--data-dir", str(data), *account],
                   input=f"{PASSWORD}\n", text=True, check=True, capture_output=True)  # fmt: skip
    return data


async def stream_latency(url: str, token: str, probes: multiprocessing.Queue, stop: float) -> list[float]:
    """From each probe's send to its position's unit.positions event on the stream, in ms."""
    started = time.time()
    sent: dict[tuple[str, float], float] = {}
    seen: dict[tuple[str, float], float] = {}
    unit_of = {f"F{n:05d}@police": f"FIELD-{n:05d}" for n in range(5)}
    headers = {"Authorization": f"Bearer {token}"}
    stream = f"{url}/api/v1/events/stream"
    async with (
        httpx.AsyncClient(timeout=None) as http,
        http.stream("GET", stream, headers=headers, params={"after": 0}) as answer,
    ):
        buffer = ""
        async for chunk in answer.aiter_text():
            arrived = time.time()
            buffer += chunk
            while "\n\n" in buffer:
                block, buffer = buffer.split("\n\n", 1)
                data = next((line[6:] for line in block.splitlines() if line.startswith("data: ")), None)
                if data is None or '"unit.positions"' not in data:
                    continue
                for item in json.loads(data)["data"]["positions"]:
                    if item["unit_id"] in unit_of:
                        seen[(unit_of[item["unit_id"]], round(item["position"]["lat"], 6))] = arrived
            while not probes.empty():
                uid, lat, at = probes.get_nowait()
                if uid != "done":
                    sent[(uid, lat)] = at
            if time.time() > stop:
                break
    # a batch keeps the newest report of each track: a probe overtaken inside one batch never shows, as designed
    # probes sent before the measured seconds (the warm-up's, read in a burst when the stream opens) are not timed
    return [(seen[key] - at) * 1000 for key, at in sent.items() if key in seen and at >= started]


def offered_run(
    port: int, clients: int, rate: float, seconds: float
) -> tuple[multiprocessing.Process, multiprocessing.Queue]:
    probes: multiprocessing.Queue = multiprocessing.Queue()
    process = multiprocessing.Process(target=field_clients, args=(port, clients, rate, seconds, probes), daemon=True)
    process.start()
    return process, probes


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    total = args.warmup + args.seconds
    with tempfile.TemporaryDirectory(prefix="bench-cot-") as tmp:
        data = seed(Path(tmp), args.clients)
        port = free_port()
        backend = DispatchdProcess(data, "--cot-listen", f"tcp://127.0.0.1:{port}")
        backend.start(port=0)
        try:
            token = backend.token("bench-sup", PASSWORD)
            api = httpx.Client(base_url=f"{backend.url}/api/v1", headers={"Authorization": f"Bearer {token}"})
            clients, probes = offered_run(port, args.clients, args.rate, total)
            latency: list[float] = []
            measuring = asyncio.new_event_loop()
            time.sleep(args.warmup)
            accepted0, cpu0, t0 = api.get("/tak/status").json()["accepted"], cpu_ticks([backend.pid]), time.monotonic()
            latency = measuring.run_until_complete(
                stream_latency(backend.url, token, probes, time.time() + args.seconds)
            )
            accepted1, cpu1, t1 = api.get("/tak/status").json()["accepted"], cpu_ticks([backend.pid]), time.monotonic()
            clients.join(30)
            status = api.get("/tak/status").json()
        finally:
            backend.stop()
        hz = os.sysconf("SC_CLK_TCK")
        accepted_per_s = (accepted1 - accepted0) / (t1 - t0)
        backend_cpu = 100 * (cpu1 - cpu0) / hz / (t1 - t0)

        counter = multiprocessing.Value("q", 0)
        sink_port = free_port()
        peer = multiprocessing.Process(target=sink, args=(sink_port, counter), daemon=True)
        peer.start()
        time.sleep(0.5)
        clients, _ = offered_run(sink_port, args.clients, args.rate, total)
        time.sleep(args.warmup)
        s0, c0, t0 = counter.value, cpu_ticks([peer.pid or 0]), time.monotonic()
        time.sleep(args.seconds)
        s1, c1, t1 = counter.value, cpu_ticks([peer.pid or 0]), time.monotonic()
        clients.join(30)
        peer.terminate()
        sink_per_s = (s1 - s0) / (t1 - t0)
        sink_cpu = 100 * (c1 - c0) / hz / (t1 - t0)

    offered = args.clients * args.rate
    log.info("dispatchd: accepted %.0f/s of %.0f offered, dropped %s, CPU %.0f%%; probes timed: %d",
             accepted_per_s, offered, status["dropped"], backend_cpu, len(latency))  # fmt: skip
    log.info("peer (plain sink, same clients): %.0f/s, CPU %.0f%%", sink_per_s, sink_cpu)
    print(  # the benchmark's result line
        f"clients={args.clients} offered_per_s={offered:.0f} accepted_per_s={accepted_per_s:.0f} "
        f"stream_p50_ms={pct(latency, 0.5):.0f} stream_p99_ms={pct(latency, 0.99):.0f} "
        f"backend_cpu_pct={backend_cpu:.0f} sink_per_s={sink_per_s:.0f} sink_cpu_pct={sink_cpu:.0f} "
        f"accept_ratio={accepted_per_s / max(sink_per_s, 1e-9):.2f} cpu_ratio={backend_cpu / max(sink_cpu, 1e-9):.1f}"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=3.0, help="reports a second per client")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=5.0)
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
