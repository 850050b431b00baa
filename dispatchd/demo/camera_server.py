"""The demo cameras as devices: MJPEG over HTTP, rendered live and only while someone watches.

It runs on its own loopback port, as real cameras and a VMS are systems apart from the dispatch API.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import cv2

from dispatchd.demo import archive
from dispatchd.demo.scene import StreetScene

log = logging.getLogger("dispatchd.cameras")

STREAM_SIZES = {"main": (1280, 720), "sub": (640, 360)}
BOUNDARY = "frame"


class CameraServer:
    """Serves `/cam/<id>/main.mjpg`, `/cam/<id>/sub.mjpg`, `/cam/<id>/snapshot.jpg` and the recordings,
    `/cam/<id>/archive.mp4?start=&end=` (see `archive`)."""

    def __init__(
        self,
        host: str,
        scenes: dict[str, StreetScene],
        fps: float = 25.0,
        retention: timedelta = timedelta(hours=2),
    ) -> None:
        self._scenes = scenes
        self._fps = fps
        self._retention = retention
        self._stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.handle(self)

            def log_message(self, format: str, *args: object) -> None:
                log.debug(format, *args)

        self._httpd = ThreadingHTTPServer((host, 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="camera-server", daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, camera_id: str, stream: str) -> str:
        return f"{self.base_url}/cam/{camera_id}/{stream}.mjpg"

    def archive_url(self, camera_id: str) -> str:
        return f"{self.base_url}/cam/{camera_id}/archive.mp4"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        parts = request.path.split("?")[0].strip("/").split("/")
        if len(parts) != 3 or parts[0] != "cam" or parts[1] not in self._scenes:
            request.send_error(404, "No such camera")
            return
        scene, name = self._scenes[parts[1]], parts[2]
        if name == "snapshot.jpg":
            _ok, jpeg = cv2.imencode(".jpg", scene.render(time.time(), *STREAM_SIZES["main"]))
            request.send_response(200)
            request.send_header("Content-Type", "image/jpeg")
            request.send_header("Content-Length", str(len(jpeg)))
            request.end_headers()
            request.wfile.write(jpeg.tobytes())
            return
        if name == "archive.mp4":
            self._serve_archive(request, scene)
            return
        stream = name.removesuffix(".mjpg")
        if stream not in STREAM_SIZES or not name.endswith(".mjpg"):
            request.send_error(404, "No such stream")
            return
        self._serve_mjpeg(request, scene, *STREAM_SIZES[stream])

    def _serve_archive(self, request: BaseHTTPRequestHandler, scene: StreetScene) -> None:
        query = parse_qs(urlsplit(request.path).query)
        try:
            window = archive.parse_window(
                query.get("start", [None])[0], query.get("end", [None])[0], datetime.now(UTC), self._retention
            )
        except archive.NoRecording as exc:
            request.send_error(404, f"No recording: {exc}")
            return
        request.send_response(200)
        request.send_header("Content-Type", "video/mp4")
        request.send_header("Cache-Control", "no-store")
        request.end_headers()
        try:
            for chunk in archive.encode(scene, window):
                request.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            log.debug("viewer left %s", request.path)

    def _serve_mjpeg(self, request: BaseHTTPRequestHandler, scene: StreetScene, width: int, height: int) -> None:
        request.send_response(200)
        request.send_header("Content-Type", f"multipart/x-mixed-replace; boundary={BOUNDARY}")
        request.send_header("Cache-Control", "no-cache")
        request.end_headers()
        period = 1.0 / self._fps
        next_at = time.monotonic()
        try:
            while not self._stop.is_set():
                _ok, jpeg = cv2.imencode(
                    ".jpg", scene.render(time.time(), width, height), [cv2.IMWRITE_JPEG_QUALITY, 80]
                )
                data = jpeg.tobytes()
                request.wfile.write(
                    f"--{BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Length: {len(data)}\r\n\r\n".encode()
                    + data
                    + b"\r\n"
                )
                request.wfile.flush()
                # Real time: a slow viewer skips frames rather than falling behind.
                next_at = max(next_at + period, time.monotonic())
                self._stop.wait(max(0.0, next_at - time.monotonic()))
        except (BrokenPipeError, ConnectionResetError):
            log.debug("viewer left %s", request.path)
