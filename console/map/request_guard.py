"""No request leaves the machine from the map, except to the tile server the centre configured."""

from __future__ import annotations

import logging
from collections import deque
from urllib.parse import urlsplit

from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor

log = logging.getLogger("console.map")
LOCAL_SCHEMES = frozenset({"console", "qrc", "data", "blob"})


def allowed_url(url: str, tile_host: str | None) -> bool:
    """Pure rule: our own scheme, Qt's resources, inline data, or the configured tile host."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in ("http", "https") and tile_host is not None and parts.netloc == tile_host


class RequestGuard(QWebEngineUrlRequestInterceptor):
    """Blocks and logs anything else; remembers every URL it saw (tests read it)."""

    def __init__(self, tile_url: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # the last URLs seen and blocked, for diagnostics and tests (bounded: a shift loads many tiles)
        self.seen: deque[str] = deque(maxlen=2000)
        self.blocked: deque[str] = deque(maxlen=200)
        self.allow_tiles_from(tile_url)

    def allow_tiles_from(self, tile_url: str | None) -> None:
        """The tile server the centre configured (None: offline tiles only)."""
        self._tile_host = urlsplit(tile_url).netloc if tile_url else None

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl().toString()
        self.seen.append(url)
        if not allowed_url(url, self._tile_host):
            info.block(True)
            self.blocked.append(url)
            log.warning("map: blocked a request to %s", url)
