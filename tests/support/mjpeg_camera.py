"""An MJPEG camera over HTTP for many viewers, optionally behind a login (HTTP Basic, as IP cameras do).

ffmpeg's `-listen 1` serves one viewer and checks no login; a centre's cameras serve several consoles and
ask for one. This serves JPEG frames made by ffmpeg (its test pattern) in a loop at 25 fps to each viewer, and
answers 401 with a challenge to a viewer without the right login (FFmpeg, under OpenCV, then sends it).
"""

from __future__ import annotations

import base64
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

BOUNDARY = "frame"


def jpeg_frames(folder: Path, count: int = 25, size: str = "320x180") -> list[bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25", "-frames:v", str(count),
         "-q:v", "5", str(folder / "f%03d.jpg")],
        check=True,
    )  # fmt: skip
    return [p.read_bytes() for p in sorted(folder.glob("f*.jpg"))]


@dataclass
class MjpegCamera:
    url: str
    refused: list[str] = field(default_factory=list)
    """The Authorization headers refused (None shown as "")."""
    viewers: int = 0


@contextmanager
def mjpeg_camera(frames: list[bytes], login: tuple[str, str] | None = None) -> Iterator[MjpegCamera]:
    """A camera at `camera.url` (http://127.0.0.1:PORT/video.mjpg, without the login in it)."""
    expected = "Basic " + base64.b64encode(f"{login[0]}:{login[1]}".encode()).decode() if login else None
    camera = MjpegCamera("")
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            given = self.headers.get("Authorization")
            if expected is not None and given != expected:
                camera.refused.append(given or "")
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="camera"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            camera.viewers += 1
            self.send_response(200)
            self.send_header("Content-Type", f"multipart/x-mixed-replace;boundary={BOUNDARY}")
            self.end_headers()
            try:
                index = 0
                while not stop.is_set():
                    frame = frames[index % len(frames)]
                    self.wfile.write(
                        f"--{BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Length: {len(frame)}\r\n\r\n".encode()
                        + frame
                        + b"\r\n"
                    )
                    index += 1
                    stop.wait(0.04)  # 25 fps, as a camera sends them (and ends at once when stopped)
            except (BrokenPipeError, ConnectionResetError):
                return

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    camera.url = f"http://127.0.0.1:{server.server_address[1]}/video.mjpg"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield camera
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
