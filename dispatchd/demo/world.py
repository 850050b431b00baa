"""Puts the demo together: city, fleet, cameras (with their MJPEG server), incidents and the simulator."""

from __future__ import annotations

import logging

from dispatchd.context import AppContext
from dispatchd.demo.basemap import write_mbtiles
from dispatchd.demo.camera_server import CameraServer
from dispatchd.demo.city import City, build_city
from dispatchd.demo.incident_types import INCIDENT_TYPES, incident_type_record
from dispatchd.demo.scene import StreetScene
from dispatchd.demo.simulator import DISPATCHER, Simulator
from dispatchd.geo import Sectors
from dispatchd.service import INCIDENT

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
)


class DemoWorld:
    """The running demo; `start()` seeds what is missing and starts the threads."""

    def __init__(self, ctx: AppContext, host: str, incident_interval_s: float = 45.0) -> None:
        self._ctx = ctx
        self.city: City = build_city(ctx.config.seed)
        ctx.sectors = Sectors(self.city.sectors_geojson)
        ctx.service.incident_types = {t.code: incident_type_record(t) for t in INCIDENT_TYPES}
        self._scenes = {
            cid: StreetScene(name, ctx.config.seed * 100 + i) for i, (cid, name, _k, _p) in enumerate(CAMERAS)
        }
        self.cameras = CameraServer(host, self._scenes)
        self.simulator = Simulator(
            ctx.storage, ctx.service, ctx.bus, self.city, ctx.media, ctx.config.seed, incident_interval_s
        )

    def start(self, simulate: bool = True) -> None:
        """Register cameras and the fleet; with `simulate`, also seed incidents and start the simulator."""
        basemap = self._ctx.config.basemap
        if basemap is not None and not basemap.exists():
            tiles = write_mbtiles(self.city, basemap)
            log.info("wrote the offline base map of %s (%d tiles) to %s", self.city.name, tiles, basemap)
        self.cameras.start()
        with self._ctx.storage.transaction() as tx:
            for cid, name, kind, (col, row) in CAMERAS:
                node = self.city.node_at(col, row)
                self._ctx.service.register_camera(
                    tx,
                    DISPATCHER,
                    {
                        "id": cid,
                        "name": name,
                        "kind": kind,
                        "location": {"lat": node.lat, "lon": node.lon, "address_text": name},
                        "stream": {"main_url": self.cameras.url(cid, "main"), "sub_url": self.cameras.url(cid, "sub")},
                        "archive_url": None,
                        "status": "online",
                    },
                )
            self.simulator.seed_units(tx)
            if simulate and not tx.list(INCIDENT):
                self.simulator.seed_incidents(tx, 7)
        self._ctx.bus.notify()
        if simulate:
            self.simulator.start()
        log.info("demo city %s: %d units, %d cameras at %s", self.city.name, 42, len(CAMERAS), self.cameras.base_url)

    def stop(self) -> None:
        self.simulator.stop()
        self.cameras.stop()
