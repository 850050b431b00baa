"""A feed's state as the operator reads it on its tile: what it is doing, and why not when it is not."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from console.i18n import tr

STALL_AFTER_S = 3.0
"""A live feed with no new frame for this long is shown as stalled."""


class FeedState(enum.Enum):
    IDLE = "idle"
    CONNECTING = "connecting"
    LIVE = "live"
    PLAYBACK = "playback"
    ENDED = "ended"  # a file played to its end (playback only; not an error)
    ERROR = "error"


@dataclass(frozen=True)
class FeedStatus:
    """What the capture thread last reported; read by the GUI thread at paint time."""

    state: FeedState = FeedState.IDLE
    reason: str = ""
    retry_at: float | None = None  # monotonic time of the next attempt, when waiting after an error
    attempt: int = 0


@dataclass(frozen=True)
class TileReading:
    """Everything the overlay shows, computed without Qt."""

    badge: str  # LIVE, PLAYBACK, …
    clock: str  # the frame's time
    fps: str
    message: str  # empty when the picture speaks for itself
    alarming: bool


def reading(
    status: FeedStatus,
    now: float,
    last_frame_at: float | None,
    frame_time: datetime | None,
    position_s: float | None,
    fps: float,
    paused: bool = False,
) -> TileReading:
    """The overlay's words for a feed at monotonic time `now`."""
    clock = ""
    if frame_time is not None:
        clock = frame_time.astimezone().strftime("%H:%M:%S")
    elif position_s is not None:
        clock = format_position(position_s)
    fps_text = tr("{fps:.0f} fps", fps=fps) if fps > 0 else ""
    if status.state is FeedState.ERROR:
        message = status.reason
        if status.retry_at is not None:
            wait = max(0, round(status.retry_at - now))
            message = (
                tr("{message} — retrying in {wait} s", message=message, wait=wait)
                if wait > 0
                else tr("{message} — retrying now", message=message)
            )
        return TileReading("ERROR", clock, "", message, True)
    if status.state is FeedState.CONNECTING:
        return TileReading("", clock, "", tr("connecting…") if status.attempt == 0 else tr("reconnecting…"), False)
    if status.state is FeedState.LIVE:
        if last_frame_at is not None and now - last_frame_at > STALL_AFTER_S:
            return TileReading(
                "LIVE",
                clock,
                "",
                tr("stalled: no picture for {last_frame_at:.0f} s", last_frame_at=now - last_frame_at),
                True,
            )
        if last_frame_at is None:
            return TileReading("LIVE", clock, "", tr("waiting for the first picture…"), False)
        return TileReading("LIVE", clock, fps_text, "", False)
    if status.state is FeedState.PLAYBACK:
        return TileReading("PLAYBACK", clock, "" if paused else fps_text, tr("paused") if paused else "", False)
    if status.state is FeedState.ENDED:
        return TileReading("PLAYBACK", clock, "", tr("end of the recording"), False)
    return TileReading("", "", "", "", False)


def format_position(seconds: float) -> str:
    whole = int(max(0.0, seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    tenths = int((max(0.0, seconds) - whole) * 10)
    return f"{hours}:{minutes:02d}:{secs:02d}.{tenths}" if hours else f"{minutes:02d}:{secs:02d}.{tenths}"
