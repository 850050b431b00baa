"""Incident type families and how near in space and time two reports of one event are (pure).

A centre's type codes are its own; the family comes from the type's EMSI category (`FIR/BLD` → fire), which every
type in the table carries, and falls back on words of the code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Window:
    """Two calls about one event are at most this far apart (metres) and this close in time (seconds)."""

    radius_m: float
    age_s: float


FAMILY_WINDOWS = {
    "fire": Window(300.0, 30 * 60.0),  # smoke is seen from far, and burns long
    "road": Window(200.0, 20 * 60.0),
    "violence": Window(100.0, 10 * 60.0),  # a fight moves little and ends soon
    "gathering": Window(300.0, 60 * 60.0),
    "medical": Window(100.0, 15 * 60.0),
    "crime": Window(100.0, 15 * 60.0),
    "other": Window(100.0, 10 * 60.0),
}
RELATED = {
    frozenset({"violence", "crime"}),  # "a fight" and "an assault" from two callers
    frozenset({"violence", "gathering"}),
    frozenset({"road", "medical"}),  # a crash reported as "a man on the ground"
    frozenset({"fire", "medical"}),
}
_EMSI = (
    ("FIR/", "fire"),
    ("ROA/", "road"),
    ("MED/", "medical"),
    ("PSW/RIOT", "violence"),
    ("PSW/CRIME", "crime"),
    ("PSW/DEMO", "gathering"),
)
_CODE_WORDS = (
    ("FIRE", "fire"),
    ("RTA", "road"),
    ("CRASH", "road"),
    ("FIGHT", "violence"),
    ("ASSAULT", "violence"),
    ("RIOT", "gathering"),
    ("MED", "medical"),
    ("CARDIAC", "medical"),
)


def family_of(type_code: str, emsi_category: str | None) -> str:
    category, code = (emsi_category or "").upper(), type_code.upper()
    if any(word in code for word in ("RIOT", "DEMO", "GATHER")):  # EMSI's PSW/RIOT holds fights and crowds alike
        return "gathering"
    for prefix, family in _EMSI:
        if category.startswith(prefix):
            return family
    for word, family in _CODE_WORDS:
        if word in code:
            return family
    return "other"


def affinity(family: str, other: str) -> float:
    """1 for the same family, 0.6 for related ones, 0 otherwise."""
    if family == other:
        return 1.0
    return 0.6 if frozenset({family, other}) in RELATED else 0.0


def window_for(family: str, other: str) -> Window:
    """The wider of the two families' windows (a fire reported as smoke by one, as a fire by another)."""
    a, b = FAMILY_WINDOWS.get(family, FAMILY_WINDOWS["other"]), FAMILY_WINDOWS.get(other, FAMILY_WINDOWS["other"])
    return Window(max(a.radius_m, b.radius_m), max(a.age_s, b.age_s))
