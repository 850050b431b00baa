"""Children of the console (the demo backend, the video decoding process) never outlive it.

The kernel sends a child SIGTERM when its parent dies, even by SIGKILL (PR_SET_PDEATHSIG). A child started
while the console has other threads (the decoding process, started from the running GUI) asks for it itself,
first thing (`die_with`): Python code between fork and exec (`preexec_fn`) can hang the child, and the GUI
thread waiting for its exec, on a lock another thread held at the fork (seen with libfaketime preloaded). The
demo backend starts before Qt and its threads, where `PREEXEC` is safe."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1


def _prctl() -> Callable[..., int] | None:
    """libc's prctl, found now, in the console: between fork and exec the child may only call it. Loading a
    library there (dlopen takes the loader's lock and allocates) hangs the child, and the console waiting for
    its exec, whenever another of the console's threads held that lock or malloc's at the fork."""
    try:
        function: Callable[..., int] = ctypes.CDLL("libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return function


_PRCTL = _prctl() if sys.platform.startswith("linux") else None


def die_with_parent() -> None:
    """Runs in the child before exec (`preexec_fn`): the kernel sends it SIGTERM if the console dies, even by
    SIGKILL. The setting survives exec."""
    if _PRCTL is not None:
        with contextlib.suppress(OSError):
            _PRCTL(_PR_SET_PDEATHSIG, signal.SIGTERM)


PREEXEC = die_with_parent if _PRCTL is not None else None
"""What to pass as `preexec_fn` (Linux only), while the console has no other thread."""


def die_with(parent_pid: int) -> None:
    """Called by a child first thing: SIGTERM when `parent_pid` ends, at once if it already has (between the
    fork and this call)."""
    die_with_parent()
    if os.getppid() != parent_pid:
        os.kill(os.getpid(), signal.SIGTERM)
