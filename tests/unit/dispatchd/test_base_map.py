"""The centre's base map: imported once into dispatchd, served whole and tile by tile to its consoles."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dispatchd.app import create_app
from dispatchd.auth import Role
from dispatchd.cli import main
from dispatchd.config import ServerConfig
from tests.support.mbtiles import make_mbtiles, solid_png, tile_of

CITY = (4.82, 45.74, 4.87, 45.78)


def test_a_map_imported_once_is_served_whole_and_by_tile(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = tmp_path / "centre"
    not_a_map = tmp_path / "city.mbtiles"
    not_a_map.write_text("a PDF renamed", encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="dispatchd"):
        assert main(["import-map", str(not_a_map), "--data-dir", str(data)]) == 1
    assert "city.mbtiles" in caplog.records[-1].getMessage() and not (data / "basemap.mbtiles").exists()
    city = make_mbtiles(tmp_path / "lyon-centre.mbtiles", (200, 220, 200), CITY)
    assert main(["import-map", str(city), "--data-dir", str(data)]) == 0
    assert main(["import-map", str(city), "--data-dir", str(data)]) == 0  # the same file: nothing to tell
    app = create_app(ServerConfig(data_dir=data, demo=False, simulate=False))
    app.state.ctx.auth.add_account("viewer", "viewer-pass", Role.OPERATOR)
    with TestClient(app) as client:
        assert client.get("/api/v1/map").status_code == 401, "the map is the centre's: a token is needed"
        token = client.post("/api/v1/auth/token", data={"username": "viewer", "password": "viewer-pass"})
        client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        described = client.get("/api/v1/map").json()
        assert described["sha256"] == hashlib.sha256(city.read_bytes()).hexdigest()
        assert (described["min_zoom"], described["max_zoom"], described["name"]) == (12, 15, "Test city")
        whole = client.get("/api/v1/map/file")
        assert whole.content == city.read_bytes() and whole.headers["ETag"] == f'"{described["sha256"]}"'
        assert client.get("/api/v1/map/file", headers={"If-None-Match": whole.headers["ETag"]}).status_code == 304
        x, y = tile_of(45.76, 4.84, 14)
        tile = client.get(f"/api/v1/map/tiles/14/{x}/{y}.png")
        assert tile.status_code == 200 and tile.content == solid_png((200, 220, 200))
        assert tile.headers["content-type"] == "image/png"
        assert client.get("/api/v1/map/tiles/14/0/0.png").status_code == 204, "outside the city: nothing"
        events = client.get("/api/v1/events").json()["events"]
        assert [e["type"] for e in events] == ["map.updated"], "one event for one map, however often imported"
        assert client.get("/api/v1/snapshot").json()["map"]["sha256"] == described["sha256"]
