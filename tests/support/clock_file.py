"""A child process's wall clock that the test moves forward (libfaketime reading its offset from a file at every
call), for what expires by the clock: nothing waits for real minutes. The suite's own shift (its second run a
year ahead, `FAKETIME`) is kept in the offset."""

from __future__ import annotations

import os
import re
from pathlib import Path

import libfaketime

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "y": 365 * 86400, "": 1}


def _seconds(spec: str) -> int:
    found = re.fullmatch(r"([+-]?\d+)([smhdy]?)", spec.strip())
    return int(found.group(1)) * _UNITS[found.group(2)] if found else 0


class MovableClock:
    def __init__(self, folder: Path) -> None:
        self._file = folder / "faketime"
        self._base = _seconds(os.environ.get("FAKETIME", "+0"))
        self.ahead_s = 0
        self._write()

    def _write(self) -> None:
        self._file.write_text(f"{self._base + self.ahead_s:+d}\n")

    def move(self, seconds: int) -> None:
        self.ahead_s += seconds
        self._write()

    def env(self) -> dict[str, str]:
        """The environment of a child whose clock this moves (monotonic time stays real)."""
        lib = os.path.join(libfaketime._get_lib_path(), "libfaketime.so.1")
        env = {k: v for k, v in os.environ.items() if k != "FAKETIME"}
        env.update(LD_PRELOAD=lib, FAKETIME_TIMESTAMP_FILE=str(self._file), FAKETIME_NO_CACHE="1",
                   FAKETIME_DONT_FAKE_MONOTONIC="1", FAKETIME_FORCE_MONOTONIC_FIX="0")  # fmt: skip
        return env
