"""The hot-spot layer as the map page draws it (pure): hexagons shaded by how many incidents were recorded there,
coloured by the commonest type family, and a legend with the counts. Descriptive only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from console.i18n import N_, tr

FAMILY_WORDS = {
    "fire": N_("fires"),
    "violence": N_("fights, violence"),
    "crime": N_("thefts, crime"),
    "road": N_("road accidents"),
    "gathering": N_("gatherings"),
    "medical": N_("medical"),
    "other": N_("other"),
}
FAMILY_COLOURS = {
    "fire": "#ff5722",
    "violence": "#e040fb",
    "crime": "#ab47bc",
    "road": "#ffb300",
    "gathering": "#29b6f6",
    "medical": "#66bb6a",
    "other": "#9e9e9e",
}


def hotspot_layer(found: Mapping[str, Any]) -> dict[str, Any]:
    bins = [b for b in found.get("bins") or [] if isinstance(b, dict) and b.get("corners")]
    most = max((int(b["count"]) for b in bins), default=1)
    drawn = []
    for hexagon in bins:
        families: dict[str, int] = hexagon.get("families") or {}
        top = max(families, key=lambda f: families[f]) if families else "other"
        parts = ", ".join(f"{tr(FAMILY_WORDS.get(f, f))} {n}" for f, n in sorted(families.items(), key=lambda p: -p[1]))
        drawn.append({
            "corners": hexagon["corners"],
            "count": int(hexagon["count"]),
            "colour": FAMILY_COLOURS.get(top, FAMILY_COLOURS["other"]),
            "opacity": round(0.15 + 0.55 * int(hexagon["count"]) / most, 3),
            "label": tr("{count} incidents: {parts}", count=hexagon["count"], parts=parts),
        })  # fmt: skip
    totals: dict[str, int] = found.get("totals") or {}
    legend = [{"label": tr(FAMILY_WORDS.get(f, f)), "count": n, "colour": FAMILY_COLOURS.get(f, "#9e9e9e")}
              for f, n in sorted(totals.items(), key=lambda p: -p[1])]  # fmt: skip
    return {
        "title": tr("Incidents recorded, last {days} days", days=found.get("days")),
        "note": tr("Where incidents were recorded: not a prediction"),
        "bins": drawn,
        "legend": legend,
    }
