"""Checking a new incident taken from a call before anything is sent (pure: the form shows the messages)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from console.i18n import tr


@dataclass
class CallForm:
    """What the operator typed, as text, field by field."""

    type_code: str = ""
    priority: str = ""
    address: str = ""
    lat: str = ""
    lon: str = ""
    caller_name: str = ""
    caller_phone: str = ""
    note: str = ""
    known_types: dict[str, dict[str, Any]] = field(default_factory=dict)


def _number(text: str, low: float, high: float, what: str) -> tuple[float | None, str | None]:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None, tr("{what} must be a number", what=what)
    if not low <= value <= high:
        return None, tr("{what} must be between {low:g} and {high:g}", what=what, low=low, high=high)
    return value, None


def check_call(form: CallForm) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """The request body, or None and a message per field that is wrong."""
    errors: dict[str, str] = {}
    if not form.type_code:
        errors["type_code"] = tr("Choose the incident type")
    elif form.known_types and form.type_code not in form.known_types:
        errors["type_code"] = tr(
            "Unknown incident type {type_code!r}: choose one from the list", type_code=form.type_code
        )
    priority: int | None = None
    try:
        priority = int(form.priority)
        if not 0 <= priority <= 10:
            errors["priority"] = tr("Priority goes from 0 (lowest) to 10 (highest)")
    except ValueError:
        errors["priority"] = tr("Priority must be a whole number from 0 to 10")
    lat = lon = None
    if not form.lat.strip() and not form.lon.strip():
        errors["location"] = tr("Give the location: latitude and longitude (and the address if known)")
    else:
        lat, lat_error = _number(form.lat, -90, 90, tr("Latitude"))
        lon, lon_error = _number(form.lon, -180, 180, tr("Longitude"))
        if lat_error or lon_error:
            errors["location"] = "; ".join(e for e in (lat_error, lon_error) if e)
    phone = form.caller_phone.strip()
    if phone and not all(c.isdigit() or c in "+ ()-." for c in phone):
        errors["caller_phone"] = tr("A callback number has only digits, spaces and + ( ) - .")
    if errors:
        return None, errors
    assert priority is not None and lat is not None and lon is not None
    body: dict[str, Any] = {
        "type_code": form.type_code,
        "priority": priority,
        "location": {
            "lat": lat,
            "lon": lon,
            **({"address_text": form.address.strip()} if form.address.strip() else {}),
        },
    }
    caller = {k: v for k, v in (("name", form.caller_name.strip()), ("phone", phone)) if v}
    if caller:
        body["caller"] = caller
    if form.note.strip():
        body["note"] = form.note.strip()
    known = form.known_types.get(form.type_code)
    if known and known.get("agencies"):
        body["agencies"] = list(known["agencies"])  # the agencies the centre alerts for this type
    return body, {}


def candidate_text(candidate: dict[str, Any]) -> str:
    """`2026-000123 · Building fire · 14 Rue de la République · 80 m · 3 min ago` (plain text)."""
    minutes = int(candidate.get("age_s", 0)) // 60
    age = tr("just now") if minutes < 1 else tr("{minutes} min ago", minutes=minutes)
    distance = tr("{metres} m", metres=candidate.get("distance_m"))
    parts = [str(candidate.get(key) or "") for key in ("number", "type_text", "address")] + [distance, age]
    return " · ".join(p for p in parts if p)


def call_note(caller_name: str, caller_phone: str, what: str) -> str:
    """The note a call added to an incident it duplicates: who called, and what they said."""
    who = " ".join(p for p in (caller_name.strip(), caller_phone.strip()) if p) or tr("unknown caller")
    said = what.strip()
    return tr("Another call, {who}: {said}", who=who, said=said) if said else tr("Another call, {who}", who=who)


def where_to_look(form: CallForm) -> tuple[str, float, float] | None:
    """The type and position to look for duplicates with, once the form has both."""
    lat, lat_error = _number(form.lat, -90, 90, "lat")
    lon, lon_error = _number(form.lon, -180, 180, "lon")
    if not form.type_code or lat is None or lon is None or lat_error or lon_error:
        return None
    return form.type_code, lat, lon
