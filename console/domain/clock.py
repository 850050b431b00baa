"""What time it is for the console: the wall clock when live, the replayed time in a replay (pure)."""

from __future__ import annotations

from datetime import UTC, datetime


class ConsoleClock:
    """Views ask it (through the store) instead of the system: ages, stale positions and "3 min ago" are then
    right in a replay too."""

    def __init__(self) -> None:
        self._replayed: datetime | None = None

    def now(self) -> datetime:
        return self._replayed or datetime.now(UTC)

    def replay_at(self, moment: datetime | None) -> None:
        """Stand still at `moment` (the replayed time); None goes back to the wall clock."""
        self._replayed = moment
