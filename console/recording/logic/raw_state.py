"""The dispatch state as the backend's JSON (a snapshot's shape), kept up to date by raw events.

The recorder keeps one to write checkpoints (a snapshot every few thousand events) so that a replay can
seek anywhere fast: load the checkpoint before the time wanted, apply the events after it. Its rules mirror
`DispatchState`'s; a property test checks that both always agree. Pure Python.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from typing import Any

from console.domain.model import MalformedData, Position, parse, parse_time
from console.domain.state import KEEP_POSTS, PRUNE_EVERY, SNAPSHOT_PARSERS
from dispatch_protocol.events import INCIDENT_DELTAS, incident_after

KINDS = {  # snapshot list → the event data key that carries a whole entity of it
    "incidents": "incident",
    "units": "unit",
    "cameras": "camera",
    "media": "media",
    "bookmarks": "bookmark",
    "social_posts": "post",
    "watch_rules": "rule",
    "social_sources": "source",
}
FAMILY_KIND = {
    "incident": "incidents",
    "bookmark": "bookmarks",
    "watch_rule": "watch_rules",
}
TYPE_KIND = {
    "unit.updated": "units",
    "camera.updated": "cameras",
    "media.added": "media",
    "social.post": "social_posts",
    "social.source": "social_sources",
}


POSITION = functools.partial(parse, Position, where="position")


class RawState:
    """Entities by kind and id, as plain JSON-ready dicts, and the last seq."""

    def __init__(self, trusted_events: bool = False) -> None:
        """`trusted_events`: the events come from a session file, which holds only events the console applied
        (so they need no second check); snapshots are always checked, as the state checks them."""
        self._trusted = trusted_events
        self.seq = 0
        self.entities: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in KINDS}
        self.exercise: dict[str, Any] | None = None

    def load(self, snapshot: dict[str, Any]) -> None:
        self.seq = int(snapshot.get("seq") or 0)
        self.entities = {kind: {} for kind in KINDS}
        exercise = snapshot.get("exercise")
        self.exercise = exercise if isinstance(exercise, dict) else None
        for kind in KINDS:
            for item in snapshot.get(kind) or []:
                if _usable(SNAPSHOT_PARSERS[kind], item):
                    self.entities[kind][item["id"]] = item

    def skip(self, seq: int) -> None:
        """An event the console skipped as malformed: only the seq moves on."""
        if seq == self.seq + 1:
            self.seq = seq

    def apply(self, event: dict[str, Any]) -> None:
        """Apply one event as the console's state would (unusable ones only move the seq on)."""
        seq = event.get("seq")
        if not isinstance(seq, int) or seq <= self.seq:
            return
        self.seq = seq
        type_ = str(event.get("type", ""))
        data = event.get("data") if isinstance(event.get("data"), dict) else {}
        assert isinstance(data, dict)
        entity_id = (event.get("entity") or {}).get("id")
        if type_ == "exercise.updated":
            exercise = data.get("exercise")
            if isinstance(exercise, dict) and isinstance(exercise.get("name"), str):
                self.exercise = exercise
            return
        if type_ == "unit.position":
            unit = self.entities["units"].get(entity_id or "")
            if unit is not None and (self._trusted or _usable(POSITION, data.get("position"))):
                self.entities["units"][unit["id"]] = {**unit, "position": data["position"]}
            return
        if type_ == "unit.positions":
            self._positions(data.get("positions"))
            return
        if type_ in INCIDENT_DELTAS and "incident" not in data:
            held = self.entities["incidents"].get(entity_id or "")
            version = (event.get("entity") or {}).get("version")
            after = incident_after(held, type_, data)
            if (
                held is not None
                and after is not None
                and held.get("version") == (version or 0) - 1
                and (self._trusted or _usable(SNAPSHOT_PARSERS["incidents"], after))
            ):
                self.entities["incidents"][held["id"]] = after
            return
        kind = TYPE_KIND.get(type_) or FAMILY_KIND.get(type_.split(".")[0])
        if kind is None:
            return
        item = data.get(KINDS[kind])
        if not isinstance(item, dict) or not (self._trusted or _usable(SNAPSHOT_PARSERS[kind], item)):
            return
        if type_ == "bookmark.deleted":
            self.entities[kind].pop(item["id"], None)
            return
        created = item["id"] not in self.entities[kind]
        self.entities[kind][item["id"]] = item
        if kind == "social_posts" and created and len(self.entities[kind]) % PRUNE_EVERY == 0:
            ts = event.get("ts")
            self._forget_old_posts((ts if isinstance(ts, datetime) else parse_time(str(ts), "ts")) - KEEP_POSTS)

    def _positions(self, raw: Any) -> None:
        units = self.entities["units"]
        if not isinstance(raw, list):
            return
        moved: dict[str, dict[str, Any]] = {}
        for item in raw:
            if not isinstance(item, dict):
                return
            unit = moved.get(str(item.get("unit_id"))) or units.get(str(item.get("unit_id")))
            if unit is None:
                continue
            if not (self._trusted or _usable(POSITION, item.get("position"))):
                return  # as the state: a malformed batch changes nothing
            moved[unit["id"]] = {**unit, "position": item["position"]}
        units.update(moved)

    def _forget_old_posts(self, before: datetime) -> None:
        """As the console's state does (a long shift must not grow without end)."""
        posts = self.entities["social_posts"]
        for post_id in [
            i for i, p in posts.items() if not p.get("incident_id") and parse_time(p["posted_at"]) < before
        ]:
            del posts[post_id]

    def snapshot(self) -> dict[str, Any]:
        """Snapshot-shaped (the store's reset takes it as it takes the backend's)."""
        out: dict[str, Any] = {"seq": self.seq, "exercise": self.exercise}
        for kind, items in self.entities.items():
            out[kind] = list(items.values())  # entities are replaced, never changed in place: sharing is safe
        return out


def _usable(parse: Callable[[Any], object], item: Any) -> bool:
    if not isinstance(item, dict):
        return False
    try:
        parse(item)
    except (MalformedData, KeyError, TypeError, ValueError):
        return False
    return True
