"""A real X server for tests of real windows: Xvfb with one or more screens (each an X screen of its own,
as Xvfb makes them), on a display number nobody uses."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.eventually import eventually


def free_display() -> int:
    return next(n for n in range(140, 400) if not Path(f"/tmp/.X11-unix/X{n}").exists())


@contextmanager
def xvfb(*sizes: str) -> Iterator[str]:
    """`with xvfb("1280x800", "1024x768") as display:` two screens; yields ":N"."""
    binary = shutil.which("Xvfb")
    assert binary, "Xvfb is needed (apt-get install xvfb); ./dev test installs it"
    number = free_display()
    args = [binary, f":{number}", "-nolisten", "tcp"]
    for index, size in enumerate(sizes):
        args += ["-screen", str(index), f"{size}x24"]
    server = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        eventually(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), timeout=10, what="Xvfb's socket")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def on_display(display: str) -> dict[str, str]:
    """The environment of a Qt program on this display (xcb, not the offscreen platform of the other tests)."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    return env | {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
