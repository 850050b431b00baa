"""A centre of its own: from its files to a closed incident, with no demo anywhere.

An empty dispatchd (not the demo) gets the sample centre's files through `dispatchd import`, a base map through
`dispatchd import-map`, an account through `--create-user`; a console connects: the units are on the board,
one reports its position and is on the map, the map draws the centre's own tiles (fetched from dispatchd) and
its sectors, the incident types are in the call form, the cameras (the test's own, two of them asking for a
login) are live on the wall; an incident is created, dispatched and closed.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
from pytestqt.qtbot import QtBot

from console.map.panel import MapPanel
from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until
from tests.support.consoles import running
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.map_page import js_until
from tests.support.mbtiles import make_mbtiles
from tests.support.mjpeg_camera import jpeg_frames, mjpeg_camera

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "centre"
FILES = ("units.csv", "cameras.csv", "incident-types.csv", "sectors.geojson")
CHIEF, CHIEF_PASSWORD = "chef-de-salle", "Salle-de-nuit-17"


def cameras_at(files: Path, open_url: str, login_url: str) -> None:
    """The sample's cameras, served by the test's own: those with a login by the camera that asks for one."""
    rows = list(csv.DictReader(io.StringIO((files / "cameras.csv").read_text(encoding="utf-8"))))
    for row in rows:
        row["main_url"] = row["sub_url"] = login_url if row["username"] else open_url
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    (files / "cameras.csv").write_text(out.getvalue(), encoding="utf-8")


def test_a_centre_of_its_own_from_its_files_to_a_closed_incident(qloop: QtAsync, qtbot: QtBot, tmp_path: Path) -> None:
    frames = jpeg_frames(tmp_path / "frames")
    with mjpeg_camera(frames) as open_camera, mjpeg_camera(frames, ("viewer", "change-me")) as vms:
        files = tmp_path / "files"
        shutil.copytree(SAMPLES, files)
        cameras_at(files, open_camera.url, vms.url)
        data = tmp_path / "centre"
        dispatchd = [sys.executable, "-m", "dispatchd"]
        subprocess.run([*dispatchd, "import", *(str(files / f) for f in FILES), "--data-dir", str(data)], check=True)
        city = make_mbtiles(tmp_path / "city.mbtiles", (236, 226, 198), (4.80, 45.73, 4.89, 45.79))
        subprocess.run([*dispatchd, "import-map", str(city), "--data-dir", str(data)], check=True)
        subprocess.run([*dispatchd, "--data-dir", str(data), "--create-user", CHIEF, "--role", "supervisor"],
                       input=f"{CHIEF_PASSWORD}\n", text=True, check=True, capture_output=True)  # fmt: skip
        process = DispatchdProcess(data)
        process.start(port=0)
        try:

            async def body() -> None:
                kept = tmp_path / "console" / "centre-basemap.mbtiles"
                async with running(
                    qtbot,
                    process.url,
                    CHIEF,
                    tmp_path,
                    wall=True,
                    real_map=True,
                    centre_map=kept,
                    password=CHIEF_PASSWORD,
                ) as (
                    console,
                    _,
                ):
                    store, ops = console.store, console.operations
                    await until(lambda: len(store.units) == 10, what="the imported fleet")
                    assert ops.units.group_counts()["Available"] == 10, "all ten on the board"
                    offered = [
                        ops.create_dialog.type_box.itemText(i) for i in range(ops.create_dialog.type_box.count())
                    ]
                    assert "Building fire (FIRE-BLD)" in offered and len(offered) == 9, "the centre's types"
                    assert isinstance(console.map, MapPanel)
                    view = console.map.view
                    await until(lambda: view.ready, 20, "the map page")
                    sectors = await js_until(view, "consoleMap.sectorNames()", lambda n: len(n or []) == 3, "sectors")
                    assert sorted(sectors) == ["Croix-Rousse", "Part-Dieu", "Presqu'île"]
                    await until(lambda: kept.exists(), 20, "the centre's base map fetched from dispatchd")
                    assert kept.read_bytes() == city.read_bytes()
                    drawn = "document.querySelectorAll('img.leaflet-tile-loaded').length"
                    await js_until(view, drawn, lambda n: (n or 0) > 0, "the centre's tiles drawn", 20)
                    with httpx.Client(base_url=f"{process.url}/api/v1", timeout=10) as api:  # PS-11's tracker
                        login = api.post("/auth/token", data={"username": CHIEF, "password": CHIEF_PASSWORD}).json()
                        api.headers["Authorization"] = f"Bearer {login['access_token']}"
                        api.post(
                            "/units/PS-11@police/positions", json={"lat": 45.7570, "lon": 4.8330}
                        ).raise_for_status()
                    await js_until(view, "consoleMap.unitIds()", lambda ids: "PS-11@police" in (ids or []), "PS-11")
                    assert store.units["PS-11@police"].position.sector == "Presqu'île"  # type: ignore[union-attr]

                    grid = console.wall.panel.grid
                    await until(lambda: all(grid.tiles[i].painted is not None for i in range(4)), 30, "4 cameras live")
                    titles = sorted(grid.tiles[i].title for i in range(4))
                    assert titles == sorted(["Place Bellecour", "Place des Terreaux", "Gare Part-Dieu — parvis",
                                             "Place de la Croix-Rousse"])  # fmt: skip
                    assert vms.viewers >= 2 and "" in vms.refused, "asked for its login, and given it"
                    assert not any("change-me" in (grid.worker(i).source.shown) for i in range(4))  # type: ignore[union-attr]

                    ops.create_dialog.start(45.7590, 4.8340, "Place Bellecour")
                    fire = ops.create_dialog.type_box.findData("FIRE-BLD")
                    ops.create_dialog.type_box.setCurrentIndex(fire)
                    assert ops.create_dialog.priority.value() == 9, "the type's priority suggested"
                    ops.create_dialog.submit()
                    await until(lambda: len(store.incidents) == 1, what="the incident")
                    incident = next(iter(store.incidents.values()))
                    assert incident.location.sector == "Presqu'île" and incident.type_text == "Building fire"
                    assert set(incident.agencies) == {"fire", "police", "ems"}
                    console.commands.assign(incident, store.units["FPT-1@fire"])
                    await until(lambda: store.units["FPT-1@fire"].incident_id == incident.id, what="dispatched")
                    console.commands.close_incident(store.incidents[incident.id])
                    await until(lambda: store.incidents[incident.id].status == "closed", what="closed")
                    await until(lambda: store.units["FPT-1@fire"].secondary_status == "Available", what="free again")

            qloop.run(body())
        finally:
            process.stop()
