"""How often a link may be used: a token bucket per link (pure: the clock is given)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RateLimit:
    """`burst` requests at once, then `per_minute` on average; one bucket per key (a link, an account)."""

    per_minute: float = 120.0
    burst: float = 40.0
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    def take(self, key: str, now: float) -> float:
        """0 when the request may go; else the seconds to wait before the next one may."""
        tokens, then = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - then) * self.per_minute / 60.0)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) * 60.0 / self.per_minute
        self._buckets[key] = (tokens - 1.0, now)
        if len(self._buckets) > 10_000:  # forget the idle ones (a full bucket is the same as none)
            self._buckets = {k: v for k, v in self._buckets.items() if v[1] > now - 600}
        return 0.0
