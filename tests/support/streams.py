"""Real video streams made by the tests: clips written by ffmpeg, served by ffmpeg or GStreamer on loopback.

Nothing is downloaded: every clip is generated (ffmpeg's test sources), every server is a local process.
"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).parent
SYSTEM_PYTHON = "/usr/bin/python3"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True, timeout=120)


def make_clip(path: Path, seconds: float = 4.0, size: str = "640x360", fps: int = 25, codec: str = "libx264") -> Path:
    """A colourful moving test pattern (testsrc2), H.264 in MP4 unless told otherwise."""
    extra = ["-pix_fmt", "yuv420p", "-g", str(fps)] if codec == "libx264" else []
    ffmpeg(
        "-f", "lavfi", "-i", f"testsrc2=size={size}:rate={fps}", "-t", str(seconds), "-c:v", codec, *extra, str(path)
    )
    return path


def make_unknown_codec_clip(path: Path) -> Path:
    """A valid AVI whose video codec is a FourCC no decoder knows ("QQQQ")."""
    raw = path.with_suffix(".raw.avi")
    ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=320x180:rate=25",
        "-t",
        "1",
        "-c:v",
        "rawvideo",
        "-pix_fmt",
        "yuv420p",
        str(raw),
    )
    data = bytearray(raw.read_bytes())
    strf = data.find(b"strf")
    data[strf + 24 : strf + 28] = b"QQQQ"  # BITMAPINFOHEADER.biCompression
    vids = data.find(b"vids")
    data[vids + 4 : vids + 8] = b"QQQQ"  # AVISTREAMHEADER.fccHandler
    path.write_bytes(bytes(data))
    raw.unlink()
    return path


class Server:
    """A streaming process on a loopback port; stopped (killed if need be) at the end."""

    def __init__(self, url: str, process: subprocess.Popen[bytes]) -> None:
        self.url = url
        self.process = process

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


def _serve(args: list[str], url: str, port: int) -> Server:
    process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Server(url, process)
    try:
        wait_for_port_or_exit(process, port)
    except BaseException:
        server.stop()
        raise
    return server


def wait_for_port_or_exit(process: subprocess.Popen[bytes], port: int, timeout_s: float = 15.0) -> None:
    """ffmpeg -listen servers accept one client: probing with a connection would use it, so look at /proc."""
    deadline = time.monotonic() + timeout_s
    suffix = f":{port:04X}"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the stream server exited with {process.returncode}")
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            try:
                rows = [line.split() for line in Path(table).read_text().splitlines()[1:]]
            except OSError:
                continue
            if any(row[1].endswith(suffix) and row[3] == "0A" for row in rows):  # 0A: LISTEN
                return
        time.sleep(0.05)
    raise TimeoutError(f"the stream server does not listen on port {port}")


def mjpeg_over_http(clip: Path, seconds: float | None = None, port: int | None = None) -> Server:
    """`ffmpeg -listen 1` serving the clip as MJPEG over HTTP in real time (looping unless `seconds`)."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}/cam.mjpg"
    loop = [] if seconds else ["-stream_loop", "-1"]
    limit = ["-t", str(seconds)] if seconds else []
    args = ["ffmpeg", "-v", "error", "-re", *loop, "-i", str(clip), *limit, "-c:v", "mjpeg", "-q:v", "5",
            "-f", "mpjpeg", "-listen", "1", url]  # fmt: skip
    return _serve(args, url, port)


def mpegts_over_tcp(clip: Path, seconds: float | None = None, port: int | None = None, nice: int = 0) -> Server:
    """`ffmpeg` serving the clip as MPEG-TS over a TCP socket (`?listen`), H.264 copied, in real time; `nice`
    stands for cameras that run elsewhere (a benchmark's servers should not take CPU from what it measures)."""
    port = port or free_port()
    loop = [] if seconds else ["-stream_loop", "-1"]
    limit = ["-t", str(seconds)] if seconds else []
    args = ["ffmpeg", "-v", "error", "-re", *loop, "-i", str(clip), *limit, "-c", "copy", "-f", "mpegts",
            f"tcp://127.0.0.1:{port}?listen=1"]  # fmt: skip
    return _serve(["nice", "-n", str(nice), *args] if nice else args, f"tcp://127.0.0.1:{port}", port)


def rtsp_missing() -> bool:
    """True where GStreamer's RTSP server cannot run, outside CI only: CI installs it, so there it must run."""
    return not os.environ.get("CI") and not rtsp_available()


def rtsp_available() -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    code = "import gi; gi.require_version('GstRtspServer', '1.0'); from gi.repository import GstRtspServer"
    return subprocess.run([SYSTEM_PYTHON, "-c", code], capture_output=True).returncode == 0


def rtsp_camera(port: int | None = None) -> Server:
    """GStreamer's RTSP server with one H.264 camera at /cam."""
    port = port or free_port()
    process = subprocess.Popen(
        [SYSTEM_PYTHON, str(HERE / "rtsp_server.py"), str(port), "/cam"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    server = Server(f"rtsp://127.0.0.1:{port}/cam", process)
    assert process.stdout is not None
    if process.stdout.readline().strip() != b"ready":
        server.stop()
        raise RuntimeError("the RTSP server did not start")
    return server


@contextmanager
def http_folder(folder: Path) -> Iterator[str]:
    """A plain HTTP server for a folder (HLS playlists and segments); yields its base URL."""
    handler = partial(_QuietHandler, directory=str(folder))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def make_hls(clip: Path, folder: Path) -> Path:
    """The clip cut into an HLS playlist of one-second segments (a VOD playlist)."""
    folder.mkdir(parents=True, exist_ok=True)
    playlist = folder / "index.m3u8"
    ffmpeg("-i", str(clip), "-c", "copy", "-f", "hls", "-hls_time", "1", "-hls_playlist_type", "vod", str(playlist))
    return playlist
