"""Moves N units on the real map page once a second and measures the JavaScript of each batch.

    python -m bench.map --units 5000 [--seconds 20]

A MapView (QtWebEngine, offscreen) shows the demo city's offline base map; every second all N units move a
little and the batch goes to the page in one call. `consoleMap.apply` measures its own time (JSON parsed,
layers updated, the unit canvas redrawn); the round trip is measured from Python. The last line is
`units=N js_ms_p50=… js_ms_p99=… roundtrip_ms_p99=… webengine_rss_mb=…`.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu" + (" --no-sandbox" if os.geteuid() == 0 else ""))

import qasync
from PySide6.QtWidgets import QApplication

from console.map.map_view import MapView
from console.map.page import build_page
from console.map.scheme import register_scheme
from console.map.tiles import MBTiles
from dispatchd.demo.basemap import write_mbtiles
from dispatchd.demo.city import build_city

STATUSES = ("Available", "EnRoute", "OnScene", "Dispatched", "OutofService")


def webengine_rss_mb() -> float:
    """Resident memory of the QtWebEngineProcess children of this process."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if b"QtWebEngineProcess" in cmdline:
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            total += int(fields.get("VmRSS", "0 kB").split()[0])
    return total / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


async def measure(view: MapView, count: int, seconds: int) -> None:
    while not view.ready:
        await asyncio.sleep(0.05)
    rng = random.Random(1)
    lats = [45.745 + rng.uniform(-0.012, 0.012) for _ in range(count)]
    lons = [4.855 + rng.uniform(-0.02, 0.02) for _ in range(count)]
    courses = [rng.uniform(0, 360) for _ in range(count)]
    view.js_ms.clear()
    view.roundtrip_ms.clear()
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
        await asyncio.sleep(max(0.0, 1.0 - (time.monotonic() - started)))


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
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(measure(view, args.units, args.seconds))
        js = view.js_ms[1:]  # the first batch creates every unit: reported apart
        print(f"first batch (creates {args.units} units): {view.js_ms[0]:.1f} ms of JS")
        print(
            f"moves: {len(js)} batches, JS p50 {statistics.median(js):.1f} ms, p99 {percentile(js, 0.99):.1f} ms, "
            f"max {max(js):.1f} ms; round trip p99 {percentile(view.roundtrip_ms[1:], 0.99):.1f} ms"
        )
        print(
            f"units={args.units} js_ms_p50={statistics.median(js):.1f} js_ms_p99={percentile(js, 0.99):.1f} "
            f"roundtrip_ms_p99={percentile(view.roundtrip_ms[1:], 0.99):.1f} webengine_rss_mb={webengine_rss_mb():.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
