"""Wall layouts: equal grids and the "big + small" layouts of control-room video walls."""

from __future__ import annotations

from dataclasses import dataclass

from console.i18n import N_


@dataclass(frozen=True)
class Cell:
    """One tile's place in a layout's grid, in grid units."""

    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class WallLayout:
    """A named arrangement of tiles on a `rows` × `cols` grid; tile i goes to `cells[i]`."""

    name: str
    rows: int
    cols: int
    cells: tuple[Cell, ...]

    @property
    def size(self) -> int:
        return len(self.cells)


def equal_grid(n: int) -> WallLayout:
    return WallLayout(f"{n}×{n}", n, n, tuple(Cell(r, c) for r in range(n) for c in range(n)))


def _big_and_small(name: str, n: int, bigs: tuple[Cell, ...]) -> WallLayout:
    """A grid of n × n where the big cells are placed first and the remaining unit cells fill the rest."""
    taken = {(c.row + r, c.col + k) for c in bigs for r in range(c.rowspan) for k in range(c.colspan)}
    small = tuple(Cell(r, c) for r in range(n) for c in range(n) if (r, c) not in taken)
    return WallLayout(name, n, n, bigs + small)


LAYOUTS: dict[str, WallLayout] = {
    layout.name: layout
    for layout in (
        equal_grid(1),
        equal_grid(2),
        equal_grid(3),
        equal_grid(4),
        equal_grid(5),
        _big_and_small(N_("1 big + 5"), 3, (Cell(0, 0, 2, 2),)),
        _big_and_small(N_("1 big + 7"), 4, (Cell(0, 0, 3, 3),)),
        _big_and_small(N_("2 big + 8"), 4, (Cell(0, 0, 2, 2), Cell(0, 2, 2, 2))),
    )
}
MAX_TILES = max(layout.size for layout in LAYOUTS.values())
DEFAULT_LAYOUT = "2×2"
