"""One web profile for the whole console, with an explicit end of life.

Chromium requires every page of a profile to be gone before the profile goes. The profile counts its pages;
`release_map_profile()` deletes it now if none is left, or as soon as the last one is destroyed. The console
calls it at shutdown, the test session at its end, both before the QApplication is destroyed.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

from console.map.request_guard import RequestGuard
from console.map.scheme import SCHEME, ConsoleSchemeHandler

_profile: MapProfile | None = None


class MapProfile(QWebEngineProfile):
    """Off the record (nothing written to disk), with the `console:` scheme and the request guard installed."""

    def __init__(self) -> None:
        super().__init__()
        self.guard = RequestGuard(None, self)
        self.handler = ConsoleSchemeHandler(self)
        self.setUrlRequestInterceptor(self.guard)
        self.installUrlSchemeHandler(SCHEME, self.handler)
        self.live_pages = 0
        self.released = False

    def adopt(self, page: QWebEnginePage) -> None:
        """Count a page of this profile until it is destroyed."""
        self.live_pages += 1
        page.destroyed.connect(self._page_gone)

    def _page_gone(self) -> None:
        self.live_pages -= 1
        if self.released and self.live_pages == 0:
            _delete(self)


def _delete(profile: MapProfile) -> None:
    global _profile
    if _profile is profile:
        _profile = None
    if shiboken6.isValid(profile):
        shiboken6.delete(profile)


def map_profile() -> MapProfile:
    """The process's profile, created on first use (after the QApplication)."""
    global _profile
    if _profile is None:
        _profile = MapProfile()
    return _profile


def release_map_profile() -> None:
    """End the profile's life: now if no page is left, else when the last page is destroyed."""
    profile = _profile
    if profile is None:
        return
    profile.released = True
    if profile.live_pages == 0:
        _delete(profile)
