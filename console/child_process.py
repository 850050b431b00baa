"""Children of the console (the demo backend, the video decoding process) never outlive it."""

from __future__ import annotations

import contextlib
import ctypes
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Runs in the child before exec (`preexec_fn`): the kernel sends it SIGTERM if the console dies, even by
    SIGKILL. The setting survives exec."""
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


PREEXEC = die_with_parent if sys.platform.startswith("linux") else None
"""What to pass as `preexec_fn` (Linux only)."""
