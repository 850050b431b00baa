"""Common incident types of the demo: EMSI categories, EIDO-style names, priorities and who goes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class IncidentType:
    """One line of the centre's incident type table."""

    code: str
    text: str
    emsi_category: str
    priority: tuple[int, int]
    agencies: tuple[str, ...]
    weight: float
    on_scene_s: tuple[int, int]


INCIDENT_TYPES: tuple[IncidentType, ...] = (
    IncidentType("THEFT", "Theft reported", "PSW/CRIME", (2, 4), ("police",), 10, (90, 240)),
    IncidentType("BURGLARY", "Burglary in progress", "PSW/CRIME", (6, 8), ("police",), 5, (120, 300)),
    IncidentType("ASSAULT", "Assault", "PSW/CRIME", (6, 9), ("police", "ems"), 5, (120, 300)),
    IncidentType("FIGHT", "Fight on the public way", "PSW/RIOT", (5, 8), ("police",), 6, (90, 240)),
    IncidentType("RIOT", "Public disorder, gathering", "PSW/RIOT", (8, 10), ("police", "gendarmerie"), 1, (240, 480)),
    IncidentType("NOISE", "Noise complaint", "PSW/NUIS", (1, 2), ("police",), 8, (60, 150)),
    IncidentType("DOMESTIC", "Domestic dispute", "PSW/CRIME", (6, 8), ("police",), 5, (180, 360)),
    IncidentType("SUSPECT", "Suspicious person or vehicle", "PSW/CRIME", (3, 5), ("police",), 7, (60, 180)),
    IncidentType(
        "RTA", "Road traffic accident with injuries", "ROA/ACC", (7, 9), ("police", "ems", "fire"), 4, (240, 480)
    ),
    IncidentType("RTA-MIN", "Road traffic accident, material damage", "ROA/ACC", (3, 4), ("police",), 6, (120, 240)),
    IncidentType("FIRE-BLD", "Building fire", "FIR/BLD", (8, 10), ("fire", "police", "ems"), 2, (300, 600)),
    IncidentType("FIRE-VEH", "Vehicle fire", "FIR/VEH", (5, 7), ("fire", "police"), 3, (180, 360)),
    IncidentType("MED", "Person unwell on the public way", "MED/ILL", (4, 7), ("ems",), 6, (120, 300)),
    IncidentType("CARDIAC", "Cardiac arrest", "MED/CAR", (9, 10), ("ems", "fire"), 2, (240, 420)),
    IncidentType(
        "MISSING", "Missing vulnerable person", "PSW/SEARCH", (6, 8), ("police", "gendarmerie"), 1, (300, 600)
    ),
    IncidentType("ALARM", "Intrusion alarm", "PSW/ALARM", (3, 5), ("police",), 6, (60, 180)),
    IncidentType("TRAFFIC", "Traffic obstruction", "ROA/OBS", (2, 3), ("police",), 4, (60, 180)),
)


FRENCH_TEXT = {
    "THEFT": "Vol signalé",
    "BURGLARY": "Cambriolage en cours",
    "ASSAULT": "Agression",
    "FIGHT": "Rixe sur la voie publique",
    "RIOT": "Trouble à l'ordre public, attroupement",
    "NOISE": "Tapage",
    "DOMESTIC": "Différend familial",
    "SUSPECT": "Individu ou véhicule suspect",
    "RTA": "Accident de la circulation avec blessés",
    "RTA-MIN": "Accident de la circulation, dégâts matériels",
    "FIRE-BLD": "Feu d'immeuble",
    "FIRE-VEH": "Feu de véhicule",
    "MED": "Malaise sur la voie publique",
    "CARDIAC": "Arrêt cardiaque",
    "MISSING": "Disparition de personne vulnérable",
    "ALARM": "Alarme intrusion",
    "TRAFFIC": "Gêne à la circulation",
}
LANGUAGES = ("en", "fr")
CALL_NOTE = {
    "en": "Call received: {what} reported at {address}.",
    "fr": "Appel reçu : {what} signalé au {address}.",
}
MAJOR_EVENT_TEXT = {
    "en": "Major event: demonstration, Place de la République",
    "fr": "Événement majeur : manifestation, place de la République",
}


def incident_types(language: str = "en") -> tuple[IncidentType, ...]:
    """The demo's table in the centre's language ("en" or "fr"): the names the consoles show."""
    if language != "fr":
        return INCIDENT_TYPES
    return tuple(replace(t, text=FRENCH_TEXT.get(t.code, t.text)) for t in INCIDENT_TYPES)


def incident_type_record(itype: IncidentType) -> dict[str, Any]:
    """The demo type as the centre's incident type table holds it (`dispatchd/reference.py`)."""
    low, high = itype.priority
    english = next((t.text for t in INCIDENT_TYPES if t.code == itype.code), itype.text)
    return {
        "code": itype.code,
        "text": itype.text,
        "names": {"en": english, "fr": FRENCH_TEXT.get(itype.code, english)},
        "eido_type": None,
        "retired": False,
        "emsi_category": itype.emsi_category,
        "priority": (low + high) // 2,
        "priority_range": [low, high],
        "agencies": list(itype.agencies),
    }
