"""Where a window goes on the screens there are (pure): never off-screen, on its own screen when it is there.

A screen is known by its name and its available geometry; a window saved on a screen that is missing lands
on the first screen (the primary) at the same offset, shrunk to fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from console.i18n import tr


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    w: int
    h: int

    def intersection_area(self, other: Rect) -> int:
        w = min(self.x + self.w, other.x + other.w) - max(self.x, other.x)
        h = min(self.y + self.h, other.y + other.h) - max(self.y, other.y)
        return max(0, w) * max(0, h)

    def to_list(self) -> list[int]:
        return [self.x, self.y, self.w, self.h]

    @classmethod
    def of(cls, raw: Sequence[Any]) -> Rect:
        x, y, w, h = (int(v) for v in raw)
        if w <= 0 or h <= 0:
            raise ValueError(tr("a window needs a size, not {w}×{h}", w=w, h=h))
        return cls(x, y, w, h)


@dataclass(frozen=True)
class ScreenInfo:
    """A monitor: its name (from the system) and its available geometry."""

    name: str
    geometry: Rect

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "geometry": self.geometry.to_list()}

    @classmethod
    def of(cls, raw: dict[str, Any]) -> ScreenInfo:
        return cls(str(raw["name"]), Rect.of(raw["geometry"]))


def screen_of(rect: Rect, screens: Sequence[ScreenInfo]) -> ScreenInfo | None:
    """The screen that shows most of a window (None when it is on none)."""
    best = max(screens, key=lambda s: rect.intersection_area(s.geometry), default=None)
    return best if best is not None and rect.intersection_area(best.geometry) > 0 else None


def matching_screen(saved: ScreenInfo, screens: Sequence[ScreenInfo]) -> ScreenInfo | None:
    """The same monitor if it is there: same name (its geometry may have moved)."""
    return next((s for s in screens if s.name == saved.name), None)


def place(rect: Rect, saved: ScreenInfo | None, screens: Sequence[ScreenInfo]) -> Rect:
    """Where to put a window saved at `rect` on `saved`: on that screen if present, else on the first one;
    always wholly inside the target screen."""
    if not screens:
        return rect
    target = (matching_screen(saved, screens) if saved else None) or screen_of(rect, screens) or screens[0]
    origin = saved.geometry if saved is not None else target.geometry
    if saved is None and screen_of(rect, screens) is target:
        origin = target.geometry  # already on it: keep where it is, only bring it inside
    area = target.geometry
    w, h = min(rect.w, area.w), min(rect.h, area.h)
    x = area.x + (rect.x - origin.x)
    y = area.y + (rect.y - origin.y)
    x = min(max(x, area.x), area.x + area.w - w)
    y = min(max(y, area.y), area.y + area.h - h)
    return Rect(x, y, w, h)
