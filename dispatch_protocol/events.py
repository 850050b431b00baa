"""The event envelope `{seq, ts, type, entity: {type, id, version}, actor, data}`, the event types, and which
entity each type carries in its `data` (checked by dispatchd when it appends, parsed by the console)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from dispatch_protocol.entities import (
    BaseMap,
    Bookmark,
    Camera,
    Incident,
    IncidentType,
    MediaItem,
    Position,
    Sector,
    SocialPost,
    SocialSource,
    Unit,
    WatchRule,
)

EVENT_DATA: dict[str, tuple[str, type[BaseModel] | None]] = {
    "incident.created": ("incident", Incident),
    "incident.updated": ("incident", Incident),
    "incident.closed": ("incident", Incident),
    "incident.note_added": ("incident", Incident),
    "unit.updated": ("unit", Unit),
    "unit.position": ("position", Position),
    "camera.updated": ("camera", Camera),
    "sector.updated": ("sector", Sector),
    "incident_type.updated": ("incident_type", IncidentType),
    "map.updated": ("map", BaseMap),
    "media.added": ("media", MediaItem),
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
