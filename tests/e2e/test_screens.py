"""Layout profiles on real screens (Xvfb, real X windows through Qt's xcb platform): a profile saved with
panels on two screens comes back where it was in a new process; started with one screen, every window is
on it and whole; a screen unplugged during the session (Qt's screenRemoved, as Xvfb cannot unplug one)
sends its windows to the one that remains."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.support.xvfb import on_display, xvfb

ROOT = Path(__file__).parents[2]


def child(mode: str, folder: Path, display: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.support.layout_child", mode, str(folder)],
        cwd=ROOT, env=on_display(display), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def inside(rect: list[int], screen: list[int]) -> bool:
    x, y, w, h = rect
    sx, sy, sw, sh = screen
    return sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh


def test_a_two_screen_profile_comes_back_then_fits_one_screen_then_survives_an_unplug(tmp_path: Path) -> None:
    with xvfb("1280x800", "1024x768") as display:
        saved = child("save", tmp_path, display)
        assert saved["screens"] == ["screen", "screen #2"]
        windows = saved["windows"]
        assert windows["social"]["screen"] == "screen #2" and windows["social"]["floating"], "sent to screen 2"
        assert saved["wall"] == "screen #2", "the wall full screen on screen 2"
        assert windows["units"]["screen"] == "screen" and windows["units"]["rect"] == [700, 120, 320, 480]
        assert not windows["alert_log"]["visible"]

        restored = child("restore", tmp_path, display)
        for name in ("main", "units", "social", "alert_log", "wall"):
            before, after = saved["windows"][name], restored["windows"][name]
            assert (after["screen"], after["floating"], after["visible"]) == (
                before["screen"], before["floating"], before["visible"]
            ), name  # fmt: skip
            if before["floating"]:
                assert after["rect"] == before["rect"], f"{name} where it was"
        assert restored["wall"] == "screen #2"

        unplugged = child("unplug", tmp_path, display)
        assert unplugged["wall"] == "", "the full-screen wall is back in the main window"
        for name, placed in unplugged["windows"].items():
            assert placed["screen"] == "screen", f"{name} on the remaining screen"
            if placed["visible"] and placed["floating"]:
                assert inside(placed["rect"], placed["screen_rect"]), f"{name} wholly visible"
        assert unplugged["said"][-1] == "Screen screen #2 was unplugged: Social watch, video wall moved to screen"
        assert unplugged["said_after"] == [
            "Screen screen #2 is connected: View ▸ Layout ▸ Restore «Two screens» puts the panels back"
        ]

    with xvfb("1024x768") as display:
        alone = child("restore", tmp_path, display)
        assert alone["screens"] == ["screen"]
        for name, placed in alone["windows"].items():
            if placed["visible"] and placed["floating"]:
                assert placed["screen"] == "screen" and inside(placed["rect"], placed["screen_rect"]), name
        assert alone["windows"]["social"]["visible"] and alone["windows"]["social"]["floating"]
        assert alone["said"] == [
            "Layout «Two screens»: screen screen #2 is not connected; its windows are on screen for now"
        ]
