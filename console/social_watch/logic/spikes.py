"""Spike detection: a rule's posts per minute far above its own recent baseline.

The method: the baseline is the last hour of per-minute counts before the minute under test (the 5 most
recent minutes excluded, so that a burst building up does not raise its own bar). Counts of posts are
roughly Poisson, so the spread used is the larger of the baseline's standard deviation and the square root
of its mean (and at least 1). A minute is a spike when its count is at least `min_posts` and at least
`threshold` spreads above the baseline's mean. Steady chatter, even a busy one, stays under its own bar;
a quiet rule needs `min_posts` to call a handful of posts a spike.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

BASELINE_MINUTES = 60
GUARD_MINUTES = 5
THRESHOLD = 4.0
MIN_POSTS = 5


@dataclass(frozen=True)
class Spike:
    """What an alert says: this many posts this minute, against a usual mean."""

    count: int
    baseline: float
    score: float


def spike_at(counts: Sequence[int], threshold: float = THRESHOLD, min_posts: int = MIN_POSTS) -> Spike | None:
    """Whether the last minute of `counts` (oldest first, one per minute) is a spike."""
    if len(counts) < 2:
        return None
    current = counts[-1]
    history = counts[:-1][:-GUARD_MINUTES] if len(counts) > GUARD_MINUTES + 1 else counts[:-1]
    history = history[-BASELINE_MINUTES:]
    mean = statistics.fmean(history)
    spread = max(statistics.pstdev(history) if len(history) > 1 else 0.0, math.sqrt(mean), 1.0)
    score = (current - mean) / spread
    if current >= min_posts and score >= threshold:
        return Spike(current, mean, score)
    return None
