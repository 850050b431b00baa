"""`Content-Range: bytes 0-1048575/20971520`, read (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_RANGE = re.compile(r"^bytes (\d{1,15})-(\d{1,15})/(\d{1,15})$")


@dataclass(frozen=True, slots=True)
class ChunkRange:
    start: int
    end: int
    """Inclusive, as HTTP says it."""
    total: int

    @property
    def length(self) -> int:
        return self.end - self.start + 1


def parse_content_range(header: str | None) -> ChunkRange:
    """The range a chunk says it is; ValueError with the reason when it is not one."""
    if not header:
        raise ValueError("A chunk needs its Content-Range (bytes START-END/TOTAL).")
    found = _RANGE.match(header.strip())
    if found is None:
        raise ValueError(f"Content-Range {header!r} is not bytes START-END/TOTAL.")
    start, end, total = (int(g) for g in found.groups())
    if start > end or end >= total:
        raise ValueError(f"Content-Range {header!r} is not inside the file.")
    return ChunkRange(start, end, total)
