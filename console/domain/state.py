"""The dispatch state the console holds, and how events change it. Pure Python: tested without Qt.

Events are applied strictly in `seq` order: a seq already applied is ignored, a seq beyond the next one
is a gap that the caller fills (catch-up) before going on.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from pydantic import ValidationError

from console.domain.events import Event, MalformedEvent
from console.domain.model import (
    BaseMap,
    Bookmark,
    CallerInvite,
    CallerPosition,
    Camera,
    Incident,
    IncidentType,
    MalformedData,
    MediaItem,
    Note,
    Position,
    Sector,
    Track,
    Unit,
    invalid_reason,
    parse,
)
from console.domain.social import SocialPost, SocialSource, WatchRuleRecord
from dispatch_protocol.events import INCIDENT_DELTAS, IncidentChanges, Tracks, UnitPositions

log = logging.getLogger("console.store")


class _OutOfStep(Exception):
    """A delta that cannot apply to what the state holds."""


SNAPSHOT_PARSERS: dict[str, Callable[[Any], Any]] = {
    "incidents": functools.partial(parse, Incident, where="incident"),
    "units": functools.partial(parse, Unit, where="unit"),
    "cameras": functools.partial(parse, Camera, where="camera"),
    "media": functools.partial(parse, MediaItem, where="media"),
    "bookmarks": functools.partial(parse, Bookmark, where="bookmark"),
    "social_posts": functools.partial(parse, SocialPost, where="post"),
    "watch_rules": functools.partial(parse, WatchRuleRecord, where="watch_rule"),
    "social_sources": functools.partial(parse, SocialSource, where="social_source"),
    "sectors": functools.partial(parse, Sector, where="sector"),
    "incident_types": functools.partial(parse, IncidentType, where="incident_type"),
}
"""Each entity list of a snapshot (the state's attribute of the same name) and how its items are read."""
KEEP_POSTS = timedelta(hours=25)  # the social watch charts 24 hours
PRUNE_EVERY = 1000


class Outcome(Enum):
    """What happened to an event handed to the state."""

    APPLIED = "applied"
    DUPLICATE = "duplicate"
    GAP = "gap"
    SKIPPED = "skipped"
    RESYNC = "resync"
    """A delta that does not follow what is held (an incident's version skipped): reload the snapshot."""


@dataclass(frozen=True, slots=True)
class Change:
    """One entity that an event changed: `kind` is incident, unit, camera or media."""

    kind: str
    id: str
    created: bool = False


@dataclass(frozen=True, slots=True)
class ApplyResult:
    outcome: Outcome
    changes: tuple[Change, ...] = ()


@dataclass
class DispatchState:
    """Incidents, units, cameras and media by id, and the last seq applied."""

    last_seq: int = 0
    incidents: dict[str, Incident] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    cameras: dict[str, Camera] = field(default_factory=dict)
    media: dict[str, MediaItem] = field(default_factory=dict)
    bookmarks: dict[str, Bookmark] = field(default_factory=dict)
    social_posts: dict[str, SocialPost] = field(default_factory=dict)
    watch_rules: dict[str, WatchRuleRecord] = field(default_factory=dict)
    social_sources: dict[str, SocialSource] = field(default_factory=dict)
    sectors: dict[str, Sector] = field(default_factory=dict)
    incident_types: dict[str, IncidentType] = field(default_factory=dict)
    base_map: BaseMap | None = None  # the centre's base map, as dispatchd serves it
    exercise: dict[str, Any] | None = None  # the training exercise the backend plays, if any
    tracks: dict[str, Track] = field(default_factory=dict)  # TAK tracks of no unit, by uid (stale ones kept)
    links: dict[str, dict[str, Any]] = field(default_factory=dict)  # the backend's links (TAK) and their state
    warnings: dict[str, dict[str, Any]] = field(default_factory=dict)  # CAP messages by identifier
    invites: dict[str, CallerInvite] = field(default_factory=dict)  # links given to callers, by ref
    caller_positions: dict[str, CallerPosition] = field(default_factory=dict)  # by incident id: the newest
    others: dict[str, dict[str, Any]] = field(default_factory=dict)  # alerts… until modelled

    def load_snapshot(self, snapshot: Mapping[str, Any]) -> list[str]:
        """Replace everything with a snapshot; returns the problems found (bad entities are skipped)."""
        problems: list[str] = []
        seq = snapshot.get("seq")
        if not isinstance(seq, int):
            raise MalformedData("the snapshot has no integer 'seq'")

        def load(key: str, parse: Any) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for raw in snapshot.get(key) or []:
                try:
                    item = parse(raw)
                except MalformedData as exc:
                    problems.append(f"{key}: {exc}")
                    continue
                if not getattr(item, "retired", False) or key in ("sectors", "incident_types"):
                    out[item.id] = item
            return out

        for key, reader in SNAPSHOT_PARSERS.items():
            setattr(self, key, load(key, reader))
        exercise = snapshot.get("exercise")
        self.exercise = exercise if isinstance(exercise, dict) else None
        try:
            self.base_map = parse(BaseMap, snapshot["map"], "map") if snapshot.get("map") else None
        except MalformedData as exc:
            problems.append(f"map: {exc}")
            self.base_map = None

        def keyed(key: str, model: Any, what: str, key_of: Callable[[Any], str]) -> dict[str, Any]:
            """A list of the snapshot by its own key (tracks by uid, positions by incident…), bad ones skipped."""
            out: dict[str, Any] = {}
            for raw in snapshot.get(key) or []:
                try:
                    item = parse(model, raw, what)
                except MalformedData as exc:
                    problems.append(f"{key}: {exc}")
                    continue
                out[key_of(item)] = item
            return out

        self.tracks = keyed("tracks", Track, "track", lambda t: t.uid)
        self.links = {
            link["name"]: link for link in snapshot.get("links") or [] if isinstance(link, dict) and "name" in link
        }
        self.warnings = {
            w["identifier"]: w
            for w in snapshot.get("warnings") or []
            if isinstance(w, dict) and isinstance(w.get("identifier"), str) and isinstance(w.get("warning_id"), str)
        }
        self.invites = keyed("invites", CallerInvite, "invite", lambda i: i.ref)
        self.caller_positions = keyed("caller_positions", CallerPosition, "caller position", lambda p: p.incident_id)
        self.others = {}
        self.last_seq = seq
        return problems

    def _forget_old_posts(self, before: datetime) -> None:
        """Posts published before `before` go (a long shift must not grow without end), unless linked."""
        old = [p.id for p in self.social_posts.values() if p.posted_at < before and p.incident_id is None]
        for post_id in old:
            del self.social_posts[post_id]

    def check_order(self, seq: int) -> Outcome | None:
        """DUPLICATE or GAP for a seq that cannot be applied now, None for the next one."""
        if seq <= self.last_seq:
            return Outcome.DUPLICATE
        if seq > self.last_seq + 1:
            return Outcome.GAP
        return None

    def skip(self, error: MalformedEvent) -> Outcome:
        """Pass over a malformed event in its place in the order."""
        order = self.check_order(error.seq)
        if order is not None:
            return order
        self.last_seq = error.seq
        return Outcome.SKIPPED

    def apply(self, event: Event) -> ApplyResult:
        """Apply the next event; raises MalformedEvent (state unchanged) when its data is unusable."""
        order = self.check_order(event.seq)
        if order is not None:
            return ApplyResult(order)
        try:
            changes = self._changes_for(event)
        except MalformedData as exc:
            raise MalformedEvent(event.seq, str(exc)) from None
        except _OutOfStep as exc:
            log.warning("event %d: %s; the state is reloaded", event.seq, exc)
            return ApplyResult(Outcome.RESYNC)
        self.last_seq = event.seq
        return ApplyResult(Outcome.APPLIED, changes)

    def _positions(self, raw: Any) -> tuple[Change, ...]:
        """A batch of positions; those of units this console does not hold (retired, not yet known) are left.
        The batch is validated in one call (a gateway's batch holds hundreds), all or nothing."""
        if not isinstance(raw, list):
            raise MalformedData("unit.positions has no list of positions")
        try:
            batch = UnitPositions.model_validate(raw).root
        except ValidationError as exc:
            raise MalformedData(invalid_reason(exc, "positions")) from None
        moved: dict[str, Unit] = {}
        for item in batch:
            held = moved.get(item.unit_id) or self.units.get(item.unit_id)
            if held is not None:
                moved[held.id] = held.with_position(item.position)
        self.units.update(moved)
        return tuple(Change("unit", unit_id) for unit_id in moved)

    def _incident_delta(self, event: Event) -> Incident:
        """The held incident with the event's changes (and note) applied; its version must be the one before."""
        held = self.incidents.get(event.entity_id)
        if held is None or held.version != event.entity_version - 1:
            had = "nothing" if held is None else f"version {held.version}"
            raise _OutOfStep(
                f"{event.type} makes incident {event.entity_id} version {event.entity_version}; held {had}"
            )
        parsed = parse(IncidentChanges, event.data.get("changes"), "changes")
        update = {name: getattr(parsed, name) for name in parsed.model_fields_set}
        if event.type == "incident.note_added":
            update["notes"] = (*held.notes, parse(Note, event.data.get("note"), "note"))
        return held.model_copy(update=update)

    def _changes_for(self, event: Event) -> tuple[Change, ...]:
        family = event.type.split(".")[0]
        data = event.data
        if family == "incident":
            if "incident" in data or event.type not in INCIDENT_DELTAS:  # created (or a recording's old form)
                incident = parse(Incident, data.get("incident"), "incident")
            else:
                incident = self._incident_delta(event)
            created = incident.id not in self.incidents
            self.incidents[incident.id] = incident
            return (Change("incident", incident.id, created),)
        if event.type == "unit.updated":
            unit = parse(Unit, data.get("unit"), "unit")
            if unit.retired:  # out of the fleet: shown nowhere (the incidents keep its id)
                self.units.pop(unit.id, None)
                return (Change("unit", unit.id),)
            created = unit.id not in self.units
            self.units[unit.id] = unit
            return (Change("unit", unit.id, created),)
        if event.type == "unit.position":
            existing = self.units.get(event.entity_id)
            if existing is None:
                raise MalformedData(f"position for unknown unit {event.entity_id!r}")
            self.units[existing.id] = existing.with_position(parse(Position, data.get("position"), "position"))
            return (Change("unit", existing.id),)
        if event.type == "unit.positions":
            return self._positions(data.get("positions"))
        if event.type == "camera.updated":
            camera = parse(Camera, data.get("camera"), "camera")
            if camera.retired:
                self.cameras.pop(camera.id, None)
                return (Change("camera", camera.id),)
            created = camera.id not in self.cameras
            self.cameras[camera.id] = camera
            return (Change("camera", camera.id, created),)
        if event.type == "media.added":
            item = parse(MediaItem, data.get("media"), "media")
            self.media[item.id] = item
            return (Change("media", item.id, True),)
        if family == "bookmark":
            bookmark = parse(Bookmark, data.get("bookmark"), "bookmark")
            if event.type == "bookmark.deleted":
                self.bookmarks.pop(bookmark.id, None)
                return (Change("bookmark", bookmark.id),)
            created = bookmark.id not in self.bookmarks
            self.bookmarks[bookmark.id] = bookmark
            return (Change("bookmark", bookmark.id, created),)
        if event.type == "social.post":
            post = parse(SocialPost, data.get("post"), "post")
            created = post.id not in self.social_posts
            self.social_posts[post.id] = post
            if created and len(self.social_posts) % PRUNE_EVERY == 0:
                self._forget_old_posts(event.ts - KEEP_POSTS)
            return (Change("social_post", post.id, created),)
        if family == "watch_rule":
            rule = parse(WatchRuleRecord, data.get("rule"), "watch_rule")
            self.watch_rules[rule.id] = rule
            return (Change("watch_rule", rule.id),)
        if event.type == "social.source":
            source = parse(SocialSource, data.get("source"), "social_source")
            self.social_sources[source.id] = source
            return (Change("social_source", source.id),)
        if event.type == "sector.updated":
            sector = parse(Sector, data.get("sector"), "sector")
            self.sectors[sector.id] = sector
            return (Change("sector", sector.id),)
        if event.type == "incident_type.updated":
            itype = parse(IncidentType, data.get("incident_type"), "incident_type")
            self.incident_types[itype.code] = itype
            return (Change("incident_type", itype.code),)
        if event.type == "map.updated":
            self.base_map = parse(BaseMap, data.get("map"), "map")
            return (Change("map", self.base_map.id),)
        if event.type == "exercise.updated":
            exercise = data.get("exercise")
            if not isinstance(exercise, dict) or not isinstance(exercise.get("name"), str):
                raise MalformedData("exercise.updated has no exercise with a name")
            self.exercise = exercise
            return (Change("exercise", event.entity_id),)
        if event.type == "track.seen":
            try:
                tracks = Tracks.model_validate(data.get("tracks")).root
            except ValidationError as exc:
                raise MalformedData(invalid_reason(exc, "tracks")) from None
            self.tracks.update((track.uid, track) for track in tracks)
            return tuple(Change("track", track.uid) for track in tracks)
        if event.type == "track.mapped":
            self.tracks.pop(event.entity_id, None)
            return (Change("track", event.entity_id),)
        if event.type == "link.status":
            link = data.get("link")
            if not isinstance(link, dict) or not isinstance(link.get("state"), str):
                raise MalformedData("link.status has no link with a state")
            self.links[event.entity_id] = link
            return (Change("link", event.entity_id),)
        if event.type == "cap.alert":
            alert = data.get("alert")
            if not isinstance(alert, dict) or not isinstance(alert.get("warning_id"), str):
                raise MalformedData("cap.alert has no warning")
            self.warnings[event.entity_id] = alert
            return (Change("warning", alert.get("incident_id") or ""),)
        if event.type == "invite.updated":
            invite = parse(CallerInvite, data.get("invite"), "invite")
            self.invites[invite.ref] = invite
            return (Change("invite", invite.incident_id),)
        if event.type == "caller.position":
            position = parse(CallerPosition, data.get("position"), "caller position")
            self.caller_positions[position.incident_id] = position
            return (Change("caller", position.incident_id),)
        # Known types whose panels come with later capabilities (alerts): kept as data.
        self.others[f"{event.type}:{event.entity_id}"] = data
        return (Change(family, event.entity_id),)
