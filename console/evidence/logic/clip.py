"""Clip ranges as an operator marks them on a tile: to the frame, in UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.domain.clip_range import ClipRange
from console.i18n import tr

MAX_CLIP = timedelta(hours=2)


class ClipError(ValueError):
    """A clip that cannot be tagged, with the reason in words."""


def from_marks(mark_in: datetime | None, mark_out: datetime | None) -> ClipRange:
    """The clip between two marks, in either order (an operator may mark out first)."""
    if mark_in is None or mark_out is None:
        raise ClipError(tr("Mark the start (I) and the end (O) of the clip first."))
    start, end = sorted((mark_in.astimezone(UTC), mark_out.astimezone(UTC)))
    if start == end:
        raise ClipError(tr("The start and the end of the clip are the same frame."))
    if end - start > MAX_CLIP:
        raise ClipError(
            tr(
                "A clip is at most {total_seconds:.0f} hours; mark a shorter one.",
                total_seconds=MAX_CLIP.total_seconds() / 3600,
            )
        )
    return ClipRange(start, end)


def last(seconds: float, frame_time: datetime | None) -> ClipRange:
    """The `seconds` up to the frame on the tile ("tag the last 30 s")."""
    if frame_time is None:
        raise ClipError(tr("This tile shows no picture with a time: nothing to tag."))
    end = frame_time.astimezone(UTC)
    return from_marks(end - timedelta(seconds=seconds), end)
