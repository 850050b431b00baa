"""Waiting for a capture thread (no Qt, no loop): poll a condition until it holds or the test fails."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


def eventually(condition: Callable[[], object], timeout: float = 15.0, what: str = "condition") -> None:
    """Poll `condition` every 20 ms; fail after `timeout` seconds, saying what was awaited."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        pause.wait(0.02)
