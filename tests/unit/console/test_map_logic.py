"""The map's pure parts: which requests may leave, offline tiles, what is drawn of an incident."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import cv2
import numpy as np

from console.domain.model import Incident
from console.map.logic.items import incident_item
from console.map.logic.tiles import MBTiles
from console.map.request_guard import allowed_url
from dispatchd.demo.basemap import lonlat_to_pixel, write_mbtiles
from dispatchd.demo.city import build_city
from tests.unit.console.factories import incident


def test_only_local_schemes_and_the_configured_tile_host_are_allowed() -> None:
    assert allowed_url("console://map/assets/leaflet/leaflet.js", None)
    assert allowed_url("data:image/png;base64,xx", None)
    assert not allowed_url("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js", None)
    assert not allowed_url("http://127.0.0.1:8765/x.png", None)
    assert allowed_url("https://tiles.cad.local/14/1/2.png", "tiles.cad.local")
    assert not allowed_url("https://evil.example/14/1/2.png", "tiles.cad.local")


def test_the_demo_base_map_is_a_readable_mbtiles_file(tmp_path: Path) -> None:
    city = build_city(17)
    path = tmp_path / "city.mbtiles"
    count = write_mbtiles(city, path, range(14, 16))
    assert count == sqlite3.connect(path).execute("SELECT COUNT(*) FROM tiles").fetchone()[0] > 4
    centre = city.node_at(8, 6)
    x, y = (int(v // 256) for v in lonlat_to_pixel(centre.lon, centre.lat, 15))
    tiles = MBTiles(path)
    png = tiles.tile(15, x, y)  # XYZ asked, TMS stored: the row is flipped inside
    assert png is not None and png.startswith(b"\x89PNG")
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    assert image.shape == (256, 256, 3) and image.std() > 5, "streets drawn, not a blank tile"
    assert tiles.tile(15, 0, 0) is None
    assert tiles.metadata()["format"] == "png"


def test_an_incident_is_drawn_with_its_band_and_pulses_when_new() -> None:
    item = incident_item(Incident.model_validate(incident(priority=9, emsi_category="FIR/BLD")), pulse=True)
    assert item["band"] == "CRITICAL" and item["pulse"] and item["open"]
    assert item["glyph"] == "♨"
    assert item["address"] == "1 Rue Pasteur"
