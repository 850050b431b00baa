"""How long ago, in the few words a list has room for (pure)."""

from __future__ import annotations

from datetime import datetime

from console.i18n import tr


def time_ago(moment: datetime, now: datetime) -> str:
    seconds = (now - moment).total_seconds()
    if seconds < 0:
        return tr("just now") if seconds > -120 else tr("in {seconds} min", seconds=int(-seconds // 60))
    if seconds < 60:
        return tr("{seconds} s ago", seconds=int(seconds))
    if seconds < 3600:
        return tr("{seconds} min ago", seconds=int(seconds // 60))
    if seconds < 86400:
        hours, minutes = divmod(int(seconds // 60), 60)
        return tr("{hours} h {minutes:02d} ago", hours=hours, minutes=minutes)
    return tr("{seconds} d ago", seconds=int(seconds // 86400))
