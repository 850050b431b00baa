"""The `console:` URL scheme: the map page, its assets (Leaflet from xstatic packages) and offline tiles.

Everything the map needs comes from here; a request guard refuses the rest. Tile reads run on a worker
thread and are answered back on the GUI thread.
"""

from __future__ import annotations

import logging
import mimetypes
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import shiboken6
import xstatic.pkg.leaflet as xleaflet
import xstatic.pkg.leaflet_markercluster as xcluster
from PySide6.QtCore import QBuffer, QByteArray, QFile, QIODevice, QObject, Qt, Signal
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlScheme, QWebEngineUrlSchemeHandler

from console.map.logic.tiles import MBTiles
from console.resources import resource

log = logging.getLogger("console.map")
SCHEME = b"console"
ORIGIN = "console://map"
ASSET_DIRS = {
    "leaflet": Path(xleaflet.BASE_DIR),
    "markercluster": Path(xcluster.BASE_DIR),
    "console": resource("map"),
}


def register_scheme() -> None:
    """Declare `console:` to Chromium; must run before the QApplication exists (idempotent)."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
        | QWebEngineUrlScheme.Flag.CorsEnabled
    )
    QWebEngineUrlScheme.registerScheme(scheme)


def _qwebchannel_js() -> bytes:
    source = QFile(":/qtwebchannel/qwebchannel.js")
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("Qt's qwebchannel.js resource is missing")
    return bytes(source.readAll().data())


class ConsoleSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves `console://map/index.html`, `/assets/<package>/<file>` and `/tiles/z/x/y.png`."""

    _tile_ready = Signal(object, object)  # job, bytes or None: back on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page_html = ""
        self._tiles: MBTiles | None = None
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="map-tiles")
        self._qwebchannel = _qwebchannel_js()
        self._tile_ready.connect(self._answer_tile, Qt.ConnectionType.QueuedConnection)
        self._assets: dict[Path, tuple[bytes, bytes]] = {}

    def serve(self, page_html: str, tiles: MBTiles | None) -> None:
        """What the next map page shows (one map page per console)."""
        self.page_html = page_html
        self._tiles = tiles

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        path = url.path()
        if url.host() != "map":
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        if path in ("/", "/index.html"):
            self._reply(job, b"text/html; charset=utf-8", self.page_html.encode())
        elif path == "/assets/qwebchannel.js":
            self._reply(job, b"application/javascript", self._qwebchannel)
        elif path.startswith("/assets/"):
            self._serve_asset(job, path.removeprefix("/assets/"))
        elif path.startswith("/tiles/") and self._tiles is not None:
            self._serve_tile(job, path.removeprefix("/tiles/"))
        else:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)

    def _serve_asset(self, job: QWebEngineUrlRequestJob, rest: str) -> None:
        package, _, name = rest.partition("/")
        root = ASSET_DIRS.get(package)
        target = (root / name).resolve() if root else None
        if root is None or target is None or not target.is_file() or root.resolve() not in target.parents:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        if target not in self._assets:  # small package files: read once per process, then from memory
            mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            self._assets[target] = (mime.encode(), target.read_bytes())
        self._reply(job, *self._assets[target])

    def _serve_tile(self, job: QWebEngineUrlRequestJob, rest: str) -> None:
        try:
            z, x, y = (int(part) for part in rest.removesuffix(".png").split("/"))
        except ValueError:
            job.fail(QWebEngineUrlRequestJob.Error.UrlInvalid)
            return
        tiles = self._tiles
        assert tiles is not None
        future = self._pool.submit(tiles.tile, z, x, y)
        future.add_done_callback(lambda f: self._tile_ready.emit(job, f.result() if not f.exception() else None))

    def _answer_tile(self, job: QWebEngineUrlRequestJob, data: bytes | None) -> None:
        if not shiboken6.isValid(job):
            return  # the page gave up on it (zoomed away)
        if data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
        else:
            self._reply(job, b"image/png", data)

    @staticmethod
    def _reply(job: QWebEngineUrlRequestJob, mime: bytes, data: bytes) -> None:
        buffer = QBuffer(job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(QByteArray(mime), buffer)
