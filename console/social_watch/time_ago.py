"""How long ago, in the few words a list has room for (pure)."""

from __future__ import annotations

from datetime import datetime


def time_ago(moment: datetime, now: datetime) -> str:
    seconds = (now - moment).total_seconds()
    if seconds < 0:
        return "just now" if seconds > -120 else f"in {int(-seconds // 60)} min"
    if seconds < 60:
        return f"{int(seconds)} s ago"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        hours, minutes = divmod(int(seconds // 60), 60)
        return f"{hours} h {minutes:02d} ago"
    return f"{int(seconds // 86400)} d ago"
