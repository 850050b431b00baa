"""Failed logins slowed per source address (pure logic, its clock given): a guesser spread over many accounts
still meets it. Held in memory by each instance; the per-account lock is in the database."""

from __future__ import annotations

import math
from dataclasses import dataclass

FREE_FAILURES = 10
"""Failures from one address before it must wait (more than an account takes to lock: this one is for guessers
spread over many accounts)."""
WINDOW_S = 15 * 60.0
"""Failures older than this are forgotten."""
MAX_WAIT_S = 60.0
MAX_ADDRESSES = 10_000


@dataclass
class _Record:
    failures: int
    last: float


class AddressThrottle:
    """After FREE_FAILURES failures from an address, each attempt waits 1, 2, 4 … (at most 60) seconds after the
    last failure; a success or WINDOW_S without a failure forgets the address."""

    def __init__(self) -> None:
        self._records: dict[str, _Record] = {}

    def wait_s(self, address: str, now: float) -> int:
        """Seconds this address must still wait before its next attempt (0: go on)."""
        record = self._records.get(address)
        if record is None or now - record.last > WINDOW_S:
            return 0
        if record.failures < FREE_FAILURES:
            return 0
        delay = min(MAX_WAIT_S, 2.0 ** (record.failures - FREE_FAILURES))
        return max(0, math.ceil(record.last + delay - now))

    def failed(self, address: str, now: float) -> None:
        record = self._records.get(address)
        if record is None or now - record.last > WINDOW_S:
            record = self._records[address] = _Record(0, now)
        record.failures += 1
        record.last = now
        if len(self._records) > MAX_ADDRESSES:
            oldest = min(self._records, key=lambda a: self._records[a].last)
            del self._records[oldest]

    def succeeded(self, address: str) -> None:
        self._records.pop(address, None)
