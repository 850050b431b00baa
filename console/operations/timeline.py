"""An incident's story in sentences, from its events (the backend's timeline, then live events)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.domain.events import Event
from console.domain.model import parse_time
from console.domain.priority import priority_label

UNIT_STATUS_WORDS = {
    "Dispatched": "dispatched",
    "EnRoute": "en route",
    "OnScene": "on scene",
    "Transporting": "transporting",
    "Cleared": "cleared",
    "Available": "available",
    "OutofService": "out of service",
}
POST_CHARS = 300
PLATFORM_WORDS = {"rss": "the news", "mastodon": "Mastodon", "demo": "social media (demo)"}
AGENCY_WORDS = {"police": "Police", "gendarmerie": "Gendarmerie", "fire": "Fire", "ems": "EMS"}


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line: when, who, what kind, what. `text` is plain text (escape it before any rich text)."""

    seq: int
    at: datetime
    actor: str
    kind: str
    text: str


def _incident_changes(before: dict[str, Any] | None, after: dict[str, Any], changed: list[str]) -> list[str]:
    parts: list[str] = []
    if before is None:
        return parts
    if "priority" in changed:
        parts.append(f"priority {priority_label(before['priority'])} → {priority_label(after['priority'])}")
    if "status" in changed:
        parts.append(f"status {before['status']} → {after['status']}")
    if "type_code" in changed:
        parts.append(f"type {before['type_text']} → {after['type_text']}")
    if "location" in changed:
        parts.append(f"location → {after['location'].get('address_text') or 'new coordinates'}")
    if "major_event_id" in changed:
        parts.append("grouped under a major event" if after.get("major_event_id") else "ungrouped")
    return parts


class TimelineBuilder:
    """Turns events into entries, remembering the last state of the incident and its units to say what changed."""

    def __init__(self, incident_id: str, camera_name: Callable[[str], str] = lambda camera_id: camera_id) -> None:
        """`camera_name` says a camera's name from its id (the store knows them)."""
        self.incident_id = incident_id
        self._camera_name = camera_name
        self.entries: list[TimelineEntry] = []
        self._incident: dict[str, Any] | None = None
        self._unit_status: dict[str, str] = {}
        self._seen: set[int] = set()

    def add(self, event: Event) -> TimelineEntry | None:
        """Add one event (duplicates ignored); returns the new entry when it said something."""
        if event.seq in self._seen:
            return None
        self._seen.add(event.seq)
        entry = self._describe(event)
        if entry is not None:
            self.entries.append(entry)
            self.entries.sort(key=lambda e: e.seq)
        return entry

    def concerns(self, event: Event) -> bool:
        """Whether a live event belongs to this incident's story."""
        data = event.data
        if event.type.startswith("incident."):
            return event.entity_id == self.incident_id
        if event.type == "unit.updated":
            unit = data.get("unit") or {}
            return unit.get("incident_id") == self.incident_id or event.entity_id in self._unit_status
        if event.type == "media.added":
            return (data.get("media") or {}).get("incident_id") == self.incident_id
        if event.type.startswith("bookmark."):
            return (data.get("bookmark") or {}).get("incident_id") == self.incident_id
        if event.type == "social.post":
            return (data.get("post") or {}).get("incident_id") == self.incident_id
        return False

    def _describe(self, event: Event) -> TimelineEntry | None:
        data = event.data
        text, kind = None, event.type.split(".")[0]
        if event.type == "incident.created":
            inc = data["incident"]
            text = (
                f"Created: {inc['type_text']}, {priority_label(inc['priority'])}, at "
                f"{inc['location'].get('address_text') or 'a point on the map'}"
            )
            self._incident = inc
        elif event.type == "incident.note_added":
            text, kind = f"Note: {data['note']['text']}", "note"
            self._incident = data["incident"]
        elif event.type in ("incident.updated", "incident.closed"):
            inc, changed = data["incident"], list(data.get("changed") or [])
            parts = _incident_changes(self._incident, inc, changed)
            if request := data.get("agency_request"):
                kind = "agency"
                parts.insert(
                    0, f"{AGENCY_WORDS.get(request['agency'], request['agency'])} requested: {request['reason']}"
                )
            elif "status_common" in changed and not parts:
                self._incident = inc
                return None
            if event.type == "incident.closed":
                parts = [p for p in parts if not p.startswith("status")] or []
                parts.insert(0, "Closed")
            if not parts:
                self._incident = inc
                return None
            text = "; ".join(parts)
            self._incident = inc
        elif event.type == "unit.updated":
            unit = data["unit"]
            status = unit["secondary_status"]
            if self._unit_status.get(unit["id"]) == status:
                return None
            self._unit_status[unit["id"]] = status
            text, kind = f"{unit['callsign']} {UNIT_STATUS_WORDS.get(status, status)}", "unit"
        elif event.type == "media.added":
            media = data["media"]
            what = {"photo": "Photo", "video": "Video", "audio": "Audio", "text": "Text message"}.get(
                media["kind"], media["kind"]
            )
            text = f"{what} received from {media.get('source', 'unknown')}"
            if media.get("text"):
                text += f": {media['text']}"
            kind = "media"
        elif event.type.startswith("bookmark."):
            text, kind = _describe_clip(event.type, data["bookmark"], self._camera_name), "clip"
        elif event.type == "social.post" and (data["post"].get("link") or {}).get("sha256"):
            text, kind = _describe_post(data["post"]), "social"
        if text is None:
            return None
        return TimelineEntry(event.seq, event.ts, event.actor, kind, text)


def _describe_clip(type_: str, bookmark: dict[str, Any], camera_name: Callable[[str], str]) -> str:
    """A clip tagged to the incident, in the timeline's words (times as the operator's clock shows them)."""
    start, end = parse_time(bookmark["start"]), parse_time(bookmark["end"])
    span = f"{start.astimezone():%H:%M:%S}–{end.astimezone():%H:%M:%S} ({(end - start).total_seconds():.0f} s)"
    source = camera_name(bookmark["camera_id"]) if bookmark.get("camera_id") else "a video"
    labels = f" [{', '.join(bookmark['labels'])}]" if bookmark.get("labels") else ""
    if type_ == "bookmark.created":
        note = f": {bookmark['note']}" if bookmark.get("note") else ""
        return f"Clip tagged, {source} {span}{labels}{note}"
    if type_ == "bookmark.locked":
        lock = bookmark.get("lock") or {}
        return f"Clip {span} locked as evidence by {lock.get('by')}: {lock.get('reason')}"
    if type_ == "bookmark.deleted":
        return f"Clip {span} removed"
    return f"Clip {span} changed{labels}"


def _describe_post(post: dict[str, Any]) -> str:
    """A post kept with the incident: who wrote it where and when, its text, and the hash it was kept with."""
    posted = parse_time(post["posted_at"]).astimezone()
    where = PLATFORM_WORDS.get(post["platform"], post["platform"])
    text = " ".join(str(post.get("text") or "").split())
    if len(text) > POST_CHARS:
        text = text[:POST_CHARS] + "…"
    return (
        f"Social post linked: {post.get('author') or 'unknown author'} on {where} at {posted:%H:%M}: «{text}» "
        f"(sha256 {post['link']['sha256'][:16]}…)"
    )
