"""What the map draws of each entity: small JSON-ready dicts (pure; the page escapes every string)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from console.domain.model import CallerPosition, Camera, Incident, Track, Unit
from console.domain.priority import priority_band
from console.domain.safe_text import one_line
from console.domain.social import SocialPost
from console.domain.timefmt import format_age
from console.i18n import tr
from console.operations.ranking import is_available
from console.operations.timeline import UNIT_STATUS_WORDS
from dispatch_protocol.geo import distance_m

# A glyph per kind of incident (EMSI category family), all in DejaVu Sans: no emoji font on a CAD workstation.
TYPE_GLYPHS = {"FIR": "♨", "MED": "✚", "ROA": "⚠", "PSW": "⚑"}


def type_glyph(incident: Incident) -> str:
    if incident.major_event:
        return "★"
    family = (incident.emsi_category or "").split("/")[0]
    return TYPE_GLYPHS.get(family, "●")


def incident_item(incident: Incident, pulse: bool) -> dict[str, Any]:
    return {
        "glyph": type_glyph(incident),
        "id": incident.id,
        "lat": incident.location.lat,
        "lon": incident.location.lon,
        "number": incident.number,
        "type": incident.type_text,
        "address": incident.location.address_text or "",
        "priority": incident.priority,
        "band": priority_band(incident.priority).name,
        "open": incident.is_open,
        "pulse": pulse,
    }


def unit_item(unit: Unit, now: datetime, incident_number: str = "") -> dict[str, Any] | None:
    position = unit.position
    if position is None:
        return None
    return {
        "id": unit.id,
        "lat": position.lat,
        "lon": position.lon,
        "course": position.course,
        "speed": position.speed or 0.0,
        "status": unit.secondary_status,
        "statusText": tr(UNIT_STATUS_WORDS.get(unit.secondary_status, unit.secondary_status))
        + (tr(" · position stale") if position.is_stale(now) else ""),
        "stale": position.is_stale(now),
        "dispatchText": tr("Dispatch to selected incident"),
        "callsign": unit.callsign,
        "agency": unit.agency,
        "incident": incident_number,
        "available": is_available(unit),
    }


def camera_item(camera: Camera) -> dict[str, Any] | None:
    if camera.location is None:
        return None
    return {
        "id": camera.id,
        "lat": camera.location.lat,
        "lon": camera.location.lon,
        "name": camera.name,
        "status": camera.status,
    }


def social_post_item(post: SocialPost, rule_names: list[str]) -> dict[str, Any] | None:
    """A geotagged post: its place, a header and its text (plain; the page sets them as textContent)."""
    if post.position is None:
        return None
    lat, lon = post.position
    rules = f" [{', '.join(rule_names)}]" if rule_names else ""
    return {
        "id": post.id,
        "lat": lat,
        "lon": lon,
        "head": f"{one_line(post.author, 60)} · {post.posted_at.astimezone():%H:%M}{rules}",
        "text": one_line(post.text, 280),
        "matched": bool(rule_names),
    }


TRACK_FORGET = timedelta(minutes=10)
"""A track of no unit stays on the map this long after it went stale (dashed), then leaves it."""


def track_gone(track: Track, now: datetime) -> bool:
    return now >= track.position.stale_at + TRACK_FORGET


def track_item(track: Track, now: datetime) -> dict[str, Any]:
    """A TAK track of no unit: its callsign (or uid) and how long ago it was heard."""
    age = format_age((now - track.position.observed_at).total_seconds())
    return {
        "uid": track.uid,
        "lat": track.position.lat,
        "lon": track.position.lon,
        "label": f"{one_line(track.callsign or track.uid, 40)} · {age}",
        "stale": track.position.is_stale(now),
    }


def caller_item(position: CallerPosition, incident: Incident | None, now: datetime) -> dict[str, Any] | None:
    """A caller's phone where it says it is, with its accuracy (shown while its incident is open)."""
    if incident is None or incident.status in ("closed", "cancelled"):
        return None
    age = format_age((now - position.at).total_seconds())
    accuracy = f" · ±{position.accuracy_m:.0f} m" if position.accuracy_m is not None else ""
    return {
        "incident_id": incident.id,
        "lat": position.lat,
        "lon": position.lon,
        "accuracy_m": position.accuracy_m or 0.0,
        "label": tr("Caller {number}", number=incident.number) + f"{accuracy} · {age}",
    }


def units_for_track(track: Track, units: list[Unit]) -> list[Unit]:
    """The units a track may belong to, most likely first: the callsign's match, then the nearest ones."""
    wanted = (track.callsign or "").casefold()

    def rank(unit: Unit) -> tuple[int, float, str]:
        distance = (
            distance_m(track.position.lat, track.position.lon, unit.position.lat, unit.position.lon)
            if unit.position is not None
            else float("inf")
        )
        return (0 if wanted and unit.callsign.casefold() == wanted else 1, distance, unit.callsign)

    return sorted((u for u in units if not u.retired), key=rank)
