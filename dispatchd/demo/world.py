"""Puts the demo together: city, fleet, cameras (with their MJPEG server), incidents and the simulator."""

from __future__ import annotations

import logging
import socket

from dispatchd import reference
from dispatchd.context import AppContext
from dispatchd.demo.basemap import write_mbtiles
from dispatchd.demo.camera_server import CameraServer
from dispatchd.demo.city import City, build_city
from dispatchd.demo.incident_types import incident_type_record, incident_types
from dispatchd.demo.scene import StreetScene
from dispatchd.demo.simulator import DISPATCHER, Simulator
from dispatchd.demo.social_chatter import DEMO_RULE_NAMES_FR, DEMO_RULES, DemoChatter
from dispatchd.service import INCIDENT, OPEN_STATUSES
from dispatchd.social.connectors.base import Connector
from dispatchd.social.sources import SourceConfig
from dispatchd.social.watch_rules import WATCH_RULE, create_rule
from dispatchd.storage.interface import Transaction

log = logging.getLogger("dispatchd.demo")

CAMERAS = (  # id, name, kind, (col, row) of the crossing it watches
    ("cam-01", "Place de la République", "ptz", (5, 3)),
    ("cam-02", "Gare de Valmont — parvis", "fixed", (3, 8)),
    ("cam-03", "Quai du Rhône / Rue Danton", "fixed", (5, 11)),
    ("cam-04", "Rue du Marché", "fixed", (9, 7)),
    ("cam-05", "Boulevard Gambetta", "ptz", (12, 5)),
    ("cam-06", "Port — entrée nord", "fixed", (14, 9)),
    ("cam-07", "Université — esplanade", "fixed", (13, 2)),
    ("cam-08", "Stade municipal", "ptz", (1, 1)),
    ("cam-09", "Hôtel de ville", "fixed", (7, 4)),
    ("cam-10", "Pont Lafayette", "fixed", (6, 10)),
    ("cam-11", "Marché couvert", "fixed", (10, 8)),
    ("cam-12", "Rond-point des Alliés", "ptz", (11, 1)),
    ("cam-13", "Parking du centre", "fixed", (8, 6)),
    ("cam-14", "Avenue Jean-Jaurès", "fixed", (2, 5)),
    ("cam-15", "Lycée Voltaire — sortie", "fixed", (4, 2)),
)
OFFLINE_CAMERA = ("cam-16", "Zone industrielle — entrée", "fixed", (15, 11))
"""A camera that is down (its address refuses connections), as there always is one in a real city."""


class DemoWorld:
    """The running demo; `start()` seeds what is missing and starts the threads."""

    def __init__(self, ctx: AppContext, host: str, incident_interval_s: float = 45.0) -> None:
        self._host = host
        self._ctx = ctx
        self.city: City = build_city(ctx.config.seed)
        self._scenes = {
            cid: StreetScene(name, ctx.config.seed * 100 + i) for i, (cid, name, _k, _p) in enumerate(CAMERAS)
        }
        self.cameras = CameraServer(host, self._scenes)
        self.simulator = Simulator(
            ctx.storage,
            ctx.service,
            ctx.bus,
            self.city,
            ctx.media,
            ctx.config.seed,
            incident_interval_s,
            language=ctx.config.demo_language,
        )

    def _save_reference(self, tx: Transaction) -> None:
        """The city's sectors and the demo's incident types, through the same path as a centre's own."""
        for feature in self.city.sectors_geojson["features"]:
            name = feature["properties"]["name"]
            fields = reference.sector_fields({"name": name, "geometry": feature["geometry"]})
            reference.save(tx, DISPATCHER, reference.SECTOR, sector_id_of(name), fields)
        for itype in incident_types(self._ctx.config.demo_language):
            fields = incident_type_record(itype)
            reference.save(tx, DISPATCHER, reference.INCIDENT_TYPE, itype.code, fields)
        now = reference.Reference.read(tx)  # the units and incidents seeded next find their sectors
        self._ctx.sectors, self._ctx.service.incident_types = now.sectors, now.incident_types

    def start(self, simulate: bool = True) -> None:
        """Register cameras and the fleet; with `simulate`, also seed incidents and start the simulator."""
        basemap = self._ctx.config.basemap
        if basemap is not None and not basemap.exists():
            tiles = write_mbtiles(self.city, basemap)
            log.info("wrote the offline base map of %s (%d tiles) to %s", self.city.name, tiles, basemap)
        self.cameras.start()
        offline = _refusing_url(self._host)
        with self._ctx.storage.transaction() as tx:
            for cid, name, kind, (col, row) in (*CAMERAS, OFFLINE_CAMERA):
                node = self.city.node_at(col, row)
                streams = (
                    {"main_url": offline, "sub_url": offline}
                    if cid == OFFLINE_CAMERA[0]
                    else {"main_url": self.cameras.url(cid, "main"), "sub_url": self.cameras.url(cid, "sub")}
                )
                self._ctx.service.register_camera(
                    tx,
                    DISPATCHER,
                    {
                        "id": cid,
                        "name": name,
                        "kind": kind,
                        "location": {"lat": node.lat, "lon": node.lon, "address_text": name},
                        "stream": streams,
                        "archive_url": None if cid == OFFLINE_CAMERA[0] else self.cameras.archive_url(cid),
                        "status": "offline" if cid == OFFLINE_CAMERA[0] else "online",
                    },
                )
            self._save_reference(tx)
            self.simulator.seed_units(tx)
            if not tx.list(WATCH_RULE):
                for rule_id, name, query, languages in DEMO_RULES:
                    if self._ctx.config.demo_language == "fr":
                        name = DEMO_RULE_NAMES_FR.get(rule_id, name)
                    create_rule(tx, DISPATCHER, {"id": rule_id, "name": name, "query": query, "languages": languages})
            if simulate and not tx.list(INCIDENT):
                self.simulator.seed_incidents(tx, 7)
        self._ctx.bus.notify()
        if simulate:
            self.simulator.start()
        log.info("demo city %s: %d units, %d cameras at %s", self.city.name, 42, len(CAMERAS), self.cameras.base_url)

    def social_source(self) -> tuple[SourceConfig, Connector]:
        """The demo's generated social media, polled like any other source."""
        source = SourceConfig("demo-social", "demo", "Valmont social media (demo)", interval_s=2.0)
        return source, DemoChatter(self.city, self._ctx.config.seed, self._open_incidents)

    def _open_incidents(self) -> list[dict[str, object]]:
        with self._ctx.storage.read() as tx:
            return tx.find(INCIDENT, "status", OPEN_STATUSES)

    def stop(self) -> None:
        self.simulator.stop()
        self.cameras.stop()


def _refusing_url(host: str) -> str:
    """An address on this host where nothing listens: a port the system just gave and took back."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        port = probe.getsockname()[1]
    return f"http://{host}:{port}/video.mjpg"


def sector_id_of(name: str) -> str:
    """A sector's id from its name: "Centre-Nord" → "centre-nord"."""
    return "-".join(name.lower().split())
