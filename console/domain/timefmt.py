"""Times as operators read them and as the wire carries them."""

from __future__ import annotations

from datetime import UTC, datetime

from console.i18n import tr


def format_utc(moment: datetime) -> str:
    """RFC 3339 UTC with milliseconds."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def format_age(seconds: float) -> str:
    """A compact age for a live column: `45 s`, `12 min`, `3 h 05`, `2 d`."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return tr("{seconds} min", seconds=seconds // 60)
    if seconds < 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d}"
    return f"{seconds // 86400} d"
