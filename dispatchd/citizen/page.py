"""The citizens' page and the field page: static files shipped in `page/`, served with a strict policy."""

from __future__ import annotations

from pathlib import Path

from dispatchd.problems import Problem

PAGE_DIR = Path(__file__).parent / "page"
ASSETS = {"citizen.js": "text/javascript; charset=utf-8", "citizen.css": "text/css; charset=utf-8"}
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; "
    "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
)
"""Nothing from elsewhere, no inline script or style, no frame around it, no form posted elsewhere."""
PAGE_HEADERS = {
    "Content-Security-Policy": CSP,
    "Cache-Control": "no-store",
    "Permissions-Policy": "geolocation=(self), camera=(self), microphone=(self)",
}


def page_path(name: str) -> Path:
    return PAGE_DIR / f"{name}.html"


def asset_path(name: str) -> tuple[Path, str]:
    if name not in ASSETS:
        raise Problem(404, "Not found", f"There is no {name!r} here.")
    return PAGE_DIR / name, ASSETS[name]
