"""What a tile needs from a feed, whether its capture thread runs in this process or in the decoding process."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

import numpy as np

from console.videowall.logic.feed_source import FeedSource
from console.videowall.logic.feed_status import FeedStatus
from console.videowall.logic.feed_worker import Frame

Snapshot = tuple[np.ndarray[Any, Any], datetime | None]


class Feed(Protocol):
    """A decoded source: the newest frame, its state, and the operator's controls. Never blocks."""

    source: FeedSource
    status: FeedStatus
    duration_s: float | None
    paused: bool
    speed: float
    paced: bool

    @property
    def latest(self) -> Frame | None: ...

    @property
    def active(self) -> bool: ...

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def set_target_size(self, width: int, height: int) -> None: ...

    def set_active(self, active: bool) -> None: ...

    def play(self) -> None: ...

    def pause(self) -> None: ...

    def seek(self, position_s: float) -> None: ...

    def step(self) -> None: ...

    def set_speed(self, speed: float) -> None: ...

    def fps(self, now: float | None = None) -> float: ...

    def shown(self, seq: int) -> None: ...

    def request_snapshot(self, done: Callable[[Snapshot | None], None]) -> None: ...
