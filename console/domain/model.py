"""The entities of the dispatch world, as the console holds them (names after NENA EIDO and EMSI)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any


class MalformedData(ValueError):
    """Something from the backend does not have the shape we expect; the message says what."""


def _req(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(data, Mapping):
        raise MalformedData(f"{where} is not an object")
    if key not in data:
        raise MalformedData(f"{where} has no {key!r}")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
        raise MalformedData(f"{where}.{key} has the wrong type ({type(value).__name__})")
    return value


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _opt(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, kind):
        raise MalformedData(f"{where}.{key} has the wrong type ({type(value).__name__})")
    return value


def parse_time(text: str, where: str = "time") -> datetime:
    """An RFC 3339 time as an aware UTC datetime."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        raise MalformedData(f"{where} is not an RFC 3339 time: {text!r}") from None
    if moment.tzinfo is None:
        raise MalformedData(f"{where} has no time zone: {text!r}")
    return moment.astimezone(UTC)


_NUM = (int, float)


@dataclass(frozen=True, slots=True)
class Location:
    """A place: WGS84 point, its uncertainty, an address and the centre's sector."""

    lat: float
    lon: float
    uncertainty_m: float | None = None
    address_text: str | None = None
    sector: str | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], where: str = "location") -> Location:
        return cls(
            float(_req(d, "lat", _NUM, where)),
            float(_req(d, "lon", _NUM, where)),
            _opt(d, "uncertainty_m", _NUM, where),
            _opt(d, "address_text", str, where),
            _opt(d, "sector", str, where),
        )


@dataclass(frozen=True, slots=True)
class Note:
    """A line in an incident's log, with its author."""

    id: str
    text: str
    author: str
    created_at: datetime

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], where: str = "note") -> Note:
        return cls(
            _req(d, "id", str, where),
            _req(d, "text", str, where),
            _req(d, "author", str, where),
            parse_time(_req(d, "created_at", str, where), f"{where}.created_at"),
        )


@dataclass(frozen=True, slots=True)
class AgencyRequest:
    """Another agency asked to take part in an incident."""

    agency: str
    reason: str
    requested_by: str
    requested_at: datetime

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], where: str = "agency_request") -> AgencyRequest:
        return cls(
            _req(d, "agency", str, where),
            _req(d, "reason", str, where),
            _req(d, "requested_by", str, where),
            parse_time(_req(d, "requested_at", str, where), f"{where}.requested_at"),
        )


@dataclass(frozen=True, slots=True)
class Incident:
    """An incident: what, how urgent, where, who is on it."""

    id: str
    number: str
    type_code: str
    type_text: str
    priority: int
    status: str
    status_common: str
    location: Location
    agencies: tuple[str, ...]
    assigned_units: tuple[str, ...]
    notes: tuple[Note, ...]
    version: int
    created_at: datetime
    updated_at: datetime
    tracking_id: str = ""
    emsi_category: str | None = None
    caller_name: str | None = None
    caller_phone: str | None = None
    major_event: bool = False
    major_event_id: str | None = None
    agency_requests: tuple[AgencyRequest, ...] = ()
    exercise: bool = False
    """Part of a training exercise (EMSI MODE=EXERCS), not a real emergency."""

    @property
    def is_open(self) -> bool:
        return self.status in ("new", "active")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Incident:
        w = "incident"
        priority = _req(d, "priority", int, w)
        if not 0 <= priority <= 10:
            raise MalformedData(f"incident.priority out of 0–10: {priority}")
        caller = _opt(d, "caller", dict, w) or {}
        return cls(
            id=_req(d, "id", str, w),
            number=_req(d, "number", str, w),
            type_code=_req(d, "type_code", str, w),
            type_text=_req(d, "type_text", str, w),
            priority=priority,
            status=_req(d, "status", str, w),
            status_common=_opt(d, "status_common", str, w) or "",
            location=Location.from_dict(_req(d, "location", dict, w), "incident.location"),
            agencies=tuple(str(a) for a in _opt(d, "agencies", list, w) or ()),
            assigned_units=tuple(str(u) for u in _opt(d, "assigned_units", list, w) or ()),
            notes=tuple(Note.from_dict(n, "incident.notes[]") for n in _opt(d, "notes", list, w) or ()),
            version=_req(d, "version", int, w),
            created_at=parse_time(_req(d, "created_at", str, w), "incident.created_at"),
            updated_at=parse_time(_req(d, "updated_at", str, w), "incident.updated_at"),
            tracking_id=_opt(d, "tracking_id", str, w) or "",
            emsi_category=_opt(d, "emsi_category", str, w),
            caller_name=_opt(caller, "name", str, "incident.caller"),
            caller_phone=_opt(caller, "phone", str, "incident.caller"),
            major_event=bool(_opt(d, "major_event", bool, w)),
            major_event_id=_opt(d, "major_event_id", str, w),
            agency_requests=tuple(AgencyRequest.from_dict(r) for r in _opt(d, "agency_requests", list, w) or ()),
            exercise=bool(_opt(d, "exercise", bool, w)),
        )


@dataclass(frozen=True, slots=True)
class Position:
    """A unit's reported position (a CoT point: it goes stale at `stale_at`)."""

    lat: float
    lon: float
    course: float | None
    speed: float | None
    observed_at: datetime
    stale_at: datetime
    sector: str | None = None

    def is_stale(self, now: datetime) -> bool:
        return now >= self.stale_at

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], where: str = "position") -> Position:
        return cls(
            float(_req(d, "lat", _NUM, where)),
            float(_req(d, "lon", _NUM, where)),
            _opt(d, "course", _NUM, where),
            _opt(d, "speed", _NUM, where),
            parse_time(_req(d, "observed_at", str, where), f"{where}.observed_at"),
            parse_time(_req(d, "stale_at", str, where), f"{where}.stale_at"),
            _opt(d, "sector", str, where),
        )


@dataclass(frozen=True, slots=True)
class Unit:
    """A resource: a patrol, an engine, an ambulance."""

    id: str
    callsign: str
    agency: str
    type_common: str
    primary_status: str
    secondary_status: str
    incident_id: str | None
    position: Position | None
    version: int

    def with_position(self, position: Position) -> Unit:
        return replace(self, position=position)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Unit:
        w = "unit"
        position = _opt(d, "position", dict, w)
        return cls(
            id=_req(d, "id", str, w),
            callsign=_req(d, "callsign", str, w),
            agency=_req(d, "agency", str, w),
            type_common=_opt(d, "type_common", str, w) or "",
            primary_status=_req(d, "primary_status", str, w),
            secondary_status=_req(d, "secondary_status", str, w),
            incident_id=_opt(d, "incident_id", str, w),
            position=Position.from_dict(position, "unit.position") if position else None,
            version=_req(d, "version", int, w),
        )


@dataclass(frozen=True, slots=True)
class Camera:
    """A video source: its streams (sub for the grid, main when enlarged) and its archive."""

    id: str
    name: str
    kind: str
    location: Location | None
    main_url: str | None
    sub_url: str | None
    archive_url: str | None
    status: str
    version: int

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Camera:
        w = "camera"
        stream = _opt(d, "stream", dict, w) or {}
        location = _opt(d, "location", dict, w)
        return cls(
            id=_req(d, "id", str, w),
            name=_req(d, "name", str, w),
            kind=_opt(d, "kind", str, w) or "fixed",
            location=Location.from_dict(location, "camera.location") if location else None,
            main_url=_opt(stream, "main_url", str, "camera.stream"),
            sub_url=_opt(stream, "sub_url", str, "camera.stream"),
            archive_url=_opt(d, "archive_url", str, w),
            status=_opt(d, "status", str, w) or "unknown",
            version=_req(d, "version", int, w),
        )


@dataclass(frozen=True, slots=True)
class MediaItem:
    """A photo, video, sound or text attached to an incident."""

    id: str
    incident_id: str
    kind: str
    mime_type: str
    size: int
    sha256: str
    source: str
    received_at: datetime
    captured_at: datetime | None = None
    text: str | None = None
    name: str | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> MediaItem:
        w = "media"
        captured = _opt(d, "captured_at", str, w)
        return cls(
            id=_req(d, "id", str, w),
            incident_id=_req(d, "incident_id", str, w),
            kind=_req(d, "kind", str, w),
            mime_type=_req(d, "mime_type", str, w),
            size=_req(d, "size", int, w),
            sha256=_req(d, "sha256", str, w),
            source=_opt(d, "source", str, w) or "unknown",
            received_at=parse_time(_req(d, "received_at", str, w), "media.received_at"),
            captured_at=parse_time(captured, "media.captured_at") if captured else None,
            text=_opt(d, "text", str, w),
            name=_opt(d, "name", str, w),
        )


@dataclass(frozen=True, slots=True)
class EvidenceLock:
    """Who locked a clip as evidence, when and why."""

    by: str
    at: datetime
    reason: str


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A clip of a camera or a video tagged to an incident (to the frame, in UTC)."""

    id: str
    incident_id: str
    camera_id: str | None
    media_id: str | None
    start: datetime
    end: datetime
    labels: tuple[str, ...]
    note: str
    created_by: str
    lock: EvidenceLock | None
    version: int

    @property
    def locked(self) -> bool:
        return self.lock is not None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Bookmark:
        w = "bookmark"
        lock = _opt(d, "lock", dict, w)
        labels = _opt(d, "labels", list, w) or []
        if not all(isinstance(label, str) for label in labels):
            raise MalformedData("bookmark.labels must be strings")
        camera_id, media_id = _opt(d, "camera_id", str, w), _opt(d, "media_id", str, w)
        if (camera_id is None) == (media_id is None):
            raise MalformedData("a bookmark is of one camera or one video")
        return cls(
            id=_req(d, "id", str, w),
            incident_id=_req(d, "incident_id", str, w),
            camera_id=camera_id,
            media_id=media_id,
            start=parse_time(_req(d, "start", str, w), "bookmark.start"),
            end=parse_time(_req(d, "end", str, w), "bookmark.end"),
            labels=tuple(labels),
            note=_opt(d, "note", str, w) or "",
            created_by=_req(d, "created_by", str, w),
            lock=(
                EvidenceLock(
                    by=_req(lock, "by", str, "bookmark.lock"),
                    at=parse_time(_req(lock, "at", str, "bookmark.lock"), "bookmark.lock.at"),
                    reason=_req(lock, "reason", str, "bookmark.lock"),
                )
                if lock
                else None
            ),
            version=_req(d, "version", int, w),
        )
