"""The demo's life: units patrol and answer, incidents arrive, a virtual dispatcher sends units.

Everything goes through DispatchService, in one transaction per tick, so the demo follows the same rules
and produces the same events as real operators would.
"""

from __future__ import annotations

import logging
import math
import random
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from dispatch_protocol.geo import distance_m
from dispatchd.clock import format_utc, utc_now
from dispatchd.demo.citizen_media import CitizenMedia, make_photo, make_text, make_video
from dispatchd.demo.city import City
from dispatchd.demo.incident_types import CALL_NOTE, MAJOR_EVENT_TEXT, IncidentType, incident_types
from dispatchd.event_bus import EventBus
from dispatchd.geo import bearing_deg
from dispatchd.media_store import MediaStore
from dispatchd.service import INCIDENT, UNIT, DispatchService
from dispatchd.storage.interface import Storage, Transaction

log = logging.getLogger("dispatchd.simulator")

DISPATCHER = "sim:dispatcher"
FLEET = (  # agency, callsign prefix, count, type_common, patrol speed m/s, response speed m/s
    ("police", "PS", 18, "PatrolUnit", 8.0, 14.0),
    ("gendarmerie", "GND", 8, "PatrolUnit", 9.0, 15.0),
    ("fire", "VSAV", 4, "RescueUnit", 0.0, 13.0),
    ("fire", "FPT", 4, "FireEngine", 0.0, 12.0),
    ("ems", "SMUR", 8, "AmbulanceUnit", 0.0, 14.0),
)
MOVING_REPORT_S, STILL_REPORT_S = 5.0, 30.0


@dataclass
class SimUnit:
    """What the simulator knows of a unit beyond its record."""

    id: str
    agency: str
    home: int
    patrol_speed: float
    response_speed: float
    lat: float
    lon: float
    node: int
    route: list[int] = field(default_factory=list)
    speed: float = 0.0
    mode: str = "idle"  # idle, patrol, dispatched, respond, onscene, return
    due: float = 0.0  # when the current mode's next step happens (monotonic)
    next_report: float = 0.0
    incident_id: str | None = None
    course: float = 0.0
    silent: bool = False  # a broken tracker: its last position goes stale


class Simulator:
    """Runs the demo world in its own thread, one tick per second."""

    def __init__(
        self,
        storage: Storage,
        service: DispatchService,
        bus: EventBus,
        city: City,
        media: MediaStore,
        seed: int,
        incident_interval_s: float = 45.0,
        clock: Callable[[], float] = time.monotonic,
        language: str = "en",
        wallclock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._storage, self._service, self._bus, self._city, self._media = storage, service, bus, city, media
        self._language = language if language in CALL_NOTE else "en"
        self._types = incident_types(self._language)
        self._rng = random.Random(seed)
        self._interval = incident_interval_s
        self._clock = clock  # drives the simulation (monotonic seconds)
        self._wallclock = wallclock  # stamps what units report
        self._units: dict[str, SimUnit] = {}
        self._pending: dict[str, float] = {}  # incident id → when the dispatcher acts
        self._next_incident: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="simulator", daemon=True)

    # --- set-up ----------------------------------------------------------------------------
    def seed_units(self, tx: Transaction) -> None:
        """Create the fleet on first start; on a restart, pick the units up where they are."""
        now = self._clock()
        for agency, prefix, count, type_common, patrol, response in FLEET:
            stations = self._city.stations[agency if agency in self._city.stations else "police"]
            for i in range(1, count + 1):
                callsign = f"{prefix}-{i:02d}"
                unit_id = f"{callsign}@{agency}"
                home = stations[i % len(stations)]
                existing = tx.get(UNIT, unit_id)
                node = self._city.nodes[home]
                if existing is None:
                    record = {
                        "id": unit_id,
                        "callsign": callsign,
                        "agency": agency,
                        "type_common": type_common,
                        "primary_status": "Available",
                        "secondary_status": "Available",
                        "incident_id": None,
                        "position": None,
                        "home_station": home,
                    }
                    self._service.register_unit(tx, DISPATCHER, record)
                    lat, lon = node.lat, node.lon
                    self._service.report_position(
                        tx,
                        unit_id,
                        unit_id,
                        {
                            "lat": lat,
                            "lon": lon,
                            "course": 0.0,
                            "speed": 0.0,
                            "observed_at": format_utc(self._wallclock()),
                            "source": "demo",
                            "stale_at": format_utc(self._wallclock() + timedelta(seconds=3 * STILL_REPORT_S)),
                        },
                    )
                else:
                    pos = existing.get("position") or {"lat": node.lat, "lon": node.lon}
                    lat, lon = pos["lat"], pos["lon"]
                sim = SimUnit(
                    unit_id,
                    agency,
                    home,
                    patrol,
                    response,
                    lat,
                    lon,
                    self._city.nearest_node(lat, lon),
                    next_report=now,
                )
                sim.silent = unit_id == "GND-08@gendarmerie"
                if existing is not None and existing["incident_id"] is not None:
                    sim.incident_id = existing["incident_id"]
                    sim.mode, sim.due = "dispatched", now + 2
                self._units[unit_id] = sim
        silent = self._units["GND-08@gendarmerie"]
        observed = self._wallclock() - timedelta(minutes=12)
        self._service.report_position(
            tx,
            "GND-08@gendarmerie",
            silent.id,
            {
                "lat": silent.lat,
                "lon": silent.lon,
                "course": 0.0,
                "speed": 0.0,
                "observed_at": format_utc(observed),
                "source": "demo",
                "stale_at": format_utc(observed + timedelta(seconds=90)),
            },
        )
        for incident in tx.find(INCIDENT, "status", ["new"]):
            if not incident["assigned_units"]:
                self._pending[incident["id"]] = now + self._rng.uniform(3, 12)

    def seed_incidents(self, tx: Transaction, count: int) -> None:
        """Incidents to start with, and a demonstration in progress as a major event with its incidents."""
        for _ in range(count):
            self._create_incident(tx)
        square = self._city.node_at(5, 3)
        major = self._service.create_incident(
            tx,
            DISPATCHER,
            {
                "type_code": "MAJOR",
                "type_text": MAJOR_EVENT_TEXT[self._language],
                "priority": 6,
                "location": {"lat": square.lat, "lon": square.lon, "address_text": "Place de la République, Valmont"},
                "note": "Declared march, 2,000 people expected; route Place de la République → Gare.",
                "agencies": ["police", "gendarmerie"],
            },
        )
        for code in ("FIGHT", "TRAFFIC", "MED"):
            self._create_incident(tx, major_event_id=major["id"], type_code=code)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    # --- the loop --------------------------------------------------------------------------
    def _run(self) -> None:
        last = self._clock()
        while not self._stop.wait(1.0):
            now = self._clock()
            try:
                with self._storage.transaction() as tx:
                    self.step(tx, now, now - last)
                self._bus.notify()
            except Exception:
                log.exception("simulator tick failed; going on with the next one")
            last = now

    def step(self, tx: Transaction, now: float, dt: float) -> None:
        """One tick: new incidents, the dispatcher's decisions, unit movement and status, reports."""
        if self._next_incident is None:
            self._next_incident = now + self._rng.expovariate(1 / self._interval)
        if now >= self._next_incident:
            self._create_incident(tx)
            self._next_incident = now + self._rng.expovariate(1 / self._interval)
        for incident_id, when in list(self._pending.items()):
            if now >= when:
                del self._pending[incident_id]
                self._dispatch(tx, incident_id, now)
        for unit in self._units.values():
            self._follow_operators(tx, unit, now)
            self._advance(tx, unit, now, dt)

    def _follow_operators(self, tx: Transaction, unit: SimUnit, now: float) -> None:
        """Operators may assign, unassign or take units out of service: the simulator follows."""
        record = tx.get(UNIT, unit.id)
        if record is None:
            return
        if record["secondary_status"] == "OutofService":
            unit.mode, unit.speed, unit.incident_id = "off", 0.0, None
        elif unit.mode == "off":
            unit.mode = "idle"
        if record["incident_id"] != unit.incident_id and unit.mode != "off":
            if record["incident_id"] is not None:
                unit.incident_id, unit.mode, unit.due = record["incident_id"], "dispatched", now + 3
                unit.speed = 0.0  # it stops where it is; the route is redone when it leaves
            elif unit.mode in ("dispatched", "respond", "onscene"):
                unit.incident_id, unit.mode, unit.speed = None, "idle", 0.0

    def _create_incident(self, tx: Transaction, major_event_id: str | None = None, type_code: str = "") -> None:
        itype: IncidentType = (
            next((t for t in self._types if t.code == type_code), None)
            or self._rng.choices(self._types, weights=[t.weight for t in self._types])[0]
        )
        lat, lon, address, _node = self._city.random_point(self._rng)
        caller_names = ["M. Bernard", "Mme Petit", "M. Nguyen", "Mme Haddad", "M. Martin", "Mme Rossi", None]
        incident = self._service.create_incident(
            tx,
            DISPATCHER,
            {
                "type_code": itype.code,
                "type_text": itype.text,
                "emsi_category": itype.emsi_category,
                "priority": self._rng.randint(*itype.priority),
                "location": {
                    "lat": lat,
                    "lon": lon,
                    "uncertainty_m": self._rng.choice([5, 10, 25, 50]),
                    "address_text": address,
                },
                "caller": {
                    "name": self._rng.choice(caller_names),
                    "phone": f"+33 6 {self._rng.randint(10, 99)} {self._rng.randint(10, 99)} "
                    f"{self._rng.randint(10, 99)} {self._rng.randint(10, 99)}",
                },
                "note": CALL_NOTE[self._language].format(what=itype.text.lower(), address=address),
                "agencies": [itype.agencies[0]],
                "major_event_id": major_event_id,
            },
        )
        self._pending[incident["id"]] = self._clock() + self._rng.uniform(4, 15)
        if self._rng.random() < 0.35:
            self._attach_media(tx, incident)

    def _attach_media(self, tx: Transaction, incident: dict[str, Any]) -> None:
        roll = self._rng.random()
        item: CitizenMedia = (
            make_text(self._rng) if roll < 0.35 else make_photo(self._rng) if roll < 0.8 else make_video(self._rng)
        )
        sha, size = self._media.save_bytes(item.content)
        loc = incident["location"]
        self._service.add_media(
            tx,
            "citizen",
            {
                "id": str(uuid.uuid4()),
                "incident_id": incident["id"],
                "kind": item.kind,
                "mime_type": item.mime_type,
                "name": item.name,
                "size": size,
                "sha256": sha,
                "source": "citizen",
                "captured_at": utc_now(),
                "received_at": utc_now(),
                "location": {
                    "lat": loc["lat"] + self._rng.uniform(-3e-4, 3e-4),
                    "lon": loc["lon"] + self._rng.uniform(-3e-4, 3e-4),
                },
                "text": item.text,
            },
        )

    def _dispatch(self, tx: Transaction, incident_id: str, now: float) -> None:
        incident = tx.get(INCIDENT, incident_id)
        if incident is None or incident["status"] != "new":
            return
        itype = next((t for t in self._types if t.code == incident["type_code"]), None)
        agencies = itype.agencies if itype else ("police",)
        loc = incident["location"]
        for agency in agencies:
            free = [
                u
                for u in self._units.values()
                if u.agency == agency and u.mode in ("idle", "patrol", "return") and not u.silent
            ]
            if not free:
                continue
            unit = min(free, key=lambda u: distance_m(u.lat, u.lon, loc["lat"], loc["lon"]))
            self._service.assign(tx, DISPATCHER, incident_id, unit.id)
            unit.incident_id, unit.mode, unit.due = incident_id, "dispatched", now + self._rng.uniform(2, 6)
            unit.speed = 0.0

    def _advance(self, tx: Transaction, unit: SimUnit, now: float, dt: float) -> None:
        if unit.mode == "dispatched" and now >= unit.due:
            incident = tx.get(INCIDENT, unit.incident_id) if unit.incident_id else None
            if incident is None or incident["status"] in ("closed", "cancelled"):
                unit.mode, unit.incident_id = "idle", None
            else:
                self._service.update_unit_status(tx, DISPATCHER, unit.id, "EnRoute", None)
                goal = self._city.nearest_node(incident["location"]["lat"], incident["location"]["lon"])
                self._reroute(unit, goal)
                unit.speed, unit.mode = unit.response_speed, "respond"
                unit.next_report = now
        elif unit.mode == "onscene" and now >= unit.due:
            incident_id = unit.incident_id
            self._service.update_unit_status(tx, DISPATCHER, unit.id, "Cleared", None)
            unit.incident_id, unit.mode, unit.due = None, "return", now + 15
            self._reroute(unit, unit.home)
            unit.speed = unit.patrol_speed or 11.0
            incident = tx.get(INCIDENT, incident_id) if incident_id else None
            if incident is not None and incident["status"] == "active" and not incident["assigned_units"]:
                self._service.update_incident(tx, DISPATCHER, incident["id"], {"status": "closed"}, None)
        elif unit.mode == "return" and now >= unit.due and unit.due > 0:
            self._service.update_unit_status(tx, DISPATCHER, unit.id, "Available", None)
            unit.due = 0.0
        elif unit.mode == "idle" and unit.patrol_speed > 0 and not unit.silent:
            target = self._rng.randrange(len(self._city.nodes))
            self._reroute(unit, target)
            unit.speed, unit.mode = unit.patrol_speed, "patrol"
        moved = self._move(unit, dt)
        if not unit.route and unit.mode == "respond":
            self._service.update_unit_status(tx, DISPATCHER, unit.id, "OnScene", None)
            itype = self._incident_type_of(tx, unit.incident_id)
            unit.mode, unit.speed = "onscene", 0.0
            unit.due = now + self._rng.uniform(*(itype.on_scene_s if itype else (120, 300)))
        elif not unit.route and unit.mode == "patrol":
            unit.mode = "idle"
        elif not unit.route and unit.mode == "return" and unit.due == 0.0:
            unit.mode, unit.speed = "idle", 0.0
        interval = MOVING_REPORT_S if moved else STILL_REPORT_S
        if not unit.silent and now >= unit.next_report:
            self._service.report_position(
                tx,
                unit.id,
                unit.id,
                {
                    "lat": round(unit.lat, 6),
                    "lon": round(unit.lon, 6),
                    "course": round(unit.course, 1),
                    "speed": round(unit.speed if moved else 0.0, 1),
                    "observed_at": format_utc(self._wallclock()),
                    "source": "demo",
                    "stale_at": format_utc(self._wallclock() + timedelta(seconds=3 * interval)),
                },
            )
            unit.next_report = now + interval

    def _incident_type_of(self, tx: Transaction, incident_id: str | None) -> IncidentType | None:
        incident = tx.get(INCIDENT, incident_id) if incident_id else None
        return next((t for t in self._types if incident and t.code == incident["type_code"]), None)

    def _reroute(self, unit: SimUnit, goal: int) -> None:
        """A new route that starts at the crossing ahead: a unit between two crossings never cuts a block."""
        ahead = unit.route[0] if unit.route else unit.node
        unit.route = [ahead, *self._city.route(ahead, goal)[1:]]

    def _move(self, unit: SimUnit, dt: float) -> bool:
        """Drive along the route for dt seconds; True when the unit moved."""
        budget = unit.speed * dt
        moved = False
        while unit.route and budget > 0:
            target = self._city.nodes[unit.route[0]]
            remaining = distance_m(unit.lat, unit.lon, target.lat, target.lon)
            if remaining > 0.5:
                unit.course = bearing_deg(unit.lat, unit.lon, target.lat, target.lon)
            if remaining <= budget:
                unit.lat, unit.lon, unit.node = target.lat, target.lon, target.index
                unit.route.pop(0)
                budget -= remaining
            else:
                f = budget / remaining
                unit.lat += (target.lat - unit.lat) * f
                unit.lon += (target.lon - unit.lon) * f
                budget = 0.0
            moved = True
        return moved and not math.isclose(unit.speed, 0.0)
