"""Where windows go on the screens there are, and layout profiles as files."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.layout.logic.placement import Rect, ScreenInfo, place, screen_of
from console.layout.logic.profile import (
    PanelPlacement,
    Profile,
    ProfileError,
    builtin_profile,
    file_name,
    load,
    names,
    save,
)

LEFT = ScreenInfo("DP-1", Rect(0, 0, 1920, 1050))
MIDDLE = ScreenInfo("DP-2", Rect(1920, 0, 1920, 1050))
RIGHT = ScreenInfo("HDMI-1", Rect(3840, 0, 1280, 994))


def test_a_window_goes_back_to_its_own_screen_when_it_is_there() -> None:
    saved = Rect(2000, 100, 800, 600)
    assert place(saved, MIDDLE, [LEFT, MIDDLE, RIGHT]) == saved
    moved = ScreenInfo("DP-2", Rect(1920, 200, 1920, 1050))  # the same monitor, arranged lower
    assert place(saved, MIDDLE, [LEFT, moved]) == Rect(2000, 300, 800, 600)


def test_a_window_of_a_missing_screen_lands_on_the_first_one_whole() -> None:
    on_right = Rect(3900, 50, 1200, 900)
    assert place(on_right, RIGHT, [LEFT, MIDDLE]) == Rect(60, 50, 1200, 900), "same offset, on the primary"
    huge = Rect(3840, 0, 2560, 1440)
    assert place(huge, RIGHT, [LEFT]) == Rect(0, 0, 1920, 1050), "shrunk to fit, never off-screen"
    lost = Rect(9000, 9000, 400, 300)
    placed = place(lost, None, [LEFT, MIDDLE])
    assert screen_of(placed, [LEFT, MIDDLE]) == LEFT and placed.intersection_area(LEFT.geometry) == 400 * 300
    half_off = Rect(1800, 900, 400, 300)
    assert place(half_off, None, [LEFT]) == Rect(1520, 750, 400, 300), "a window hanging off is brought in"


def test_profiles_round_trip_and_bad_ones_say_why(tmp_path: Path) -> None:
    profile = Profile(
        "Supervisor — 3 screens",
        Rect(0, 0, 1920, 1050),
        LEFT,
        "AAAA",
        {"social": PanelPlacement(True, True, Rect(3900, 50, 1200, 900), RIGHT), "units": PanelPlacement(False, False)},
        wall_screen="DP-2",
    )
    path = save(tmp_path, profile)
    assert path.name == file_name("Supervisor — 3 screens") == "supervisor-3-screens.json"
    assert load(tmp_path, "Supervisor — 3 screens") == profile
    assert names(tmp_path) == ["Supervisor — 3 screens"]
    with pytest.raises(ProfileError, match="there is no layout profile 'Night'"):
        load(tmp_path, "Night")
    path.write_text(path.read_text().replace('"version": 1', '"version": 7'))
    with pytest.raises(ProfileError, match="saved by a newer console"):
        load(tmp_path, "Supervisor — 3 screens")
    path.write_text('{"name": "x", "main": {"geometry": [0, 0, 0, 0]}}')
    with pytest.raises(ProfileError, match="cannot be read"):
        load(tmp_path, "Supervisor — 3 screens")
    assert names(tmp_path) == [], "an unreadable profile is not offered"


def test_built_in_profiles_fit_the_screens_there_are() -> None:
    panels = ["incidents", "units", "social", "alert_log", "wall"]
    three = builtin_profile("Supervisor — 3 screens", [LEFT, MIDDLE, RIGHT], panels)
    assert three.wall_screen == "DP-2" and not three.panels["wall"].visible
    social = three.panels["social"]
    assert social.floating and social.screen == RIGHT and social.geometry == Rect(3840, 0, 640, 994)
    assert three.panels["alert_log"].geometry == Rect(4480, 596, 640, 397)
    one = builtin_profile("Supervisor — 3 screens", [LEFT], panels)
    assert one.wall_screen == "" and not any(p.floating for p in one.panels.values()), "one screen: all docked"
    operator = builtin_profile("Operator — 2 screens", [LEFT, MIDDLE], panels)
    assert operator.wall_screen == "DP-2" and not operator.panels["social"].floating
    with pytest.raises(ProfileError, match="no built-in layout profile"):
        builtin_profile("Night", [LEFT], panels)
