"""One web profile for the whole console, owned by the application so it outlives every map page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWebEngineCore import QWebEngineProfile

from console.map.request_guard import RequestGuard
from console.map.scheme import SCHEME, ConsoleSchemeHandler

_profile: MapProfile | None = None


class MapProfile(QWebEngineProfile):
    """Off the record (nothing written to disk), with the `console:` scheme and the request guard installed."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.guard = RequestGuard(None, self)
        self.handler = ConsoleSchemeHandler(self)
        self.setUrlRequestInterceptor(self.guard)
        self.installUrlSchemeHandler(SCHEME, self.handler)


def map_profile() -> MapProfile:
    """The process's profile, created on first use (after the QApplication)."""
    global _profile
    if _profile is None:
        _profile = MapProfile()
    return _profile
