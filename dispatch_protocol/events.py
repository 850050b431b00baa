"""The event envelope `{seq, ts, type, entity: {type, id, version}, actor, data}`, the event types, and which
entity each type carries in its `data` (checked by dispatchd when it appends, parsed by the console)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, RootModel, create_model
from pydantic.fields import FieldInfo

from dispatch_protocol.entities import (
    BaseMap,
    Bookmark,
    CallerInvite,
    CallerPosition,
    Camera,
    Incident,
    IncidentType,
    MediaItem,
    Note,
    Position,
    Sector,
    SocialPost,
    SocialSource,
    Track,
    Unit,
    WatchRule,
    WireModel,
)


def _changes_model() -> type[WireModel]:
    """Incident's fields, each optional but `version` and `updated_at`: what an incident event changed."""
    fields: dict[str, Any] = {}
    for name, info in Incident.model_fields.items():
        assert info.annotation is not None
        if name in ("version", "updated_at"):
            fields[name] = (info.annotation, info)
        else:
            fields[name] = (info.annotation | None, FieldInfo.merge_field_infos(info, default=None))
    return create_model("IncidentChanges", __base__=WireModel, **fields)


IncidentChanges = _changes_model()
"""`data.changes` of incident.updated, incident.closed and incident.note_added: the new values of the fields
that changed, with the incident's new `version` and `updated_at` (a delta, not the incident's history)."""


class UnitPosition(WireModel):
    """One unit's new position in a `unit.positions` batch."""

    unit_id: str
    position: Position


class UnitPositions(RootModel[tuple[UnitPosition, ...]]):
    """`data.positions` of `unit.positions`: many units' positions from one batch of reports."""


class Tracks(RootModel[tuple[Track, ...]]):
    """`data.tracks` of `track.seen`: TAK tracks mapped to no unit, as last heard."""


EVENT_DATA: dict[str, tuple[str, type[BaseModel] | None]] = {
    "incident.created": ("incident", Incident),
    "incident.updated": ("changes", IncidentChanges),
    "incident.closed": ("changes", IncidentChanges),
    "incident.note_added": ("note", Note),
    "unit.updated": ("unit", Unit),
    "unit.position": ("position", Position),
    "unit.positions": ("positions", UnitPositions),
    "track.seen": ("tracks", Tracks),
    "track.mapped": ("track", Track),
    "link.status": ("link", None),
    "cap.alert": ("alert", None),
    "camera.updated": ("camera", Camera),
    "sector.updated": ("sector", Sector),
    "incident_type.updated": ("incident_type", IncidentType),
    "map.updated": ("map", BaseMap),
    "media.added": ("media", MediaItem),
    "invite.updated": ("invite", CallerInvite),
    "caller.position": ("position", CallerPosition),
    "suggestion.dismissed": ("dismissal", None),
    "bookmark.created": ("bookmark", Bookmark),
    "bookmark.locked": ("bookmark", Bookmark),
    "bookmark.updated": ("bookmark", Bookmark),
    "bookmark.deleted": ("bookmark", Bookmark),
    "social.post": ("post", SocialPost),
    "social.source": ("source", SocialSource),
    "watch_rule.created": ("rule", WatchRule),
    "watch_rule.updated": ("rule", WatchRule),
    "exercise.updated": ("exercise", None),
    "alert.raised": ("alert", None),
}
"""Each event type and the key of `data` that holds its entity, with the entity's model (None: free form)."""

EVENT_TYPES = frozenset(EVENT_DATA)


class EntityRef(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    type: str = ""
    id: str
    version: int = 0


def envelope(
    seq: int, ts: str, type_: str, entity_type: str, entity_id: str, entity_version: int, actor: str, data: Any
) -> dict[str, Any]:
    """The wire form of one event (what the stream, the catch-up and the timeline send)."""
    return {
        "seq": seq,
        "ts": ts,
        "type": type_,
        "entity": {"type": entity_type, "id": entity_id, "version": entity_version},
        "actor": actor,
        "data": data,
    }


def check_event_data(type_: str, data: dict[str, Any]) -> None:
    """Raises ValueError (pydantic's ValidationError) when `data` does not carry the entity its type says."""
    if type_ not in EVENT_DATA:
        raise ValueError(f"unknown event type {type_!r}")
    key, model = EVENT_DATA[type_]
    if model is not None:
        model.model_validate(data.get(key))
    if type_ == "incident.note_added":
        IncidentChanges.model_validate(data.get("changes"))


INCIDENT_DELTAS = frozenset({"incident.updated", "incident.closed", "incident.note_added"})


def incident_after(before: dict[str, Any] | None, type_: str, data: dict[str, Any]) -> dict[str, Any] | None:
    """The incident (as JSON) once an incident event is applied to it; None when the event is a delta and the
    incident before it is unknown. Also reads the whole-incident form of recordings made before deltas."""
    if "incident" in data:
        return dict(data["incident"])
    if before is None or type_ not in INCIDENT_DELTAS:
        return None
    after = {**before, **data.get("changes", {})}
    if type_ == "incident.note_added":
        after["notes"] = [*before.get("notes", []), data["note"]]
    return after
