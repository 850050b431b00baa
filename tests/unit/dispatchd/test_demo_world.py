"""The demo world: the same city for the same seed; units drive along streets at plausible speeds;
incidents are dispatched, reached, cleared and closed. Driven by a virtual clock, not the wall."""

from __future__ import annotations

import itertools
import math
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from dispatch_protocol.geo import distance_m
from dispatchd.clock import parse_utc
from dispatchd.demo.city import build_city
from dispatchd.demo.incident_types import INCIDENT_TYPES, incident_types
from dispatchd.demo.simulator import Simulator
from dispatchd.event_bus import EventBus
from dispatchd.geo import Sectors
from dispatchd.media_store import MediaStore
from dispatchd.service import DispatchService
from dispatchd.storage.sqlite import SQLiteStorage


class VirtualClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def utc(self) -> datetime:
        return datetime(2026, 11, 24, 8, 0, tzinfo=UTC) + timedelta(seconds=self.now)


def run_world(folder: Path, seed: int, seconds: int, language: str = "en") -> list[dict[str, Any]]:
    """Run the simulator for `seconds` of virtual time; returns the event log."""
    city = build_city(seed)
    sectors = Sectors(city.sectors_geojson)
    storage = SQLiteStorage(folder / "db.sqlite3")
    clock = VirtualClock()
    sim = Simulator(
        storage,
        DispatchService(sectors.sector_of),
        EventBus(),
        city,
        MediaStore(folder / "media", 10**8),
        seed,
        incident_interval_s=40,
        clock=clock,
        wallclock=clock.utc,
        language=language,
    )
    with storage.transaction() as tx:
        sim.seed_units(tx)
    for _ in range(seconds):
        clock.now += 1.0
        with storage.transaction() as tx:
            sim.step(tx, clock.now, 1.0)
    events = [e.envelope() for e in storage.events_after(0, 10**6)]
    storage.close()
    return events


def test_the_same_seed_builds_the_same_city_and_another_seed_another() -> None:
    a, b, c = build_city(17), build_city(17), build_city(18)
    assert [(n.lat, n.lon) for n in a.nodes] == [(n.lat, n.lon) for n in b.nodes]
    assert [(n.lat, n.lon) for n in a.nodes] != [(n.lat, n.lon) for n in c.nodes]
    assert len(a.sectors_geojson["features"]) == 6


def test_a_route_follows_streets_from_crossing_to_crossing() -> None:
    city = build_city(17)
    route = city.route(0, len(city.nodes) - 1)
    assert route[0] == 0 and route[-1] == len(city.nodes) - 1
    for here, there in itertools.pairwise(route):
        assert there in {n for n, _ in city.edges[here]}


def _story(events: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """What happened, without ids and wall-clock times."""
    out: list[tuple[Any, ...]] = []
    for e in events:
        d = e["data"]
        if "incident" in d:
            out.append((e["type"], d["incident"]["number"], d["incident"]["priority"], d["incident"]["status"]))
        elif "changes" in d:  # an incident's delta
            out.append((e["type"], e["entity"]["version"], sorted(d.get("changed", [])), d.get("note", {}).get("text")))
        elif "position" in d:
            out.append((e["type"], e["entity"]["id"], d["position"]["lat"], d["position"]["lon"]))
        elif "unit" in d:
            out.append((e["type"], e["entity"]["id"], d["unit"]["secondary_status"]))
        else:
            out.append((e["type"], d["media"]["kind"]))
    return out


def test_the_demo_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    first = run_world(tmp_path / "a", 5, 300)
    second = run_world(tmp_path / "b", 5, 300)
    assert _story(first) == _story(second)


def test_units_drive_along_streets_at_plausible_speeds_and_incidents_run_their_course(tmp_path: Path) -> None:
    events = run_world(tmp_path, 17, 1500)
    city = build_city(17)
    units = {e["entity"]["id"] for e in events if e["type"] == "unit.updated"}
    assert len(units) >= 40
    assert {u.split("@")[1] for u in units} == {"police", "gendarmerie", "fire", "ems"}

    last: dict[str, dict[str, Any]] = {}
    speeds = []
    for e in (e for e in events if e["type"] == "unit.position"):
        p = e["data"]["position"]
        assert _on_a_street(city, p["lat"], p["lon"]), f"{e['entity']['id']} off the streets at {p}"
        if e["entity"]["id"] in last:
            prev = last[e["entity"]["id"]]
            seconds = (parse_utc(p["observed_at"]) - parse_utc(prev["observed_at"])).total_seconds()
            speeds.append(distance_m(prev["lat"], prev["lon"], p["lat"], p["lon"]) / seconds)
        last[e["entity"]["id"]] = p
    assert max(speeds) <= 15.0 + 0.5, "no faster than 54 km/h (with lights, in town)"
    assert sum(1 for s in speeds if s > 5) > 100, "most patrols are moving"

    created = [e for e in events if e["type"] == "incident.created"]
    assert 20 <= len(created) <= 60, "about one incident every 40 s"
    statuses = [(e["data"]["unit"]["secondary_status"]) for e in events if e["type"] == "unit.updated"]
    for status in ("Dispatched", "EnRoute", "OnScene", "Cleared", "Available"):
        assert status in statuses
    assert any(e["type"] == "incident.closed" for e in events)
    assert any(e["type"] == "media.added" for e in events)


def _on_a_street(city: Any, lat: float, lon: float) -> bool:
    """Within 2 m of a street segment between two neighbouring crossings."""
    k = math.cos(math.radians(lat)) * 111_320.0
    x, y = lon * k, lat * 111_320.0
    for a, neighbours in city.edges.items():
        na = city.nodes[a]
        for b, _ in neighbours:
            nb = city.nodes[b]
            ax, ay, bx, by = na.lon * k, na.lat * 111_320.0, nb.lon * k, nb.lat * 111_320.0
            dx, dy = bx - ax, by - ay
            t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
            if math.hypot(x - ax - t * dx, y - ay - t * dy) < 2.0:
                return True
    return False


def test_the_demo_speaks_french_when_asked(tmp_path: Path) -> None:
    french = {t.code: t.text for t in incident_types("fr")}
    assert french["FIGHT"] == "Rixe sur la voie publique" and len(set(french.values())) == len(INCIDENT_TYPES)
    created = [e for e in run_world(tmp_path, 17, 200, "fr") if e["type"] == "incident.created"]
    assert created, "incidents were created"
    for raw in created:
        incident = raw["data"]["incident"]
        assert incident["type_text"] == french[incident["type_code"]]
    assert incident_types("en") == INCIDENT_TYPES
