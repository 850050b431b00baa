"""What the centre this console is connected to still lacks, in words for its operators (pure)."""

from __future__ import annotations

from console.i18n import tr


def setup_gaps(units: int, incident_types: int, sectors: int) -> str | None:
    """One sentence naming what is missing and how an administrator adds it; None when nothing is."""
    missing = [
        what
        for what, count in (
            (tr("units (dispatchd import units.csv)"), units),
            (tr("incident types (dispatchd import incident-types.csv)"), incident_types),
            (tr("sectors (dispatchd import sectors.geojson)"), sectors),
        )
        if count == 0
    ]
    if not missing:
        return None
    return tr(
        "This centre is not set up yet: it has no {missing}. An administrator imports them on the backend; "
        "see samples/centre/README.md.",
        missing=", ".join(missing),
    )
