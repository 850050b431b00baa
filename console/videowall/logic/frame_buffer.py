"""Frames between the decoding process and the GUI: shared memory, two slots and a header under a seqlock.

The decoding process writes a frame into the slot the GUI is not reading, then publishes it in the header;
the GUI reads the header (retrying while a write is under way: the version is odd) and paints the slot in
place, without a copy. The GUI writes back which frame it painted (`shown_seq`), so that the capture thread
knows when the display falls behind. Monotonic times are comparable across processes (CLOCK_MONOTONIC).
No Qt here.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass
from datetime import UTC, datetime
from multiprocessing import resource_tracker, shared_memory
from typing import Any

import numpy as np

HEADER = np.dtype(
    [
        ("version", "<u8"),
        ("seq", "<u8"),
        ("slot", "<u4"),
        ("width", "<u4"),
        ("height", "<u4"),
        ("capacity", "<u4"),
        ("grabbed_at", "<f8"),
        ("ready_at", "<f8"),
        ("wall_time", "<f8"),
        ("position", "<f8"),
        ("fps", "<f8"),
        ("pad", "<u8", (6,)),
        ("shown_seq", "<u8"),  # written by the GUI, on its own cache line
    ]
)
HEADER_BYTES = 256
SLOTS = 2


@dataclass(frozen=True)
class SharedFrame:
    """A frame as the GUI reads it: `pixels` is a view into shared memory (valid until two frames later)."""

    seq: int
    pixels: np.ndarray[Any, Any]
    grabbed_at: float
    ready_at: float
    time: datetime | None
    position_s: float | None


class FrameBuffer:
    """One feed's shared memory. The GUI creates it (`capacity` bytes per slot); the decoder attaches by name."""

    def __init__(self, capacity: int | None = None, name: str | None = None, untrack: bool = True) -> None:
        """`untrack`: an attachment in another process than the creator's leaves the segment's removal to it."""
        if name is None:
            assert capacity is not None
            self._memory = shared_memory.SharedMemory(create=True, size=HEADER_BYTES + SLOTS * capacity)
            self.owner = True
        else:
            self._memory = shared_memory.SharedMemory(name=name)
            self.owner = False
            if untrack:
                # Python 3.11 tracks attached segments too and would remove the GUI's at this process's exit.
                resource_tracker.unregister(self._memory._name, "shared_memory")  # type: ignore[attr-defined]
        self.header = np.ndarray((), HEADER, buffer=self._memory.buf)
        if self.owner:
            self.header["capacity"] = capacity
        self.capacity = int(self.header["capacity"])
        self.closed = False

    @property
    def name(self) -> str:
        return self._memory.name

    def fits(self, width: int, height: int) -> bool:
        return width * height * 4 <= self.capacity

    # --- the decoder's side ------------------------------------------------------------------
    def next_slot(self, width: int, height: int) -> np.ndarray[Any, Any] | None:
        """Where the next frame goes (the slot the GUI is not reading), to be written in place and then
        announced with `publish`; None when it does not fit."""
        if not self.fits(width, height):
            return None
        return self._slot((int(self.header["slot"]) + 1) % SLOTS, width, height)

    def publish(
        self,
        pixels: np.ndarray[Any, Any],
        seq: int,
        grabbed_at: float,
        ready_at: float,
        when: datetime | None,
        position: float | None,
    ) -> bool:
        """Announce a frame: written in place into `next_slot()`, else copied (False when it does not fit)."""
        height, width = pixels.shape[:2]
        slot = (int(self.header["slot"]) + 1) % SLOTS
        target = self._slot(slot, width, height) if self.fits(width, height) else None
        if target is None:
            return False
        if target.ctypes.data != pixels.ctypes.data:
            np.copyto(target, pixels)
        header = self.header
        header["version"] += 1  # odd: being written
        header["seq"] = seq
        header["slot"] = slot
        header["width"] = width
        header["height"] = height
        header["grabbed_at"] = grabbed_at
        header["ready_at"] = ready_at
        header["wall_time"] = when.timestamp() if when is not None else math.nan
        header["position"] = position if position is not None else math.nan
        header["version"] += 1  # even: consistent
        return True

    def set_fps(self, fps: float) -> None:
        self.header["fps"] = fps

    def shown_seq(self) -> int:
        return int(self.header["shown_seq"])

    # --- the GUI's side ----------------------------------------------------------------------
    def read(self) -> SharedFrame | None:
        """The newest frame, or None before the first one (or once closed)."""
        if self.closed:
            return None
        for _ in range(100):
            before = int(self.header["version"])
            if before % 2:
                continue
            seq = int(self.header["seq"])
            if seq == 0:
                return None
            slot, width, height = int(self.header["slot"]), int(self.header["width"]), int(self.header["height"])
            grabbed_at, ready_at = float(self.header["grabbed_at"]), float(self.header["ready_at"])
            wall_time, position = float(self.header["wall_time"]), float(self.header["position"])
            if int(self.header["version"]) == before:
                return SharedFrame(
                    seq,
                    self._slot(slot, width, height),
                    grabbed_at,
                    ready_at,
                    None if math.isnan(wall_time) else datetime.fromtimestamp(wall_time, UTC),
                    None if math.isnan(position) else position,
                )
        return None

    def latest_seq(self) -> int:
        return 0 if self.closed else int(self.header["seq"])

    def fps(self) -> float:
        return 0.0 if self.closed else float(self.header["fps"])

    def mark_shown(self, seq: int) -> None:
        if not self.closed:
            self.header["shown_seq"] = seq

    def _slot(self, slot: int, width: int, height: int) -> np.ndarray[Any, Any]:
        offset = HEADER_BYTES + slot * self.capacity
        return np.ndarray((height, width, 4), np.uint8, buffer=self._memory.buf, offset=offset)

    def close(self) -> None:
        """Detach (and, for the GUI that created it, remove the shared memory)."""
        self.closed = True
        del self.header
        if self.owner:
            self._memory.unlink()  # the name goes now; the memory when the last mapping does
        with contextlib.suppress(BufferError):  # a frame view still alive (a tile's last picture) keeps it
            self._memory.close()
