"""Moves N units on the real map page once a second and measures the JavaScript of each batch.

    python -m bench.map --units 5000 [--seconds 20]

A MapView (QtWebEngine, offscreen) shows the demo city's offline base map; every second all N units move a
little and the batch goes to the page in one call. `consoleMap.apply` measures its own time (JSON parsed,
layers updated, the unit canvas redrawn); the round trip is measured from Python.

The peer, in the same run and the same QtWebEngine: a bare Leaflet page (the same Leaflet, from the same
local files) with one canvas circle marker per unit, given the same positions each second right after ours;
its `apply` is one `setLatLng` loop and one synchronous redraw of its canvas. `js_ratio` is our JS time over
the bare page's (medians). The last line is
`units=N js_ms_p50=… js_ms_p99=… roundtrip_ms_p99=… webengine_rss_mb=… bare_js_ms_p50=… js_ratio=…`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu" + (" --no-sandbox" if os.geteuid() == 0 else ""))

import qasync
import xstatic.pkg.leaflet as xleaflet
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

from console.map.logic.tiles import MBTiles
from console.map.map_view import MapView
from console.map.page import build_page
from console.map.scheme import register_scheme
from dispatchd.demo.basemap import write_mbtiles
from dispatchd.demo.city import build_city

STATUSES = ("Available", "EnRoute", "OnScene", "Dispatched", "OutofService")
BARE_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="leaflet.css"><script src="leaflet.js"></script>
<style>html, body, #map { margin: 0; height: 100%; background: #20242a; }</style></head>
<body><div id="map"></div><script>
const map = L.map("map", { preferCanvas: true }).setView([45.745, 4.855], 14);
const renderer = L.canvas();
const markers = new Map();
window.bare = {
  apply(units) {
    const started = performance.now();
    for (const u of units) {
      const marker = markers.get(u[0]);
      if (marker) marker.setLatLng([u[1], u[2]]);
      else markers.set(u[0], L.circleMarker([u[1], u[2]], { renderer, radius: 5, weight: 1, color: "#111",
        fillColor: "#43a047", fillOpacity: 1 }).addTo(map));
    }
    L.Util.cancelAnimFrame(renderer._redrawRequest);  // draw now, inside the measured time, as ours does
    renderer._redraw();
    return performance.now() - started;
  },
};
</script></body></html>"""


def webengine_rss_mb() -> float:
    """Resident memory of the QtWebEngineProcess children of this process."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and b"QtWebEngineProcess" in (entry / "cmdline").read_bytes():
                total += process_rss_mb(int(entry.name))
        except OSError:
            continue
    return total


def process_rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return int(fields.get("VmRSS", "0 kB").split()[0]) / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


async def bare_apply(view: QWebEngineView, units: list[list[Any]]) -> float:
    """The bare page's JS time for one batch of positions."""
    answer: asyncio.Future[float] = asyncio.get_running_loop().create_future()
    view.page().runJavaScript(
        f"bare.apply({json.dumps(units, separators=(',', ':'))})",
        0,
        lambda ms: answer.done() or answer.set_result(float(ms)),
    )
    return await answer


async def page_loaded(view: QWebEngineView) -> None:
    answer: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
    view.loadFinished.connect(lambda ok: answer.done() or answer.set_result(ok))
    if not await answer:
        raise RuntimeError("the bare Leaflet page did not load")


async def measure(view: MapView, bare: QWebEngineView, count: int, seconds: int) -> list[float]:
    """Our batches' JS times are in view.js_ms; returns the bare page's, one per batch."""
    await page_loaded(bare)
    while not view.ready:
        await asyncio.sleep(0.05)
    rng = random.Random(1)
    lats = [45.745 + rng.uniform(-0.012, 0.012) for _ in range(count)]
    lons = [4.855 + rng.uniform(-0.02, 0.02) for _ in range(count)]
    courses = [rng.uniform(0, 360) for _ in range(count)]
    view.js_ms.clear()
    view.roundtrip_ms.clear()
    bare_ms: list[float] = []
    for tick in range(seconds):
        started = time.monotonic()
        items = []
        for i in range(count):
            courses[i] = (courses[i] + rng.uniform(-20, 20)) % 360
            lats[i] += 1e-4 * math.cos(math.radians(courses[i]))
            lons[i] += 1.4e-4 * math.sin(math.radians(courses[i]))
            items.append(
                {
                    "id": f"U{i}",
                    "lat": lats[i],
                    "lon": lons[i],
                    "course": courses[i],
                    "speed": 10.0,
                    "status": STATUSES[i % len(STATUSES)],
                    "statusText": "",
                    "stale": i % 97 == 0,
                    "callsign": f"U-{i}",
                    "agency": "police",
                    "incident": "",
                    "available": True,
                }
            )
        view.move_units(items)
        view.flush()
        while len(view.js_ms) < tick + 1:
            await asyncio.sleep(0.005)
        bare_ms.append(await bare_apply(bare, [[item["id"], item["lat"], item["lon"]] for item in items]))
        await asyncio.sleep(max(0.0, 1.0 - (time.monotonic() - started)))
    return bare_ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--seconds", type=int, default=20)
    args = parser.parse_args()
    register_scheme()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="bench-map-") as tmp:
        path = Path(tmp) / "city.mbtiles"
        write_mbtiles(build_city(17), path, range(13, 16))
        view = MapView(build_page((45.745, 4.855), 14, None, "bench"), MBTiles(path), None, batch_ms=100000)
        view.resize(1600, 1000)
        view.show()
        bare = QWebEngineView()
        bare.resize(1600, 1000)
        bare.show()
        bare.setHtml(BARE_PAGE, QUrl.fromLocalFile(str(Path(xleaflet.BASE_DIR)) + "/"))
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            bare_all = loop.run_until_complete(measure(view, bare, args.units, args.seconds))
        # WebEngine's processes, less the bare page's renderer (when it has one of its own): what ours costs
        bare_pid = bare.page().renderProcessPid()
        rss = webengine_rss_mb() - (process_rss_mb(bare_pid) if bare_pid != view.page().renderProcessPid() else 0)
        js, bare_ms = view.js_ms[1:], bare_all[1:]  # the first batch creates every unit: reported apart
        ratio = statistics.median(js) / statistics.median(bare_ms)
        print(f"first batch (creates {args.units} units): {view.js_ms[0]:.1f} ms of JS; bare page {bare_all[0]:.1f} ms")
        print(
            f"moves: {len(js)} batches, JS p50 {statistics.median(js):.1f} ms, p99 {percentile(js, 0.99):.1f} ms, "
            f"max {max(js):.1f} ms; round trip p99 {percentile(view.roundtrip_ms[1:], 0.99):.1f} ms"
        )
        print(
            f"bare Leaflet page (canvas circle markers, setLatLng loop, redraw): JS p50 "
            f"{statistics.median(bare_ms):.1f} ms, p99 {percentile(bare_ms, 0.99):.1f} ms"
        )
        print(
            f"units={args.units} js_ms_p50={statistics.median(js):.1f} js_ms_p99={percentile(js, 0.99):.1f} "
            f"roundtrip_ms_p99={percentile(view.roundtrip_ms[1:], 0.99):.1f} webengine_rss_mb={rss:.0f} "
            f"bare_js_ms_p50={statistics.median(bare_ms):.1f} js_ratio={ratio:.2f}"
        )
        bare.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
