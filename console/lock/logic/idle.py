"""When the console locks itself: minutes without keyboard or mouse (pure logic, its clock given)."""

from __future__ import annotations

DEFAULT_MINUTES = 15.0
MAX_MINUTES = 30.0  # a police information system locks after at most 30 minutes idle
MIN_MINUTES = 1.0


def lock_after_s(minutes: float) -> float:
    """The idle time before the lock, in seconds, kept between 1 and 30 minutes."""
    return 60.0 * min(MAX_MINUTES, max(MIN_MINUTES, minutes))


class IdleClock:
    """The last time the operator did something, and whether the console has been idle long enough to lock."""

    def __init__(self, timeout_s: float, now: float) -> None:
        self.timeout_s = timeout_s
        self._last = now

    def touch(self, now: float) -> None:
        self._last = now

    def due(self, now: float) -> bool:
        return now - self._last >= self.timeout_s

    def idle_s(self, now: float) -> float:
        return now - self._last
