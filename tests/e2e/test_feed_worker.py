"""FeedWorker against real streams: MJPEG over HTTP and MPEG-TS over TCP from ffmpeg, RTSP from GStreamer,
HLS over HTTP, local files; and the ways they fail (each with its reason and a retry)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from console.videowall.logic.feed_source import FeedSource
from console.videowall.logic.feed_status import FeedState
from console.videowall.logic.feed_worker import FeedWorker
from tests.support.eventually import eventually
from tests.support.streams import (
    free_port,
    http_folder,
    make_clip,
    make_hls,
    make_unknown_codec_clip,
    mjpeg_over_http,
    mpegts_over_tcp,
    rtsp_camera,
    rtsp_missing,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clip(tmp_path_factory.mktemp("clips") / "street.mp4", seconds=4)


@pytest.fixture
def workers() -> Iterator[list[FeedWorker]]:
    started: list[FeedWorker] = []
    yield started
    for worker in started:
        worker.stop()
    for worker in started:
        assert worker.join(10), f"{worker.source.label} did not stop"


def run(workers: list[FeedWorker], url: str, playback: bool = False, size: tuple[int, int] = (320, 240)) -> FeedWorker:
    worker = FeedWorker(FeedSource(url, url, playback), size)
    worker.start()
    workers.append(worker)
    return worker


def assert_a_picture(worker: FeedWorker, size: tuple[int, int]) -> None:
    eventually(lambda: worker.latest is not None and worker.latest.seq >= 5, what=f"frames from {worker.source.url}")
    frame = worker.latest
    assert frame is not None
    height, width, channels = frame.pixels.shape
    assert channels == 4 and (width == size[0] or height == size[1]), "scaled to the tile, RGB32"
    assert width <= size[0] and height <= size[1]
    assert float(frame.pixels[..., :3].mean()) > 30 and float(frame.pixels[..., :3].std()) > 20, "a picture, not black"
    assert np.all(frame.pixels[..., 3] == 255)


def test_mjpeg_over_http(clip: Path, workers: list[FeedWorker]) -> None:
    server = mjpeg_over_http(clip)
    try:
        worker = run(workers, server.url)
        assert_a_picture(worker, (320, 240))
        assert worker.status.state is FeedState.LIVE
        eventually(lambda: worker.fps() > 18, what="about 25 fps")
        assert worker.latest is not None and worker.latest.time is not None
    finally:
        server.stop()


def test_mpegts_over_tcp(clip: Path, workers: list[FeedWorker]) -> None:
    server = mpegts_over_tcp(clip)
    try:
        assert_a_picture(run(workers, server.url), (320, 240))
    finally:
        server.stop()


@pytest.mark.skipif(rtsp_missing(), reason="GStreamer's RTSP server (gir1.2-gst-rtsp-server-1.0) is missing")
def test_rtsp_over_tcp_from_gstreamer(workers: list[FeedWorker]) -> None:
    server = rtsp_camera()
    try:
        assert_a_picture(run(workers, server.url, size=(640, 360)), (640, 360))
    finally:
        server.stop()


def test_hls_over_http(clip: Path, tmp_path: Path, workers: list[FeedWorker]) -> None:
    make_hls(clip, tmp_path / "hls")
    with http_folder(tmp_path / "hls") as base:
        assert_a_picture(run(workers, f"{base}/index.m3u8", playback=True), (320, 240))


def test_a_local_file_plays_pauses_seeks_steps_and_changes_speed(clip: Path, workers: list[FeedWorker]) -> None:
    worker = run(workers, str(clip), playback=True)
    assert_a_picture(worker, (320, 240))
    assert worker.status.state is FeedState.PLAYBACK and worker.duration_s == pytest.approx(4.0, abs=0.1)
    worker.pause()
    eventually(lambda: worker.paused, what="paused")
    held = worker.latest
    assert held is not None
    worker.seek(2.0)
    eventually(lambda: worker.latest is not held, what="the picture at the seek position")
    assert worker.latest is not None and worker.latest.position_s == pytest.approx(2.0, abs=0.08)
    at_seek = worker.latest
    worker.step()
    eventually(lambda: worker.latest is not at_seek, what="one frame forward")
    assert worker.latest is not None and worker.latest.position_s == pytest.approx(2.04, abs=0.01)
    assert worker.paused
    worker.seek(0.0)
    worker.set_speed(8.0)
    worker.play()
    eventually(lambda: worker.status.state is FeedState.ENDED, timeout=3, what="4 s played at 8× in well under 3 s")


def test_a_hidden_tile_closes_its_source_and_reconnects_when_shown(clip: Path, workers: list[FeedWorker]) -> None:
    port = free_port()
    server = mjpeg_over_http(clip, port=port)
    try:
        worker = run(workers, server.url)
        assert_a_picture(worker, (320, 240))
        worker.set_active(False)
        eventually(lambda: server.process.poll() is not None, what="the camera server seeing its viewer leave")
        hidden_at = worker.latest.seq if worker.latest else 0
        server = mjpeg_over_http(clip, port=port)
        worker.set_active(True)
        eventually(lambda: worker.latest is not None and worker.latest.seq > hidden_at + 5, what="live again")
    finally:
        server.stop()


def test_a_refused_connection_says_so_and_a_later_camera_is_picked_up(clip: Path, workers: list[FeedWorker]) -> None:
    port = free_port()
    worker = run(workers, f"http://127.0.0.1:{port}/cam.mjpg")
    eventually(lambda: worker.status.state is FeedState.ERROR, what="the refusal")
    assert worker.status.reason == "camera refused the connection"
    assert worker.status.retry_at is not None
    server = mjpeg_over_http(clip, port=port)
    try:
        eventually(lambda: worker.latest is not None, timeout=20, what="frames once the camera is up")
        assert worker.status.state is FeedState.LIVE
    finally:
        server.stop()


def test_a_stream_that_stops_midway_says_it_ended_and_retries(clip: Path, workers: list[FeedWorker]) -> None:
    server = mpegts_over_tcp(clip, seconds=1.5)
    try:
        worker = run(workers, server.url)
        eventually(lambda: worker.latest is not None, what="the first frames")
        eventually(lambda: worker.status.state is FeedState.ERROR, what="the end of the stream")
        assert worker.status.reason == "stream ended"
        eventually(lambda: worker.status.attempt >= 1 and worker.status.reason == "camera refused the connection")
    finally:
        server.stop()


def test_a_corrupt_file_and_an_unknown_codec_say_why(tmp_path: Path, workers: list[FeedWorker]) -> None:
    corrupt = tmp_path / "corrupt.mp4"
    corrupt.write_bytes(bytes(range(256)) * 1000)
    odd = make_unknown_codec_clip(tmp_path / "odd.avi")
    bad = run(workers, str(corrupt), playback=True)
    unknown = run(workers, str(odd), playback=True)
    eventually(lambda: bad.status.state is FeedState.ERROR and unknown.status.state is FeedState.ERROR)
    assert bad.status.reason == "not a video file, or a damaged one"
    assert unknown.status.reason == "unsupported codec (QQQQ) in this AVI file"
    first_retry = bad.status.retry_at
    eventually(lambda: bad.status.attempt >= 1 and bad.status.retry_at != first_retry, what="a second attempt")


def test_snapshot_is_the_full_resolution_picture(clip: Path, workers: list[FeedWorker]) -> None:
    worker = run(workers, str(clip), playback=True, size=(160, 90))
    eventually(lambda: worker.latest is not None)
    picture = worker.snapshot()
    assert picture is not None
    image, _when = picture
    assert image.shape == (360, 640, 3)
