"""Wall-clock time as RFC 3339 UTC strings, the only time format on the wire."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    """Now, as `2026-11-24T17:51:53.123Z`."""
    return format_utc(datetime.now(UTC))


def format_utc(moment: datetime) -> str:
    """An aware datetime as RFC 3339 UTC with milliseconds."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_utc(text: str) -> datetime:
    """An RFC 3339 string as an aware datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
