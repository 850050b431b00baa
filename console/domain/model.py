"""The entities of the dispatch world as the console holds them: the wire contract's own models
(`dispatch_protocol.entities`), parsed from what the backend sends and kept as they are (frozen)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from dispatch_protocol.entities import (
    AgencyRequest,
    BaseMap,
    Bookmark,
    CallerInvite,
    CallerPosition,
    Camera,
    EvidenceLock,
    Incident,
    IncidentType,
    Location,
    MediaItem,
    Note,
    Origin,
    Position,
    Sector,
    Track,
    Unit,
)

__all__ = [
    "AgencyRequest",
    "BaseMap",
    "Bookmark",
    "CallerInvite",
    "CallerPosition",
    "Camera",
    "EvidenceLock",
    "Incident",
    "IncidentType",
    "Location",
    "MalformedData",
    "MediaItem",
    "Note",
    "Origin",
    "Position",
    "Sector",
    "Track",
    "Unit",
    "invalid_reason",
    "parse",
    "parse_time",
]
M = TypeVar("M", bound=BaseModel)


class MalformedData(ValueError):
    """Something from the backend does not have the shape we expect; the message says what."""


def parse(model: type[M], data: Any, where: str) -> M:
    """`data` as a `model`, or MalformedData naming the first field that is wrong (`incident.priority: …`)."""
    if not isinstance(data, dict):
        raise MalformedData(f"{where} is not an object")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise MalformedData(invalid_reason(exc, where)) from None


def invalid_reason(error: ValidationError, where: str) -> str:
    """`incident has no 'priority'`, `incident.location.lat: Input should be a valid number`…"""
    missing, wrong = [], []
    for item in error.errors():
        path = ".".join(str(part) for part in item["loc"])
        if item["type"] == "missing":
            head, _, last = path.rpartition(".")
            missing.append((f"{where}.{head}" if head else where, last))
        else:
            wrong.append(f"{where}.{path}: {item['msg']}" if path else f"{where}: {item['msg']}")
    said = [f"{owner} has no {name!r}" for owner, name in missing]
    return "; ".join([*said, *wrong])


def parse_time(text: str, where: str = "time") -> datetime:
    """An RFC 3339 time as an aware UTC datetime."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        raise MalformedData(f"{where} is not an RFC 3339 time: {text!r}") from None
    if moment.tzinfo is None:
        raise MalformedData(f"{where} has no time zone: {text!r}")
    return moment.astimezone(UTC)
