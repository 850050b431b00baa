"""The wall in Qt with real streams: tiles draw pictures, failed tiles say why in red, the others keep their
frame rate; gestures (drop, swap, double-click), layouts, tours, playback controls; the PySide6 refcount trap."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.backend.commands import Commands
from console.backend.queries import Queries
from console.recording.logic.session_file import SessionReader, SessionWriter
from console.recording.player import SessionPlayer
from console.recording.wall_replay import WallReplay
from console.state.notifier import Notifier
from console.state.selection import Selection
from console.state.store import Store
from console.videowall.logic.feed_source import FeedSource
from console.videowall.logic.feed_status import FeedState
from console.videowall.logic.layouts import LAYOUTS
from console.videowall.logic.remote_feed import DecoderProcess
from console.videowall.logic.wall_state import SourceRef, Tour, WallState, wall_from_dict, wall_to_dict
from console.videowall.panel import VideoWallPanel
from console.videowall.tile import CAMERA_MIME, TILE_MIME, Tile
from console.videowall.wall_grid import WallGrid
from dispatchd.demo.camera_server import CameraServer
from dispatchd.demo.scene import StreetScene
from tests.support.streams import (
    free_port,
    http_folder,
    make_clip,
    make_unknown_codec_clip,
    mjpeg_over_http,
    mpegts_over_tcp,
    rtsp_camera,
    rtsp_missing,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clip(tmp_path_factory.mktemp("clips") / "street.mp4", seconds=6)


def url_source(ref: SourceRef, _main: bool) -> FeedSource | str:
    return FeedSource(ref.id, ref.label or ref.id, playback=not ref.id.startswith(("http:", "tcp:", "rtsp:")))


@pytest.fixture
def grid(qtbot: QtBot) -> Iterator[WallGrid]:
    """A wall as the console has it: its feeds decoded in a decoding process."""
    decoder = DecoderProcess()
    wall = WallGrid(url_source, decoder)
    qtbot.addWidget(wall)
    wall.resize(1280, 720)
    wall.show()
    yield wall
    wall.close_feeds()
    decoder.close()


def pixels(widget: QWidget) -> np.ndarray:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    array = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return array[:, : image.width(), :3].copy()


def picture_part(tile: Tile) -> np.ndarray:
    """The middle of the tile, away from the overlay's bands."""
    array = pixels(tile)
    h, w = array.shape[:2]
    return array[h // 4 : 3 * h // 4, w // 4 : 3 * w // 4]


def alarm_pixels(tile: Tile) -> int:
    array = pixels(tile).astype(int)
    return int(((array[..., 2] > 150) & (array[..., 1] < 90) & (array[..., 0] < 90)).sum())


def painted(tile: Tile, frames: int = 5) -> bool:
    return tile.painted is not None and tile.painted.seq >= frames


def on_wall(grid: WallGrid, layout: str, urls: list[str]) -> None:
    state = WallState(layout)
    for slot, url in enumerate(urls):
        state = state.assign(slot, SourceRef("url", url, f"source {slot + 1}"))
    grid.set_state(state)


def test_live_streams_and_a_file_are_drawn_on_their_tiles(qtbot: QtBot, grid: WallGrid, clip: Path) -> None:
    servers = [mjpeg_over_http(clip), mpegts_over_tcp(clip)]
    if not rtsp_missing():
        servers.append(rtsp_camera())
    try:
        urls = [server.url for server in servers] + [str(clip)]
        on_wall(grid, "2×2", urls)
        tiles = grid.tiles[: len(urls)]
        qtbot.waitUntil(lambda: all(painted(tile) for tile in tiles), timeout=20000)
        for tile in tiles:
            middle = picture_part(tile)
            assert middle.mean() > 40 and middle.std() > 20, f"{tile.title}: a picture, not black"

        def badge(slot: int) -> str:
            words = grid.tiles[slot].words(time.monotonic())
            return words.badge if words is not None else ""

        qtbot.waitUntil(lambda: badge(len(urls) - 1) == "PLAYBACK" and badge(0) == "LIVE", timeout=2000)
    finally:
        for server in servers:
            server.stop()


def test_failed_tiles_say_why_and_the_others_keep_their_frame_rate(
    qtbot: QtBot, grid: WallGrid, clip: Path, tmp_path: Path
) -> None:
    corrupt = tmp_path / "corrupt.mp4"
    corrupt.write_bytes(bytes(range(256)) * 1000)
    odd = make_unknown_codec_clip(tmp_path / "odd.avi")
    good = [mjpeg_over_http(clip), mpegts_over_tcp(clip)]
    ending = mpegts_over_tcp(clip, seconds=1.5)
    try:
        refused = f"rtsp://127.0.0.1:{free_port()}/cam"
        on_wall(grid, "3×3", [good[0].url, good[1].url, refused, str(corrupt), str(odd), ending.url])
        reasons = {
            2: "camera refused the connection",
            3: "not a video file, or a damaged one",
            4: "unsupported codec (QQQQ) in this AVI file",
            5: "stream ended",
        }

        def all_failed() -> bool:
            now = time.monotonic()
            return all(
                (words := grid.tiles[slot].words(now)) is not None and words.message.startswith(reason)
                for slot, reason in reasons.items()
            )

        qtbot.waitUntil(all_failed, timeout=20000)
        for slot in reasons:
            message = grid.tiles[slot].words(time.monotonic())
            assert message is not None and " — retrying " in message.message
            assert alarm_pixels(grid.tiles[slot]) > 500, "the reason is drawn on a red box"
        for slot in (0, 1):
            worker = grid.worker(slot)
            assert worker is not None and worker.status.state is FeedState.LIVE
            assert worker.fps() >= 20, f"tile {slot + 1} keeps its frame rate: {worker.fps():.1f} fps"
            words = grid.tiles[slot].words(time.monotonic())
            assert words is not None and words.message == "" and not words.alarming
    finally:
        for server in (*good, ending):
            server.stop()


def test_painting_many_frames_does_not_eat_the_reference_count_of_none(
    qtbot: QtBot, grid: WallGrid, clip: Path
) -> None:
    """PySide6 6.12.0 on CPython 3.11 decremented None's refcount in QPainter calls until the process aborted."""
    on_wall(grid, "1×1", [str(clip)])
    tile = grid.tiles[0]
    qtbot.waitUntil(lambda: painted(tile, 1), timeout=10000)
    before = sys.getrefcount(None)
    for _ in range(2000):
        tile.repaint()
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references over 2000 paints"


def drop(tile: Tile, mime_type: str, data: str) -> None:
    mime = QMimeData()
    mime.setData(mime_type, data.encode())
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    tile.dropEvent(event)


CAMERAS = (("Gare — parvis", "fixed"), ("Port", "ptz"), ("<b>Drone</b>", "drone"))


@pytest.fixture
def cameras() -> Iterator[CameraServer]:
    server = CameraServer("127.0.0.1", {f"c{i}": StreetScene(f"c{i}", i) for i in range(3)}, fps=10)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def panel(qtbot: QtBot, cameras: CameraServer, tmp_path: Path) -> Iterator[VideoWallPanel]:
    store = Store()
    store.reset(
        {
            "seq": 0,
            "incidents": [],
            "units": [],
            "media": [],
            "cameras": [
                {
                    "id": f"c{i}",
                    "name": name,
                    "kind": kind,
                    "status": "online",
                    "version": 1,
                    "stream": {"main_url": cameras.url(f"c{i}", "main"), "sub_url": cameras.url(f"c{i}", "sub")},
                }
                for i, (name, kind) in enumerate(
                    (("Gare — parvis", "fixed"), ("Port", "ptz"), ("<b>Drone</b>", "drone"))
                )
            ],
        }
    )
    notifier = Notifier()
    wall = VideoWallPanel(store, Queries(notifier.error, tmp_path), Selection(), notifier, Commands(notifier.error))
    qtbot.addWidget(wall)
    wall.resize(1400, 800)
    wall.show()
    yield wall
    wall.close_feeds()


def test_cameras_are_dropped_on_tiles_and_tiles_swapped(qtbot: QtBot, panel: VideoWallPanel) -> None:
    grid = panel.grid
    grid.set_state(WallState("2×2"))
    drop(grid.tiles[3], CAMERA_MIME, "c1")
    assert grid.state.assignments[3] == SourceRef("camera", "c1")
    qtbot.waitUntil(lambda: painted(grid.tiles[3], 2), timeout=10000)
    assert grid.tiles[3].title == "Port"
    drop(grid.tiles[0], TILE_MIME, "3")
    assert grid.state.assignments[0] == SourceRef("camera", "c1") and grid.state.assignments[3] is None
    qtbot.waitUntil(lambda: painted(grid.tiles[0], 2), timeout=10000)
    assert grid.worker(3) is None and grid.tiles[3].title == ""


def test_double_click_enlarges_on_the_main_stream_and_back_on_the_sub_stream(
    qtbot: QtBot, panel: VideoWallPanel, cameras: CameraServer
) -> None:
    grid = panel.grid
    state = WallState("2×2").assign(0, SourceRef("camera", "c0")).assign(1, SourceRef("camera", "c1"))
    grid.set_state(state)
    qtbot.waitUntil(lambda: painted(grid.tiles[0], 2) and painted(grid.tiles[1], 2), timeout=10000)
    assert grid.worker(0) is not None and grid.worker(0).source.url == cameras.url("c0", "sub")
    small = grid.tiles[0].size()
    qtbot.mouseDClick(grid.tiles[0], Qt.MouseButton.LeftButton)
    assert grid.state.enlarged == 0
    worker = grid.worker(0)
    assert worker is not None and worker.source.url == cameras.url("c0", "main")
    qtbot.waitUntil(lambda: grid.tiles[0].width() > small.width() * 1.8)
    qtbot.waitUntil(lambda: painted(grid.tiles[0], 2) and grid.tiles[0].painted.pixels.shape[1] > small.width())
    hidden = grid.worker(1)
    assert hidden is not None
    qtbot.waitUntil(lambda: not hidden.active, timeout=2000)  # behind the enlarged tile: not decoding
    qtbot.mouseDClick(grid.tiles[0], Qt.MouseButton.LeftButton)
    assert grid.state.enlarged is None
    assert grid.worker(0) is not None and grid.worker(0).source.url == cameras.url("c0", "sub")
    qtbot.waitUntil(lambda: hidden.active, timeout=2000)


@pytest.mark.parametrize("name", ["1×1", "3×3", "5×5", "1 big + 7", "2 big + 8"])
def test_each_layout_shows_its_tiles(qtbot: QtBot, panel: VideoWallPanel, name: str) -> None:
    panel.layout_box.setCurrentIndex(panel.layout_box.findData(name))
    layout = LAYOUTS[name]
    qtbot.waitUntil(lambda: sum(tile.isVisible() for tile in panel.grid.tiles) == layout.size)
    widths = sorted(tile.width() for tile in panel.grid.tiles if tile.isVisible())
    if layout.cells[0].colspan > 1:
        assert widths[-1] > 1.8 * widths[0], "the big tile is big"
    else:
        assert widths[-1] - widths[0] <= 2


def test_a_tour_cycles_a_tile_through_the_listed_cameras(qtbot: QtBot, panel: VideoWallPanel) -> None:
    grid = panel.grid
    grid.set_state(WallState("1×1").with_tour(0, Tour(("c0", "c1", "c2"), 0.4)))
    seen: set[str] = set()

    def record() -> bool:
        worker = grid.worker(0)
        if worker is not None:
            seen.add(worker.source.label)
        return len(seen) == 3

    qtbot.waitUntil(record, timeout=5000)
    assert seen == {"Gare — parvis", "Port", "<b>Drone</b>"}


def test_the_camera_list_searches_and_drags_a_camera(panel: VideoWallPanel) -> None:
    listing = panel.cameras
    assert listing.visible_ids() == ["c2", "c0", "c1"]  # by name
    listing.search.setText("ptz")
    assert listing.visible_ids() == ["c1"]
    listing.search.setText("GARE")
    assert listing.visible_ids() == ["c0"]
    mime = listing.items.mimeData([listing.items.item(0)])
    assert bytes(mime.data(CAMERA_MIME).data()) == b"c0"
    assert listing.items.item(0).text().startswith("Gare — parvis")


def test_playback_controls_drive_the_selected_file_tile(qtbot: QtBot, panel: VideoWallPanel, clip: Path) -> None:
    grid = panel.grid
    grid.set_state(WallState("2×2").assign(0, SourceRef("camera", "c0")).assign(1, SourceRef("url", str(clip))))
    qtbot.waitUntil(lambda: painted(grid.tiles[1], 2), timeout=10000)
    qtbot.mouseClick(grid.tiles[0], Qt.MouseButton.LeftButton)
    assert not panel.playback.isEnabled(), "a live camera has no playback controls"
    qtbot.mouseClick(grid.tiles[1], Qt.MouseButton.LeftButton, pos=QPoint(200, 100))
    assert panel.playback.isEnabled()
    worker = grid.worker(1)
    assert worker is not None
    qtbot.mouseClick(panel.playback.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: worker.paused)
    qtbot.waitUntil(lambda: panel.playback.play_button.text() == "Play")
    qtbot.mouseClick(panel.playback.step_button, Qt.MouseButton.LeftButton)
    panel.playback.speed.setCurrentText("4×")
    qtbot.waitUntil(lambda: worker.speed == 4.0)
    qtbot.waitUntil(lambda: panel.playback.slider.maximum() == 60)


def test_the_wall_goes_full_screen_on_a_chosen_screen_and_comes_back(qtbot: QtBot, panel: VideoWallPanel) -> None:
    screen = QGuiApplication.screens()[-1]
    panel.grid.set_state(WallState("2×2").assign(0, SourceRef("camera", "c0")))
    panel.go_full_screen(screen)
    window = panel.full_screen
    assert window is not None
    qtbot.waitUntil(window.isVisible)
    assert window.screen() is screen and panel.grid.window() is window
    assert panel.back_button.isVisible() and screen.name() in panel.back_button.text()
    qtbot.waitUntil(lambda: painted(panel.grid.tiles[0], 2), timeout=10000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.full_screen is None)
    assert panel.grid.window() is panel.window() and not panel.back_button.isVisible()
    qtbot.waitUntil(lambda: painted(panel.grid.tiles[0], 4), timeout=10000)


def test_a_killed_decoding_process_is_started_again_and_the_tiles_come_back(
    qtbot: QtBot, panel: VideoWallPanel
) -> None:
    grid = panel.grid
    grid.set_state(WallState("2×2").assign(0, SourceRef("camera", "c0")).assign(1, SourceRef("camera", "c1")))
    qtbot.waitUntil(lambda: painted(grid.tiles[0], 2) and painted(grid.tiles[1], 2), timeout=10000)
    first = panel.decoder.pid
    assert first is not None and first != os.getpid(), "decoded in a process of its own"
    os.kill(first, signal.SIGKILL)
    killed_at = time.monotonic()
    qtbot.waitUntil(lambda: panel.decoder.restarts == 1, timeout=5000)
    assert panel.decoder.pid not in (None, first)

    def fresh(tile: Tile) -> bool:
        return tile.painted is not None and tile.painted.ready_at > killed_at

    qtbot.waitUntil(lambda: fresh(grid.tiles[0]) and fresh(grid.tiles[1]), timeout=15000)
    worker = grid.worker(0)
    assert worker is not None
    qtbot.waitUntil(lambda: worker.status.state is FeedState.LIVE, timeout=2000)  # reported every 100 ms


@pytest.fixture
def stalling_camera() -> Iterator[str]:
    """An MJPEG camera that sends 20 pictures, then nothing, without closing the connection."""
    image = np.zeros((180, 320, 3), np.uint8)
    image[:, :160] = (40, 160, 220)
    jpeg = cv2.imencode(".jpg", image)[1].tobytes()
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=f")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"--f\r\nContent-Type: image/jpeg\r\nContent-Length: %d\r\n\r\n" % len(jpeg))
                self.wfile.write(jpeg + b"\r\n")
                self.wfile.flush()
                release.wait(0.04)
            release.wait(30)  # the camera hangs: connected, silent

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/cam.mjpg"
    release.set()
    httpd.shutdown()
    httpd.server_close()


def test_a_camera_that_goes_silent_is_shown_as_stalled(qtbot: QtBot, grid: WallGrid, stalling_camera: str) -> None:
    on_wall(grid, "1×1", [stalling_camera])
    tile = grid.tiles[0]
    qtbot.waitUntil(lambda: painted(tile, 5), timeout=10000)

    def stalled() -> bool:
        words = tile.words(time.monotonic())
        return words is not None and words.message.startswith("stalled: no picture for")

    qtbot.waitUntil(stalled, timeout=8000)
    qtbot.waitUntil(lambda: alarm_pixels(tile) > 300, timeout=2000)  # said in red over the last picture
    assert picture_part(tile).std() > 20, "the last picture stays visible behind the warning"


def test_a_cameras_recording_plays_with_the_time_it_was_recorded(
    qtbot: QtBot, panel: VideoWallPanel, clip: Path, tmp_path: Path
) -> None:
    """A camera's archive (`archive_url?start=&end=` → MP4 over HTTP) plays as PLAYBACK at the recorded time."""
    folder = tmp_path / "vms"
    folder.mkdir()
    # As a VMS serves a recording over HTTP: its index first (faststart), readable without Range requests.
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-i",
            str(clip),
            "-c",
            "copy",
            "-movflags",
            "+faststart",
            str(folder / "archive.mp4"),
        ],
        check=True,
        timeout=60,
    )
    with http_folder(folder) as base:
        store = panel._store
        store.reset(
            {
                "seq": 1,
                "incidents": [],
                "units": [],
                "media": [],
                "cameras": [
                    {
                        "id": "c9",
                        "name": "Parvis",
                        "kind": "fixed",
                        "status": "online",
                        "version": 1,
                        "stream": {"sub_url": f"{base}/none.mjpg"},
                        "archive_url": f"{base}/archive.mp4",
                    }
                ],
            }
        )
        end = datetime(2026, 11, 25, 17, 0, 0, tzinfo=UTC)
        panel.play_recording(0, "c9", timedelta(minutes=5), end)
        worker = panel.grid.worker(0)
        assert worker is not None and worker.source.playback
        assert worker.source.url.startswith(f"{base}/archive.mp4?start=2026-11-25T16%3A55%3A00")
        qtbot.waitUntil(lambda: painted(panel.grid.tiles[0], 10), timeout=10000)
        frame = panel.grid.tiles[0].painted
        assert frame is not None and frame.time is not None and frame.position_s is not None
        assert frame.time == datetime(2026, 11, 25, 16, 55, tzinfo=UTC) + timedelta(seconds=frame.position_s)
        words = panel.grid.tiles[0].words(time.monotonic())
        assert words is not None and words.badge == "PLAYBACK" and panel.grid.tiles[0].title == "Parvis — recording"


def test_the_more_menu_starts_a_tour_of_the_listed_cameras(qtbot: QtBot, panel: VideoWallPanel) -> None:
    tours = [a for a in panel.more_menu.actions() if a.text().startswith("Tour the listed cameras")]
    assert [a.text().split(", ")[1] for a in tours] == ["5 s each", "10 s each", "30 s each", "60 s each"]
    tours[0].trigger()
    tour = panel.grid.state.tour_of(panel.grid.selected)
    assert tour is not None and tour.period_s == 5.0 and len(tour.camera_ids) == 3


def test_a_replay_shows_the_operators_wall_as_recordings_at_the_replayed_time(
    qtbot: QtBot, panel: VideoWallPanel, cameras: CameraServer, tmp_path: Path
) -> None:
    """What the operator had on the wall comes back in a replay, each camera playing its recording from the
    replayed time; a time the backend no longer keeps says so on its tile."""
    now = datetime.now(UTC)
    path = tmp_path / "wall.session"
    writer = SessionWriter(path, {})
    cams = [
        {"id": f"c{i}", "name": f"Camera {i}", "kind": "fixed", "status": "online", "version": 1,
         "stream": {"sub_url": cameras.url(f"c{i}", "sub")}, "archive_url": cameras.archive_url(f"c{i}")}
        for i in range(2)
    ]  # fmt: skip
    old, recent = (now - timedelta(hours=3)).timestamp(), (now - timedelta(minutes=20)).timestamp()
    wall = WallState("2×2").assign(0, SourceRef("camera", "c0")).assign(1, SourceRef("camera", "c1"))
    for t in (old, recent):
        writer.append(t, "snapshot", "snapshot", {"seq": 1, "cameras": cams})
        writer.append(t + 1, "action", "wall", {"description": "wall 2×2", "state": wall_to_dict(wall)})
        writer.append(t + 120, "action", "select", {"description": "selected nothing"})
    writer.close()
    assert wall_from_dict(wall_to_dict(wall)) == wall
    player = SessionPlayer(panel._store, SessionReader(path))
    WallReplay(player, panel)
    player.seek(recent + 30)
    grid = panel.grid
    qtbot.waitUntil(lambda: painted(grid.tiles[0], 3), timeout=20000)
    frame = grid.tiles[0].painted
    assert frame is not None and frame.time is not None
    assert abs((frame.time - datetime.fromtimestamp(recent + 30, UTC)).total_seconds()) < 5, "the replayed time"

    def playing() -> bool:  # a loaded machine can catch the archive's stream between two of its requests
        words = grid.tiles[0].words(time.monotonic())
        return words is not None and words.badge == "PLAYBACK"

    qtbot.waitUntil(playing, timeout=10000)
    assert grid.tiles[0].title == "Camera 0 — recording"

    player.seek(old + 30)  # three hours ago: the demo keeps two

    def said() -> bool:
        words = grid.tiles[1].words(time.monotonic())
        return words is not None and words.message.startswith("no recording for this time")

    qtbot.waitUntil(said, timeout=20000)
    player.close()


def test_a_failing_camera_is_reported_once_not_at_every_retry(qtbot: QtBot, grid: WallGrid) -> None:
    failures: list[tuple[str, str]] = []
    grid.feed_failed.connect(lambda title, reason: failures.append((title, reason)))
    on_wall(grid, "1×1", [f"http://127.0.0.1:{free_port()}/cam.mjpg"])
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    assert failures[0][0] == "source 1" and failures[0][1].startswith("camera refused the connection")
    worker = grid.worker(0)
    assert worker is not None
    qtbot.waitUntil(lambda: worker.status.attempt >= 3, timeout=20000)
    assert len(failures) == 1, "retries of the same failure are not new alerts"
