"""Events as the console holds them, parsed from the wire contract's envelope (`dispatch_protocol.events`)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from console.domain.model import MalformedData, parse_time
from console.domain.timefmt import format_utc
from dispatch_protocol.events import EVENT_TYPES, envelope


class MalformedEvent(ValueError):
    """An event the console cannot use; `seq` is known from the stream's `id:` even if the body is bad."""

    def __init__(self, seq: int, reason: str) -> None:
        super().__init__(f"event {seq}: {reason}")
        self.seq = seq
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Event:
    """One change, as the backend's event log recorded it."""

    seq: int
    ts: datetime
    type: str
    entity_type: str
    entity_id: str
    entity_version: int
    actor: str
    data: dict[str, Any]
    wire: str | None = field(default=None, compare=False, repr=False)
    """The JSON text the stream carried (a recorder writes it as it is, instead of encoding it again)."""

    def to_json(self) -> str:
        return self.wire if self.wire is not None else json.dumps(self.to_dict(), separators=(",", ":"))

    def as_state_input(self) -> dict[str, Any]:
        """The fields a RawState reads (without formatting the time again)."""
        return {"seq": self.seq, "ts": self.ts, "type": self.type, "entity": {"id": self.entity_id}, "data": self.data}

    def to_dict(self) -> dict[str, Any]:
        return envelope(
            self.seq,
            format_utc(self.ts),
            self.type,
            self.entity_type,
            self.entity_id,
            self.entity_version,
            self.actor,
            self.data,
        )


def event_from_dict(raw: Any, seq_hint: int) -> Event:
    """An Event from its decoded JSON; raises MalformedEvent saying what is wrong."""
    try:
        if not isinstance(raw, dict):
            raise MalformedData("the event is not a JSON object")
        seq = raw.get("seq")
        if not isinstance(seq, int) or isinstance(seq, bool):
            raise MalformedData("the event has no integer 'seq'")
        type_ = raw.get("type")
        if type_ not in EVENT_TYPES:
            raise MalformedData(f"unknown event type {type_!r}")
        entity = raw.get("entity")
        if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
            raise MalformedData("the event has no 'entity' with an 'id'")
        data = raw.get("data")
        if not isinstance(data, dict):
            raise MalformedData("the event has no 'data' object")
        ts = raw.get("ts")
        if not isinstance(ts, str):
            raise MalformedData("the event has no 'ts'")
        version = entity.get("version", 0)
        return Event(
            seq,
            parse_time(ts, "ts"),
            type_,
            str(entity.get("type", "")),
            entity["id"],
            version if isinstance(version, int) else 0,
            str(raw.get("actor", "")),
            data,
        )
    except MalformedData as exc:
        raise MalformedEvent(
            raw.get("seq", seq_hint) if isinstance(raw, dict) and isinstance(raw.get("seq"), int) else seq_hint,
            str(exc),
        ) from None


def parse_sse_event(event_id: str, event_type: str, data: str) -> Event:
    """An Event from the three fields of a server-sent event."""
    try:
        seq = int(event_id)
    except ValueError:
        raise MalformedEvent(-1, f"the stream sent an event with a bad id {event_id!r}") from None
    try:
        raw = json.loads(data)
    except json.JSONDecodeError as exc:
        raise MalformedEvent(seq, f"bad JSON ({exc.msg} at position {exc.pos})") from None
    event = event_from_dict(raw, seq)
    if event.seq != seq:
        raise MalformedEvent(seq, f"the stream id {seq} and the event's seq {event.seq} differ")
    if event_type and event_type != event.type:
        raise MalformedEvent(seq, f"the stream type {event_type!r} and the event's type {event.type!r} differ")
    return replace(event, wire=data)
