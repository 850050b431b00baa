"""Why a feed failed, in words: files looked at, cameras asked (real files and real local servers)."""

from __future__ import annotations

import socket
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from console.videowall.logic.diagnosis import local_path, sniff, why_file_failed, why_read_failed, why_stream_failed
from tests.support.streams import (
    free_port,
    make_clip,
    make_unknown_codec_clip,
    rtsp_camera,
    rtsp_missing,
)


def test_a_missing_an_empty_and_a_random_file_each_get_their_reason(tmp_path: Path) -> None:
    assert why_file_failed(tmp_path / "nope.mp4") == "file not found"
    (tmp_path / "empty.mp4").write_bytes(b"")
    assert why_file_failed(tmp_path / "empty.mp4") == "the file is empty"
    (tmp_path / "noise.mp4").write_bytes(bytes(range(256)) * 400)
    assert why_file_failed(tmp_path / "noise.mp4") == "not a video file, or a damaged one"
    assert why_file_failed(tmp_path) == "not a file"


def test_a_codec_nobody_decodes_is_named(tmp_path: Path) -> None:
    clip = make_unknown_codec_clip(tmp_path / "odd.avi")
    assert why_file_failed(clip) == "unsupported codec (QQQQ) in this AVI file"


def test_the_codec_of_real_files_is_recognised(tmp_path: Path) -> None:
    mp4 = make_clip(tmp_path / "a.mp4", seconds=0.4)
    assert sniff(mp4.read_bytes()) == ("MP4", "avc1")
    mkv = make_clip(tmp_path / "a.mkv", seconds=0.4, codec="mpeg4")
    assert sniff(mkv.read_bytes()) == ("Matroska", "V_MPEG4/ISO/ASP")


def test_a_sound_only_file_has_no_picture(tmp_path: Path) -> None:
    audio = tmp_path / "call.mp4"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine", "-t", "1", str(audio)], check=True, timeout=60
    )
    assert why_file_failed(audio) == "no picture in this MP4 file (sound only)"


def test_a_truncated_mp4_is_called_damaged(tmp_path: Path) -> None:
    clip = make_clip(tmp_path / "a.mp4", seconds=1)
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(clip.read_bytes()[:2000])
    assert why_file_failed(cut).startswith(("damaged or unsupported MP4 file", "unsupported codec (avc1)"))


def test_file_urls_and_paths_are_local() -> None:
    assert local_path("/srv/a.mp4") == Path("/srv/a.mp4")
    assert local_path("file:///srv/a.mp4") == Path("/srv/a.mp4")
    assert local_path("rtsp://cam/1") is None


def test_a_port_with_nothing_behind_it_refuses() -> None:
    assert why_stream_failed(f"rtsp://127.0.0.1:{free_port()}/cam") == "camera refused the connection"
    assert why_stream_failed(f"http://127.0.0.1:{free_port()}/x.mjpg") == "camera refused the connection"


def test_a_camera_that_never_answers_times_out() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        with socket.create_connection(listener.getsockname()):  # fills the one-place backlog
            port = listener.getsockname()[1]
            reason = why_stream_failed(f"http://127.0.0.1:{port}/x", timeout_s=0.5)
    assert reason in ("camera does not answer (timed out)", "unsupported stream format or codec")


@pytest.fixture
def http_camera() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/private.mjpg":
                self.send_error(401)
            elif self.path == "/text":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<html>hello</html>")
            else:
                self.send_error(404)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_http_cameras_say_what_they_refused(http_camera: str) -> None:
    assert why_stream_failed(f"{http_camera}/nope.mjpg") == "no such stream on the camera (HTTP 404)"
    assert why_stream_failed(f"{http_camera}/private.mjpg") == "camera refused the credentials (HTTP 401)"
    assert why_stream_failed(f"{http_camera}/text") == "unsupported stream format or codec"


@pytest.mark.skipif(rtsp_missing(), reason="GStreamer's RTSP server (gir1.2-gst-rtsp-server-1.0) is missing")
def test_an_rtsp_server_without_that_stream_says_404() -> None:
    server = rtsp_camera()
    try:
        base = server.url.rsplit("/", 1)[0]
        assert why_stream_failed(f"{base}/other") == "no such stream on the camera (RTSP 404)"
    finally:
        server.stop()


def test_after_open_no_picture_means_the_codec_and_later_the_end() -> None:
    assert why_read_failed(0, is_file=False) == "cannot decode the picture (unsupported codec or damaged data)"
    assert why_read_failed(10, is_file=False) == "stream ended"
    assert why_read_failed(10, is_file=True) == "end of the file"
