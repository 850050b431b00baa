"""What the wall shows: its layout, which source is on which tile, the enlarged tile and the tours.

Plain data that a session recording can store and replay; the grid widget renders it. Assignments beyond the
current layout's size are kept, so going from 4×4 to 2×2 and back brings the same cameras back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from console.i18n import tr
from console.videowall.logic.layouts import DEFAULT_LAYOUT, LAYOUTS, MAX_TILES, WallLayout


@dataclass(frozen=True)
class SourceRef:
    """What a tile shows: a camera live, a camera's recording (`archive`: from `start` to `end`, RFC 3339),
    a media video, or a URL."""

    kind: str  # "camera", "archive", "media" or "url"
    id: str
    label: str = ""
    start: str = ""
    end: str = ""
    loop: bool = False  # a tagged clip plays again and again (a media video: from `start` to `end`)

    def describe(self) -> str:
        return self.label or self.id


@dataclass(frozen=True)
class Tour:
    """A tile that cycles through cameras, each shown for `period_s` seconds."""

    camera_ids: tuple[str, ...]
    period_s: float

    def index_at(self, elapsed_s: float) -> int:
        if not self.camera_ids:
            raise ValueError(tr("a tour needs at least one camera"))
        return int(max(0.0, elapsed_s) // self.period_s) % len(self.camera_ids)

    def camera_at(self, elapsed_s: float) -> str:
        return self.camera_ids[self.index_at(elapsed_s)]


@dataclass(frozen=True)
class WallState:
    """An immutable picture of the wall; every change returns a new state."""

    layout_name: str = DEFAULT_LAYOUT
    assignments: tuple[SourceRef | None, ...] = field(default_factory=lambda: (None,) * MAX_TILES)
    enlarged: int | None = None
    tours: tuple[tuple[int, Tour], ...] = ()

    @property
    def layout(self) -> WallLayout:
        return LAYOUTS[self.layout_name]

    def visible(self) -> tuple[SourceRef | None, ...]:
        return self.assignments[: self.layout.size]

    def with_layout(self, name: str) -> WallState:
        if name not in LAYOUTS:
            raise ValueError(tr("unknown layout {name!r}", name=name))
        size = LAYOUTS[name].size
        enlarged = self.enlarged if self.enlarged is not None and self.enlarged < size else None
        return replace(self, layout_name=name, enlarged=enlarged)

    def assign(self, slot: int, source: SourceRef | None) -> WallState:
        self._check(slot)
        assignments = list(self.assignments)
        assignments[slot] = source
        return replace(self, assignments=tuple(assignments), tours=self._without_tour(slot))

    def first_free(self) -> int | None:
        """The first empty tile of the current layout, if any."""
        for slot, source in enumerate(self.visible()):
            if source is None:
                return slot
        return None

    def swap(self, a: int, b: int) -> WallState:
        self._check(a)
        self._check(b)
        assignments = list(self.assignments)
        assignments[a], assignments[b] = assignments[b], assignments[a]
        tours = tuple((b if s == a else a if s == b else s, t) for s, t in self.tours)
        enlarged = b if self.enlarged == a else a if self.enlarged == b else self.enlarged
        return replace(self, assignments=tuple(assignments), tours=tours, enlarged=enlarged)

    def toggle_enlarged(self, slot: int) -> WallState:
        self._check(slot)
        return replace(self, enlarged=None if self.enlarged == slot else slot)

    def with_tour(self, slot: int, tour: Tour) -> WallState:
        self._check(slot)
        if not tour.camera_ids:
            raise ValueError(tr("a tour needs at least one camera"))
        return replace(self, tours=(*self._without_tour(slot), (slot, tour)))

    def tour_of(self, slot: int) -> Tour | None:
        return dict(self.tours).get(slot)

    def _without_tour(self, slot: int) -> tuple[tuple[int, Tour], ...]:
        return tuple((s, t) for s, t in self.tours if s != slot)

    def _check(self, slot: int) -> None:
        if not 0 <= slot < MAX_TILES:
            raise IndexError(tr("no tile {slot}", slot=slot))


def wall_to_dict(state: WallState) -> dict[str, Any]:
    """JSON-ready (a session recording keeps the wall as the operator had it)."""
    return {
        "layout": state.layout_name,
        "assignments": [None if ref is None else asdict(ref) for ref in state.assignments],
        "enlarged": state.enlarged,
        "tours": [[slot, list(tour.camera_ids), tour.period_s] for slot, tour in state.tours],
    }


def wall_from_dict(raw: dict[str, Any]) -> WallState:
    """The wall again; ValueError when it cannot be read."""
    try:
        refs = [None if item is None else SourceRef(**item) for item in raw["assignments"]][:MAX_TILES]
        refs += [None] * (MAX_TILES - len(refs))
        tours = tuple((int(slot), Tour(tuple(ids), float(period))) for slot, ids, period in raw.get("tours") or [])
        state = WallState(str(raw["layout"]), tuple(refs), raw.get("enlarged"), tours)
    except (KeyError, TypeError) as exc:
        raise ValueError(tr("not a wall: {exc}", exc=exc)) from None
    if state.layout_name not in LAYOUTS:
        raise ValueError(tr("unknown layout {layout_name!r}", layout_name=state.layout_name))
    return state


REPLAY_WINDOW = timedelta(minutes=10)


def replayed_wall(state: WallState, at: datetime, now: datetime, camera_names: dict[str, str]) -> WallState:
    """The wall as it was, shown at a replayed time: a live camera becomes its recording from that time on
    (ten minutes of it, never past now); tours stop on the camera they showed."""
    end = max(at + timedelta(seconds=1), min(at + REPLAY_WINDOW, now - timedelta(seconds=2)))

    def recorded(ref: SourceRef | None) -> SourceRef | None:
        if ref is None or ref.kind != "camera":
            return ref
        name = camera_names.get(ref.id, ref.label or ref.id)
        return SourceRef("archive", ref.id, tr("{name} — recording", name=name), at.isoformat(), end.isoformat())

    return replace(state, assignments=tuple(recorded(ref) for ref in state.assignments), tours=())
