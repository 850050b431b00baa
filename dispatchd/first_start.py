"""What a centre still lacks before its consoles can work, in words that say how to add it."""

from __future__ import annotations

from dispatchd.reference import INCIDENT_TYPE, SECTOR
from dispatchd.service import CAMERA, UNIT
from dispatchd.storage.interface import Storage

SAMPLES = "samples/centre/README.md"
GAPS = (
    (UNIT, "no units yet: import them with `dispatchd import units.csv` (the format: {samples})"),
    (INCIDENT_TYPE, "no incident types yet: import them with `dispatchd import incident-types.csv`"),
    (SECTOR, "no sectors yet: import them with `dispatchd import sectors.geojson`"),
    (CAMERA, "no cameras yet: import them with `dispatchd import cameras.csv` (optional)"),
)


def missing(storage: Storage) -> list[str]:
    """Empty when the centre has accounts, units, incident types, sectors and cameras."""
    said = []
    if storage.account_count() == 0:
        said.append("no accounts yet: make an administrator with `dispatchd --create-user NAME --role admin`")
    with storage.read() as tx:
        for kind, words in GAPS:
            if not any(not entity.get("retired") for entity in tx.list(kind)):
                said.append(words.format(samples=SAMPLES))
    return said
