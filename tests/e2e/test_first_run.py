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
# The demo base map's streets, avenues and names (RGB): light greys with a blue cast, drawn nowhere else in
# the console (its panels are flat greys or coloured; the map's own background is a dark slate).
STREET_COLOURS = np.array([(100, 110, 120), (125, 138, 150)], np.int16)


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
    near = np.zeros(rgb.shape[:2], bool)
    for colour in STREET_COLOURS:
        near |= np.abs(rgb - colour).max(axis=2) <= 3
    return int(near.sum())


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
                return street_pixels(screenshot(display, tmp_path / "screen.png")) > 5000

            eventually(streets_drawn, 30, "the city's streets on the map")
            assert console.poll() is None, "".join(log[-30:])
        finally:
            console.terminate()
            console.wait(timeout=20)
    assert not any("Traceback" in line for line in log), "".join(log)
