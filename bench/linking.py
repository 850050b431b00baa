"""Automatic linking: are the posts suggested for an incident the right ones, and is the duplicate check fast
enough to run while the operator types?

    python -m bench.linking [--incidents 10000] [--checks 500] [--seed 17]

1. The demo's bursts: synthetic incidents across the demo city (fires, fights, crashes, gatherings), the demo's
   own social generator run for 20 minutes around them (bursts and background chatter), and the generator's own
   record of which post it wrote about which incident as the truth. `precision` and `recall` of the suggestions.
2. A labelled set of our own (bench/linking_set.py): other phrasings, typos, no geotag, distractors.
3. `dup_check_ms_p99`: `GET /linking/duplicates` on a real dispatchd holding `--incidents` incidents (open and
   closed, over a month), at random points of the city. The peer, in the same run: the same checks by a plain
   scan of every incident in one Python process (no HTTP, no index); `ratio` = dispatchd's p99 over the scan's.
Ends with three lines: `demo: precision=… recall=…`, `own set: precision=… recall=…`, `dup_check_ms_p99=…`.
"""

from __future__ import annotations

import argparse
import logging
import random
import tempfile
import time
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.linking_set import INCIDENTS, POSTS
from bench.load import pct
from dispatchd.clock import format_utc, parse_utc
from dispatchd.demo.city import build_city
from dispatchd.demo.social_chatter import DemoChatter
from dispatchd.linking.duplicates import Known, candidates
from dispatchd.linking.families import family_of
from dispatchd.linking.post_match import IncidentFacts, PostFacts, suggest
from dispatchd.storage import open_storage
from tests.support.dispatchd_process import DispatchdProcess

log = logging.getLogger("bench.linking")
BURST_TYPES = (("FIRE-BLD", "FIR/BLD"), ("FIGHT", "PSW/RIOT"), ("RTA", "ROA/ACC"), ("RIOT", "PSW/RIOT"))
METRE = 1 / 111_320


def score(suggested: dict[str, set[str]], truth: dict[str, set[str]]) -> tuple[float, float]:
    hits = sum(len(suggested[i] & truth.get(i, set())) for i in suggested)
    made = sum(len(s) for s in suggested.values())
    wanted = sum(len(t) for t in truth.values())
    return hits / made if made else 1.0, hits / wanted if wanted else 1.0


def demo_bursts(seed: int) -> tuple[float, float, int]:
    rng = random.Random(seed)
    city = build_city(seed)
    now = datetime.now(UTC).replace(microsecond=0)
    incidents = []
    for k in range(24):
        lat, lon, address, _ = city.random_point(rng)
        code, emsi = BURST_TYPES[k % len(BURST_TYPES)]
        incidents.append({"id": f"i{k}", "type_code": code, "emsi_category": emsi, "priority": 8, "status": "active",
                          "created_at": format_utc(now - timedelta(seconds=30)),
                          "location": {"lat": lat, "lon": lon, "address_text": address}})  # fmt: skip
    chatter = DemoChatter(city, seed, lambda: incidents, now=lambda: now, backfill=timedelta(0))
    posts = []
    for minute in range(-5, 20):  # as the demo runs: a minute at a time (its bursts start after the incident)
        posts += chatter.generate(now + timedelta(minutes=minute), now + timedelta(minutes=minute + 1))
    facts = [PostFacts(f"{p.native_id}", p.text, p.posted_at, p.lat, p.lon) for p in posts]
    truth: dict[str, set[str]] = {}
    for native_id, incident_id in chatter.truth.items():
        truth.setdefault(incident_id, set()).add(native_id)
    created = now - timedelta(seconds=30)
    every = [
        IncidentFacts(i["id"], family_of(i["type_code"], i["emsi_category"]), where["lat"], where["lon"],
                      where["address_text"], created)
        for i in incidents
        for where in (i["location"],)
    ]  # fmt: skip
    suggested = {f.id: {s.post_id for s in suggest(f, facts, rivals=every)} for f in every}
    precision, recall = score(suggested, truth)
    return precision, recall, len(posts)


def own_set() -> tuple[float, float, int]:
    created = datetime.now(UTC)
    base = (45.7640, 4.8357)
    facts: dict[str, IncidentFacts] = {}
    for k, (name, (code, emsi, address)) in enumerate(INCIDENTS.items()):
        lat, lon = base[0] + k * 0.01, base[1] + k * 0.01  # ~1.4 km apart
        facts[name] = IncidentFacts(name, family_of(code, emsi), lat, lon, address, created)
    posts, truth = [], {}
    for n, (text, minutes, offset, about) in enumerate(POSTS):
        anchor = facts[about] if about else facts[list(INCIDENTS)[n % len(INCIDENTS)]]
        lat = lon = None
        if offset is not None:
            lat, lon = anchor.lat + offset[0] * METRE, anchor.lon + offset[1] * METRE * 1.43
        posts.append(PostFacts(f"p{n}", text, created + timedelta(minutes=minutes), lat, lon))
        if about:
            truth.setdefault(about, set()).add(f"p{n}")
    suggested = {name: {s.post_id for s in suggest(f, posts, rivals=facts.values())} for name, f in facts.items()}
    precision, recall = score(suggested, truth)
    return precision, recall, len(posts)


def seed_incidents(data: Path, count: int, rng: random.Random) -> list[dict[str, Any]]:
    """`count` incidents over the last month across the demo city, a tenth of them open, written to storage."""
    city = build_city(17)
    now = datetime.now(UTC)
    codes = (("FIRE-BLD", "FIR/BLD"), ("FIGHT", "PSW/RIOT"), ("RTA", "ROA/ACC"), ("MED", "MED/ILL"),
             ("THEFT", "PSW/CRIME"), ("NOISE", "PSW/NUIS"))  # fmt: skip
    incidents = []
    storage = open_storage(None, data)
    with storage.transaction() as tx:
        for k in range(count):
            lat, lon, address, _ = city.random_point(rng)
            code, emsi = codes[k % len(codes)]
            created = format_utc(
                now - timedelta(minutes=rng.uniform(0, 30 * 24 * 60) if k % 10 else rng.uniform(0, 40))
            )
            incident = {"id": str(uuid.uuid4()), "number": f"2026-{k:06d}", "type_code": code, "type_text": code,
                        "emsi_category": emsi, "priority": 5, "status": "active" if k % 10 == 0 else "closed",
                        "status_common": "", "location": {"lat": lat, "lon": lon, "address_text": address},
                        "notes": [], "agencies": ["police"], "assigned_units": [], "version": 1,
                        "created_at": created, "updated_at": created, "tracking_id": ""}  # fmt: skip
            tx.put("incident", incident["id"], incident)
            incidents.append(incident)
    storage.close()
    return incidents


def scan(incidents: Iterable[Known], family: str, lat: float, lon: float, now: datetime) -> int:
    return len(candidates(family, lat, lon, now, incidents))


def dup_check(count: int, checks: int, seed: int) -> tuple[float, float, float]:
    rng = random.Random(seed)
    city = build_city(17)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "d"
        incidents = seed_incidents(data, count, rng)
        backend = DispatchdProcess(data, "--demo", "--no-simulation")
        backend.start(port=0)
        try:
            points = [city.random_point(rng)[:2] for _ in range(checks)]
            codes = [rng.choice(("FIRE-BLD", "FIGHT", "RTA", "MED")) for _ in range(checks)]
            times = []
            with httpx.Client(base_url=backend.url, timeout=30,
                              headers={"Authorization": f"Bearer {backend.token('operator')}"}) as http:  # fmt: skip
                for (lat, lon), code in zip(points, codes, strict=True):
                    started = time.perf_counter()
                    http.get("/api/v1/linking/duplicates", params={"type_code": code, "lat": lat, "lon": lon})
                    times.append((time.perf_counter() - started) * 1000)
        finally:
            backend.stop()
    now = datetime.now(UTC)
    known = [Known(i["id"], i["number"], family_of(i["type_code"], i["emsi_category"]), i["location"]["lat"],
                   i["location"]["lon"], parse_utc(i["created_at"]), i["status"]) for i in incidents]  # fmt: skip
    peer = []
    for (lat, lon), code in zip(points, codes, strict=True):
        started = time.perf_counter()
        scan(known, family_of(code, None), lat, lon, now)
        peer.append((time.perf_counter() - started) * 1000)
    return pct(times, 0.99), pct(peer, 0.99), pct(times, 0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=10_000)
    parser.add_argument("--checks", type=int, default=500)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    precision, recall, count = demo_bursts(args.seed)
    log.info("demo: %d posts around 24 incidents", count)
    print(f"demo: precision={precision:.2f} recall={recall:.2f}")
    precision, recall, count = own_set()
    log.info("own set: %d posts about 3 incidents and distractors", count)
    print(f"own set: precision={precision:.2f} recall={recall:.2f}")
    p99, peer_p99, p50 = dup_check(args.incidents, args.checks, args.seed)
    print(f"incidents={args.incidents} dup_check_ms_p50={p50:.1f} dup_check_ms_p99={p99:.1f} "
          f"scan_ms_p99={peer_p99:.1f} ratio={p99 / peer_p99:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
