"""The video wall's pure logic: layouts, wall assignments, tours, the overlay's words, fitting a frame."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from console.videowall.logic.feed_status import FeedState, FeedStatus, format_position, reading
from console.videowall.logic.feed_worker import fit
from console.videowall.logic.layouts import LAYOUTS, MAX_TILES
from console.videowall.logic.wall_state import SourceRef, Tour, WallState

CAM = [SourceRef("camera", f"cam-{i}") for i in range(30)]


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_every_layout_covers_its_grid_exactly_once(name: str) -> None:
    layout = LAYOUTS[name]
    covered = [
        (cell.row + r, cell.col + c) for cell in layout.cells for r in range(cell.rowspan) for c in range(cell.colspan)
    ]
    assert sorted(covered) == [(r, c) for r in range(layout.rows) for c in range(layout.cols)]


def test_the_layouts_of_a_control_room() -> None:
    sizes = {name: layout.size for name, layout in LAYOUTS.items()}
    assert sizes == {
        "1×1": 1,
        "2×2": 4,
        "3×3": 9,
        "4×4": 16,
        "5×5": 25,
        "1 big + 5": 6,
        "1 big + 7": 8,
        "2 big + 8": 10,
    }
    assert LAYOUTS["1 big + 7"].cells[0].rowspan == 3
    assert MAX_TILES == 25


def test_a_smaller_layout_keeps_the_cameras_it_hides() -> None:
    state = WallState("4×4")
    for slot in range(16):
        state = state.assign(slot, CAM[slot])
    small = state.with_layout("2×2")
    assert small.visible() == tuple(CAM[:4])
    assert small.with_layout("4×4").visible() == tuple(CAM[:16])


def test_first_free_tile_and_assignment() -> None:
    state = WallState("2×2").assign(0, CAM[0]).assign(1, CAM[1])
    assert state.first_free() == 2
    full = state.assign(2, CAM[2]).assign(3, CAM[3])
    assert full.first_free() is None
    assert full.assign(1, None).first_free() == 1


def test_swapping_tiles_moves_their_tours_and_the_enlarged_tile() -> None:
    tour = Tour(("a", "b"), 5)
    state = WallState("2×2").assign(0, CAM[0]).assign(3, CAM[3]).with_tour(3, tour).toggle_enlarged(0)
    swapped = state.swap(0, 3)
    assert swapped.assignments[0] == CAM[3] and swapped.assignments[3] == CAM[0]
    assert swapped.tour_of(0) == tour and swapped.tour_of(3) is None
    assert swapped.enlarged == 3


def test_enlarging_twice_goes_back_to_the_grid_and_a_layout_too_small_drops_it() -> None:
    state = WallState("3×3").toggle_enlarged(7)
    assert state.enlarged == 7
    assert state.toggle_enlarged(7).enlarged is None
    assert state.with_layout("2×2").enlarged is None


def test_assigning_a_tile_ends_its_tour() -> None:
    state = WallState().with_tour(0, Tour(("a",), 5)).assign(0, CAM[1])
    assert state.tour_of(0) is None


def test_a_tour_cycles_through_its_cameras() -> None:
    tour = Tour(("a", "b", "c"), 10)
    assert [tour.camera_at(t) for t in (0, 9.9, 10, 25, 30, 31)] == ["a", "a", "b", "c", "a", "a"]
    with pytest.raises(ValueError, match="at least one camera"):
        WallState().with_tour(0, Tour((), 10))


def test_unknown_layouts_and_tiles_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown layout"):
        WallState().with_layout("7×7")
    with pytest.raises(IndexError):
        WallState().assign(MAX_TILES, CAM[0])


def test_an_error_says_why_and_counts_down_to_the_retry() -> None:
    status = FeedStatus(FeedState.ERROR, "camera refused the connection", retry_at=104.2, attempt=2)
    words = reading(status, now=100.0, last_frame_at=None, frame_time=None, position_s=None, fps=0)
    assert words.message == "camera refused the connection — retrying in 4 s"
    assert words.alarming and words.badge == "ERROR"
    assert reading(status, 104.3, None, None, None, 0).message == "camera refused the connection — retrying now"


def test_a_live_feed_without_pictures_for_three_seconds_is_stalled() -> None:
    live = FeedStatus(FeedState.LIVE)
    frame_time = datetime(2026, 11, 25, 17, 3, 22, tzinfo=UTC)
    fresh = reading(live, now=50.0, last_frame_at=49.96, frame_time=frame_time, position_s=None, fps=24.6)
    assert (fresh.badge, fresh.fps, fresh.message, fresh.alarming) == ("LIVE", "25 fps", "", False)
    assert fresh.clock == frame_time.astimezone().strftime("%H:%M:%S")
    stalled = reading(live, now=53.5, last_frame_at=50.0, frame_time=frame_time, position_s=None, fps=0)
    assert stalled.message == "stalled: no picture for 4 s" and stalled.alarming
    assert reading(live, 52.9, 50.0, frame_time, None, 25).message == ""


def test_playback_shows_its_position_and_when_it_is_paused_or_over() -> None:
    playing = reading(FeedStatus(FeedState.PLAYBACK), 1.0, 1.0, None, 83.45, 25)
    assert (playing.badge, playing.clock, playing.fps, playing.message) == ("PLAYBACK", "01:23.4", "25 fps", "")
    paused = reading(FeedStatus(FeedState.PLAYBACK), 1.0, 1.0, None, 83.45, 25, paused=True)
    assert paused.message == "paused" and paused.fps == ""
    assert reading(FeedStatus(FeedState.ENDED), 1.0, 1.0, None, 90, 0).message == "end of the recording"
    assert reading(FeedStatus(FeedState.CONNECTING, attempt=3), 1.0, None, None, None, 0).message == "reconnecting…"


def test_positions_read_as_a_player_shows_them() -> None:
    assert format_position(0) == "00:00.0"
    assert format_position(3725.25) == "1:02:05.2"


def test_a_frame_is_fitted_into_its_tile_keeping_its_shape() -> None:
    assert fit(1280, 720, 640, 480) == (640, 360)
    assert fit(640, 360, 300, 300) == (300, 169)
    assert fit(1920, 1080, 1920, 1080) == (1920, 1080)
    assert fit(4, 3, 1, 1) == (1, 1)
