"""Priority bands: every priority has a word and a shape, never a colour alone."""

from __future__ import annotations

from dataclasses import dataclass

from console.i18n import N_, tr


@dataclass(frozen=True, slots=True)
class PriorityBand:
    name: str  # the band's English word, a key (shown through tr)
    glyph: str
    colour: str  # background, readable with white text


_BANDS = (
    (9, PriorityBand(N_("CRITICAL"), "◆", "#b71c1c")),
    (7, PriorityBand(N_("HIGH"), "▲", "#d84315")),
    (4, PriorityBand(N_("MEDIUM"), "●", "#8d6e00")),
    (0, PriorityBand(N_("LOW"), "○", "#37474f")),
)


def priority_band(priority: int) -> PriorityBand:
    for floor, band in _BANDS:
        if priority >= floor:
            return band
    return _BANDS[-1][1]


def priority_label(priority: int) -> str:
    """`▲ 8 HIGH`: shape, number and word."""
    band = priority_band(priority)
    return f"{band.glyph} {priority} {tr(band.name)}"
