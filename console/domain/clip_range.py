"""A clip's time span, from its first to its last frame, in UTC (a value the commands send; evidence makes it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.domain.timefmt import format_utc


@dataclass(frozen=True)
class ClipRange:
    """From the first to the last frame of the clip (both shown on the tile when marked)."""

    start: datetime
    end: datetime

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()

    def rfc3339(self) -> tuple[str, str]:
        return format_utc(self.start), format_utc(self.end)
