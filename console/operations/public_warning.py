"""A public warning (CAP 1.2) as the supervisor writes it: the form's defaults from the major event, the body sent.

Pure: the dialog reads its fields into a `WarningForm`, and `warning_body` makes the command (checked again by the
contract's `CapWarningSave` before it is queued).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from console.domain.model import Incident
from console.i18n import N_
from dispatch_protocol.warnings import newest_per_warning

# CAP 1.2's codes (sent as they are), each with the word the supervisor reads
URGENCY_CODES = ("Immediate", "Expected", "Future")  # i18n: not shown
SEVERITY_CODES = ("Extreme", "Severe", "Moderate", "Minor")  # i18n: not shown
CERTAINTY_CODES = ("Observed", "Likely", "Possible")  # i18n: not shown
CATEGORY_CODES = ("Safety", "Security", "Fire", "Health", "Env", "Transport", "Rescue")  # i18n: not shown
URGENCIES = tuple(zip(URGENCY_CODES, (N_("Immediate"), N_("Expected"), N_("Future")), strict=True))
SEVERITIES = tuple(zip(SEVERITY_CODES, (N_("Extreme"), N_("Severe"), N_("Moderate"), N_("Minor")), strict=True))
CERTAINTIES = tuple(zip(CERTAINTY_CODES, (N_("Observed"), N_("Likely"), N_("Possible")), strict=True))
CATEGORIES = tuple(
    zip(
        CATEGORY_CODES,
        (N_("Safety"), N_("Security"), N_("Fire"), N_("Health"), N_("Environment"), N_("Transport"), N_("Rescue")),
        strict=True,
    )
)


@dataclass(frozen=True, slots=True)
class WarningForm:
    """What the supervisor wrote."""

    headline: str
    description: str
    instruction: str
    event: str
    category: str
    urgency: str
    severity: str
    certainty: str
    hours: float
    area_desc: str
    radius_km: float
    polygon: tuple[tuple[float, float], ...] = ()
    """Corners drawn on the map ([lat, lon]); empty: the circle of `radius_km` around the incident."""


def default_form(incident: Incident, last: dict[str, Any] | None = None) -> WarningForm:
    """The form to start from: the warning's last message to update it, else the major event's own words."""
    if last is not None:
        return WarningForm(
            headline=last["headline"], description=last["description"], instruction=last.get("instruction") or "",
            event=last["event"], category=last.get("category", CATEGORY_CODES[0]), urgency=last["urgency"],
            severity=last["severity"], certainty=last["certainty"], hours=2.0, area_desc=last["area_desc"],
            radius_km=float((last.get("circle") or {}).get("radius_km", 1.0)),
            polygon=tuple((float(a), float(b)) for a, b in last.get("polygon") or ()),
        )  # fmt: skip
    place = incident.location.address_text or incident.location.sector or ""
    return WarningForm(
        headline="", description="", instruction="", event=incident.type_text, category=CATEGORY_CODES[0],
        urgency=URGENCY_CODES[0], severity=SEVERITY_CODES[1], certainty=CERTAINTY_CODES[0], hours=2.0,
        area_desc=place, radius_km=1.0,
    )  # fmt: skip


def warning_body(incident: Incident, form: WarningForm, now: datetime) -> dict[str, Any]:
    """The `CapWarningSave` body of the form."""
    body: dict[str, Any] = {
        "incident_id": incident.id,
        "event": form.event.strip(),
        "category": form.category,
        "headline": form.headline.strip(),
        "description": form.description.strip(),
        "instruction": form.instruction.strip(),
        "urgency": form.urgency,
        "severity": form.severity,
        "certainty": form.certainty,
        "expires": (now + timedelta(hours=form.hours)).isoformat(),
        "area_desc": form.area_desc.strip(),
    }
    if form.polygon:
        body["polygon"] = [list(p) for p in form.polygon]
    else:
        body["circle"] = {"lat": incident.location.lat, "lon": incident.location.lon, "radius_km": form.radius_km}
    return body


def warnings_of(incident_id: str, messages: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The newest message of each warning written from this incident, newest first."""
    return newest_per_warning(m for m in messages.values() if m.get("incident_id") == incident_id)
