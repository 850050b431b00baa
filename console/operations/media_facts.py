"""What a photo's EXIF says, in the words of the incident's media list (pure: no Qt)."""

from __future__ import annotations

from datetime import datetime

from console.domain.model import MediaItem
from console.i18n import tr


def photo_facts_text(item: MediaItem) -> str:
    """` · taken 30/11 14:03 · at 45.76400, 4.83570` from a photo's EXIF (local time when it gives its offset;
    the camera's own clock otherwise, said so)."""
    facts = item.exif
    if facts is None:
        return ""
    text = ""
    if facts.taken_at:
        try:
            moment = datetime.fromisoformat(facts.taken_at)
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            text += tr(" · taken {time}", time=f"{moment.astimezone():%d/%m %H:%M}")
        elif moment is not None:
            text += tr(" · taken {time} (camera clock)", time=f"{moment:%d/%m %H:%M}")
    if facts.lat is not None and facts.lon is not None:
        text += tr(" · at {lat}, {lon}", lat=f"{facts.lat:.5f}", lon=f"{facts.lon:.5f}")
    return text
