"""A newcomer's first run: `console --demo` with a data folder that holds nothing yet, in a real window (Xvfb).

The demo backend draws the city's offline base map while the console opens; the map must show the streets
once the file is written, not a blank map that only the second run fills. What is drawn is read from the
X screen itself (ffmpeg's x11grab), pixels, not a flag."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.support.eventually import eventually
from tests.support.xvfb import on_display, xvfb

pytestmark = pytest.mark.e2e
SCREEN = (1600, 1000)
MAP_BACKGROUND = (32, 36, 42)  # the map page's own background (console-map.css), also the tiles' ground


def screenshot(display: str, path: Path) -> np.ndarray:
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "x11grab", "-video_size", f"{SCREEN[0]}x{SCREEN[1]}",
         "-i", display, "-frames:v", "1", str(path)],
        check=True, timeout=30,
    )  # fmt: skip
    image = cv2.imread(str(path))
    assert image is not None, f"no screenshot in {path}"
    return image[:, :, ::-1].astype(np.int16)  # RGB


def street_pixels(rgb: np.ndarray) -> int:
    """Pixels of the demo base map's streets (light blue-greys, whatever the sectors' tint over them) inside
    the map: the box of the rows and columns where the page's background shows."""
    background = (rgb == MAP_BACKGROUND).all(axis=2)
    columns, rows = np.nonzero(background.sum(axis=0) > 100)[0], np.nonzero(background.sum(axis=1) > 100)[0]
    if not len(columns) or not len(rows):
        return 0
    inside = rgb[rows.min() : rows.max() + 1, columns.min() : columns.max() + 1]
    r, g, b = inside[..., 0], inside[..., 1], inside[..., 2]
    streets = (r >= 85) & (r <= 170) & (g - r >= 8) & (g - r <= 20) & (b - r >= 15) & (b - r <= 35)
    return int(streets.sum())


def test_the_first_run_of_the_demo_shows_the_city_streets(tmp_path: Path) -> None:
    data = tmp_path / "data"
    basemap = data / "demo-basemap-17.mbtiles"
    with xvfb(f"{SCREEN[0]}x{SCREEN[1]}") as display:
        env = on_display(display) | {"CONSOLE_CONFIG_DIR": str(tmp_path / "config"), "CONSOLE_DATA_DIR": str(data)}
        console = subprocess.Popen(
            [sys.executable, "-m", "console", "--demo"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        log: list[str] = []

        def pump() -> None:
            assert console.stderr is not None
            with console.stderr:
                log.extend(console.stderr)

        threading.Thread(target=pump, daemon=True).start()
        try:
            eventually(lambda: any("snapshot loaded at seq" in line for line in log), 60, "the console connected")
            assert basemap.exists(), "the demo backend wrote the city's base map into the fresh data folder"

            def streets_drawn() -> bool:  # the last look stays in tmp_path/screen.png
                # ~300 such pixels without a base map (markers, labels); 6,000 to 27,000 with it, zoomed out or in
                return street_pixels(screenshot(display, tmp_path / "screen.png")) > 2000

            eventually(streets_drawn, 30, "the city's streets on the map")
            assert console.poll() is None, "".join(log[-30:])
        finally:
            console.terminate()
            console.wait(timeout=20)
    assert not any("Traceback" in line for line in log), "".join(log)
