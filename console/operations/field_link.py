"""What the status bar says of the backend's TAK link (pure: the words and whether it needs attention)."""

from __future__ import annotations

from typing import Any

from console.i18n import tr


def tak_link_text(link: dict[str, Any] | None) -> tuple[str, bool] | None:
    """The TAK link's state in a few words, and whether it is in trouble; None when the backend has none."""
    if not link or link.get("state") in (None, "off"):
        return None
    tracks = int(link.get("tracks_per_min") or 0)
    unmapped = int(link.get("unmapped") or 0)
    figures = tr("{tracks} tracks/min", tracks=tracks)
    if unmapped:
        figures += " · " + tr("{unmapped} unmapped", unmapped=unmapped)
    state = link["state"]
    if state == "connected":
        return "● " + tr("TAK connected") + f" · {figures}", False
    if state == "listening":
        return "● " + tr("TAK listening") + f" · {figures}", False
    if state == "retrying":
        wait = float(link.get("retry_in_s") or 0)
        return "◌ " + tr("TAK server unreachable, retrying in {wait:.0f} s", wait=wait), True
    return "◐ " + tr("TAK connecting…"), False
