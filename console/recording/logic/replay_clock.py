"""The replayed time: where the replay is, how fast it goes, whether it plays (pure)."""

from __future__ import annotations

from dataclasses import dataclass

SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)


@dataclass
class ReplayClock:
    """Session time (epoch seconds of the recording) between `start` and `end`."""

    start: float
    end: float
    position: float
    speed: float = 1.0
    playing: bool = False

    def advance(self, real_seconds: float) -> float:
        """Move on by `real_seconds` of the trainer's time; stops at the end."""
        if self.playing:
            self.position = min(self.end, self.position + real_seconds * self.speed)
            if self.position >= self.end:
                self.playing = False
        return self.position

    def seek(self, position: float) -> float:
        self.position = min(self.end, max(self.start, position))
        return self.position

    @property
    def fraction(self) -> float:
        span = self.end - self.start
        return 0.0 if span <= 0 else (self.position - self.start) / span

    def at_fraction(self, fraction: float) -> float:
        return self.start + (self.end - self.start) * min(1.0, max(0.0, fraction))
