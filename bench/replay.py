"""Session recording and replay: the recorder's overhead and seek times on a long, busy session.

    python -m bench.replay --events 1000000

Builds an N-event session spread over 8 hours of a busy centre (300 incidents, 200 units: 70% position
reports, 4% unit status changes, social posts (`--posts`, default 1%: 10,000 in 8 h for a million events),
the rest incident changes), delivered as the stream delivers them. Every post stays in the state (the
console keeps 25 hours of them), so the share of posts sets how big the state to load at a seek is.

First the events go through a Store without and then with a SessionRecorder attached:
`record_overhead_pct` is the extra CPU time of the GUI thread per event (what recording costs a live
console); the slowdown when events come flat out (the writer thread shares the interpreter lock) and the
writer's throughput are printed too. Then 200 seeks at random times: the state at that time read from the
file (last checkpoint + the events after it) and loaded into a Store, as the player does.

The peer, in the same run: for a share of those seeks (`--plain-reads`, evenly spread), a plain read of the
same file's rows up to that time (one SELECT, every row fetched, nothing decoded): what reading the session
from its start would cost on this machine. `seek_ratio_p50` is the median over those seeks of seek time over
plain-read time (below 1: the checkpoints make a seek cheaper than reading up to it). Ends with one line
`events=N seek_ms_p50=… seek_ms_p99=… record_overhead_pct=… file_mb=… plain_read_ms_p50=… seek_ratio_p50=…`.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from console.domain.events import Event, parse_sse_event
from console.recording.logic.session_file import SessionReader
from console.recording.recorder import SessionRecorder
from console.state.store import Store

HOURS = 8
T0 = "2026-11-24T20:00:00.000Z"


def incident(n: int, version: int, priority: int) -> dict[str, Any]:
    return {
        "id": f"i{n}", "number": f"2026-{n:06d}", "type_code": "FIGHT", "type_text": "Fight on the public way",
        "priority": priority, "status": "active", "status_common": "ResourcesAssigned",
        "location": {"lat": 45.75 + n / 10000, "lon": 4.84, "address_text": f"{n} Rue Pasteur", "sector": "Centre"},
        "agencies": ["police"], "assigned_units": [], "notes": [], "version": version,
        "created_at": T0, "updated_at": T0,
    }  # fmt: skip


def unit(n: int, version: int, status: str) -> dict[str, Any]:
    return {
        "id": f"U{n}@police", "callsign": f"PS-{n:03d}", "agency": "police", "type_common": "PatrolUnit",
        "primary_status": "Available", "secondary_status": status, "incident_id": None, "position": None,
        "version": version,
    }  # fmt: skip


def make_events(count: int, rng: random.Random, posts: float = 0.01) -> list[Event]:
    events, versions = [], {}
    for seq in range(2, count + 2):
        roll = rng.random()
        if roll < 0.70:
            n = rng.randrange(200)
            position = {"lat": 45.7 + rng.random() / 20, "lon": 4.8 + rng.random() / 20, "course": 90.0,
                        "speed": 8.0, "observed_at": T0, "stale_at": "2026-11-25T08:00:00Z"}  # fmt: skip
            raw = {"type": "unit.position", "id": f"U{n}@police", "data": {"position": position}}
        elif roll < 0.96 - posts:
            n = rng.randrange(300)
            versions[n] = versions.get(n, 1) + 1
            changed = incident(n, versions[n], rng.randint(1, 10))
            raw = {"type": "incident.updated", "id": f"i{n}", "data": {"incident": changed, "changed": ["priority"]}}
        elif roll < 0.96:
            post = {"id": f"p{seq}", "platform": "demo", "text": "Bagarre devant la gare " * 3, "lang": "fr",
                    "posted_at": T0, "author": "@someone"}  # fmt: skip
            raw = {"type": "social.post", "id": post["id"], "data": {"post": post}}
        else:
            n = rng.randrange(200)
            raw = {"type": "unit.updated", "id": f"U{n}@police", "data": {"unit": unit(n, seq, "EnRoute")}}
        envelope = {"seq": seq, "ts": T0, "type": raw["type"], "entity": {"type": "x", "id": raw["id"], "version": 1},
                    "actor": "bench", "data": raw["data"]}  # fmt: skip
        events.append(parse_sse_event(str(seq), raw["type"], json.dumps(envelope)))  # as the stream delivers them
    return events


def base_snapshot() -> dict[str, Any]:
    return {
        "seq": 1, "incidents": [incident(n, 1, 5) for n in range(300)],
        "units": [unit(n, 1, "Available") for n in range(200)],
        "cameras": [], "media": [], "bookmarks": [], "watch_rules": [], "social_posts": [], "social_sources": [],
    }  # fmt: skip


def apply_all(store: Store, events: list[Event]) -> tuple[float, float]:
    """Wall time and the GUI thread's own CPU time to apply the events."""
    started, cpu = time.perf_counter(), time.thread_time()
    for event in events:
        store.apply(event)
    return time.perf_counter() - started, time.thread_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seeks", type=int, default=200)
    parser.add_argument("--plain-reads", type=int, default=50, help="seeks also timed as a plain read")
    parser.add_argument("--posts", type=float, default=0.01, help="share of social posts among the events")
    args = parser.parse_args()
    rng = random.Random(5)
    events = make_events(args.events, rng, args.posts)
    print(f"{len(events):,} events made", flush=True)

    plain = Store()
    plain.reset(base_snapshot())
    without, without_cpu = apply_all(plain, events)

    folder = Path(tempfile.mkdtemp(prefix="bench-replay-"))
    path = folder / "busy.session"
    recorded = Store()
    span = HOURS * 3600.0
    clock_start, step = time.time() - span, span / len(events)
    position = {"i": 0}  # record times spread over 8 hours, as a live session would have them
    recorder = SessionRecorder(recorded, path, {"user": "bench"}, clock=lambda: clock_start + position["i"] * step)
    recorded.reset(base_snapshot())
    started, cpu = time.perf_counter(), time.thread_time()
    for index, event in enumerate(events):
        position["i"] = index
        recorded.apply(event)
    with_recorder, with_cpu = time.perf_counter() - started, time.thread_time() - cpu
    recorder.close()
    drained = time.perf_counter() - started
    overhead = (with_cpu - without_cpu) / without_cpu * 100
    print(
        f"GUI thread CPU: {without_cpu:.1f} s alone, {with_cpu:.1f} s with the recorder (+{overhead:.0f}%); "
        f"wall time flat out: {without:.1f} s vs {with_recorder:.1f} s (the writer thread shares the interpreter "
        f"lock: {(with_recorder - without) / without * 100:.0f}% slower when events come as fast as they can); "
        f"file done after {drained:.1f} s ({len(events) / drained:,.0f} events/s written)"
    )

    # The bench's own million events stay in memory (a replaying console does not hold them): out of the
    # collector's sight, or each full collection walks them for ~2 s and lands in a seek or two at random
    # (measured: 17–19 such pauses per run, 1.3–2.2 s each, p99 flipping between 0.2 and 2 s).
    del plain, recorded
    gc.collect()
    gc.freeze()
    reader = SessionReader(path)
    plain = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    seeks, plain_reads, ratios = [], [], []
    plain_every = max(1, args.seeks // max(1, args.plain_reads))
    for index in range(args.seeks):
        t = reader.start + rng.random() * (reader.end - reader.start)
        begun = time.perf_counter()
        snapshot, _ = reader.state_at(t)
        Store().reset(snapshot)
        seeks.append((time.perf_counter() - begun) * 1000)
        if index % plain_every == 0:
            begun = time.perf_counter()
            plain.execute("SELECT id, t, kind, type, body FROM records WHERE t <= ? ORDER BY id", (t,)).fetchall()
            plain_reads.append((time.perf_counter() - begun) * 1000)
            ratios.append(seeks[-1] / plain_reads[-1])
    plain.close()
    print(
        f"plain reads of the rows up to the seek's time: {len(plain_reads)}, p50 "
        f"{statistics.median(plain_reads):.0f} ms, max {max(plain_reads):.0f} ms; seek / plain read per seek: "
        f"p50 {statistics.median(ratios):.2f}, max {max(ratios):.2f}"
    )
    seeks.sort()
    p50 = statistics.median(seeks)
    p99 = seeks[min(len(seeks) - 1, int(len(seeks) * 0.99))]
    size_mb = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
    print(f"{args.seeks} seeks over {reader.count:,} records, max {seeks[-1]:.0f} ms")
    print(
        f"events={len(events)} seek_ms_p50={p50:.0f} seek_ms_p99={p99:.0f} "
        f"record_overhead_pct={overhead:.0f} file_mb={size_mb:.0f} "
        f"plain_read_ms_p50={statistics.median(plain_reads):.0f} seek_ratio_p50={statistics.median(ratios):.2f}"
    )
    reader.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
