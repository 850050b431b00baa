"""An incident's story in sentences, from its events (the backend's timeline, then live events)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.domain.events import Event
from console.domain.model import parse_time
from console.domain.priority import priority_label
from console.i18n import N_, tr
from dispatch_protocol.events import incident_after

UNIT_STATUS_WORDS = {
    "Dispatched": N_("dispatched"),
    "EnRoute": N_("en route"),
    "OnScene": N_("on scene"),
    "Transporting": N_("transporting"),
    "Cleared": N_("cleared"),
    "Available": N_("available"),
    "OutofService": N_("out of service"),
}
POST_CHARS = 300
PLATFORM_WORDS = {"rss": N_("the news"), "mastodon": N_("Mastodon"), "demo": N_("social media (demo)")}
UNIT_TYPE_WORDS = {  # the common registry's unit types, as a control room says them
    "PatrolUnit": N_("Patrol car"),
    "RescueUnit": N_("Rescue vehicle"),
    "FireEngine": N_("Fire engine"),
    "AmbulanceUnit": N_("Ambulance"),
}
INCIDENT_STATUS_WORDS = {"new": N_("new"), "active": N_("active"), "closed": N_("closed"), "cancelled": N_("cancelled")}
AGENCY_WORDS = {"police": N_("Police"), "gendarmerie": N_("Gendarmerie"), "fire": N_("Fire"), "ems": N_("EMS")}


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line: when, who, what kind, what. `text` is plain text (escape it before any rich text)."""

    seq: int
    at: datetime
    actor: str
    kind: str
    text: str


def _incident_changes(
    before: dict[str, Any] | None,
    after: dict[str, Any],
    changed: list[str],
    number: Callable[[str], str] = lambda incident_id: incident_id[:8],
) -> list[str]:
    parts: list[str] = []
    if before is None:
        return parts
    if "priority" in changed:
        parts.append(
            tr(
                "priority {priority} → {priority2}",
                priority=priority_label(before["priority"]),
                priority2=priority_label(after["priority"]),
            )
        )
    if "status" in changed:
        was, now = (tr(INCIDENT_STATUS_WORDS.get(x["status"], x["status"])) for x in (before, after))
        parts.append(tr("status {status} → {status2}", status=was, status2=now))
    if "type_code" in changed:
        parts.append(
            tr("type {type_text} → {type_text2}", type_text=before["type_text"], type_text2=after["type_text"])
        )
    if "location" in changed:
        parts.append(
            tr("location → {coordinates}", coordinates=after["location"].get("address_text") or tr("new coordinates"))
        )
    if "major_event_id" in changed:
        parts.append(tr("grouped under a major event") if after.get("major_event_id") else tr("ungrouped"))
    if "linked_incidents" in changed:
        added = [i for i in after.get("linked_incidents") or [] if i not in (before.get("linked_incidents") or [])]
        parts.append(tr("linked with {numbers}", numbers=", ".join(number(i) for i in added)))
    if "merged_into" in changed and after.get("merged_into"):
        parts.append(tr("merged into {number}: its units, media, notes and clips moved there",
                        number=number(after["merged_into"])))  # fmt: skip
    if "merged_from" in changed:
        added = [i for i in after.get("merged_from") or [] if i not in (before.get("merged_from") or [])]
        parts.append(tr("{numbers} merged into this incident", numbers=", ".join(number(i) for i in added)))
    return parts


class TimelineBuilder:
    """Turns events into entries, remembering the last state of the incident and its units to say what changed."""

    def __init__(
        self,
        incident_id: str,
        camera_name: Callable[[str], str] = lambda camera_id: camera_id,
        incident: dict[str, Any] | None = None,
        incident_number: Callable[[str], str] = lambda incident_id: incident_id[:8],
    ) -> None:
        """`camera_name` says a camera's name from its id (the store knows them); `incident`: its state before
        the first event added, when that is not its creation (a recording that starts with it open)."""
        self.incident_id = incident_id
        self._camera_name = camera_name
        self._incident_number = incident_number
        self.entries: list[TimelineEntry] = []
        self._incident: dict[str, Any] | None = incident
        self._unit_status: dict[str, str] = {}
        self._seen: set[int] = set()
        self._invite_states: dict[str, str] = {}
        self._caller_located = False
        self._live_states: dict[str, str | None] = {}

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
        if event.type == "invite.updated":
            return (data.get("invite") or {}).get("incident_id") == self.incident_id
        if event.type == "suggestion.dismissed":
            return (data.get("dismissal") or {}).get("incident_id") == self.incident_id
        if event.type == "caller.position":
            return (data.get("position") or {}).get("incident_id") == self.incident_id
        if event.type == "camera.updated":
            return (data.get("camera") or {}).get("incident_id") == self.incident_id
        return False

    def _describe(self, event: Event) -> TimelineEntry | None:
        data = event.data
        text, kind = None, event.type.split(".")[0]
        if event.type == "incident.created":
            inc = data["incident"]
            text = tr(
                "Created: {type_text}, {priority}, at {place}",
                type_text=inc["type_text"],
                priority=priority_label(inc["priority"]),
                place=inc["location"].get("address_text") or tr("a point on the map"),
            )
            self._incident = inc
        elif event.type == "incident.note_added":
            text, kind = tr("Note: {text}", text=data["note"]["text"]), "note"
            self._incident = incident_after(self._incident, event.type, data)
        elif event.type in ("incident.updated", "incident.closed"):
            inc, changed = incident_after(self._incident, event.type, data) or {}, list(data.get("changed") or [])
            parts = _incident_changes(self._incident, inc, changed, self._incident_number)
            if request := data.get("agency_request"):
                kind = "agency"
                parts.insert(
                    0,
                    tr(
                        "{agency} requested: {reason}",
                        agency=tr(AGENCY_WORDS.get(request["agency"], request["agency"])),
                        reason=request["reason"],
                    ),
                )
            elif "status_common" in changed and not parts:
                self._incident = inc
                return None
            if event.type == "incident.closed":
                parts = [p for p in parts if not p.startswith("status")] or []
                parts.insert(0, tr("Closed"))
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
            text, kind = f"{unit['callsign']} {tr(UNIT_STATUS_WORDS.get(status, status))}", "unit"
        elif event.type == "media.added":
            media = data["media"]
            what = {"photo": "Photo", "video": "Video", "audio": "Audio", "text": "Text message"}.get(
                media["kind"], media["kind"]
            )
            text = tr("{what} received from {source}", what=what, source=media.get("source") or tr("an unknown source"))
            if media.get("text"):
                text += f": {media['text']}"
            kind = "media"
        elif event.type.startswith("bookmark."):
            text, kind = _describe_clip(event.type, data["bookmark"], self._camera_name), "clip"
        elif event.type == "social.post" and (data["post"].get("link") or {}).get("sha256"):
            text, kind = _describe_post(data["post"]), "social"
        elif event.type == "invite.updated":
            text, kind = _describe_invite(data["invite"], self._invite_states), "caller"
        elif event.type == "suggestion.dismissed":
            text, kind = tr("A suggested post was dismissed: not about this incident"), "social"
        elif event.type == "caller.position":
            text, kind = _describe_caller_position(data["position"], self._caller_located), "caller"
            self._caller_located = True
        elif event.type == "camera.updated" and (data.get("camera") or {}).get("kind") == "caller":
            camera = data["camera"]
            if self._live_states.get(camera["id"]) == camera.get("status"):
                return None
            self._live_states[camera["id"]] = camera.get("status")
            if camera.get("status") == "live":
                text = tr("The caller is showing live video: “{name}” is on the video wall's list", name=camera["name"])
            else:
                text = tr("The caller's live video ended")
            kind = "caller"
        if text is None:
            return None
        return TimelineEntry(event.seq, event.ts, event.actor, kind, text)


INVITE_SENT_WORDS = {"sms": N_("by SMS"), "webhook": N_("by the SMS gateway"), "log": N_("(demo: not sent)")}


def _describe_invite(invite: dict[str, Any], seen: dict[str, str]) -> str | None:
    """A link for the caller: made (and how it went), first used, revoked, expired; each said once."""
    state, ref = str(invite.get("state")), str(invite.get("ref"))
    said = f"{state}:{invite.get('sent_by') or ''}"
    if seen.get(ref) == said:
        return None
    seen[ref] = said
    until = parse_time(invite["expires_at"]).astimezone()
    number = invite.get("number") or ""
    if state == "open" and invite.get("sent_by"):
        how = tr(INVITE_SENT_WORDS.get(invite["sent_by"], invite["sent_by"]))
        return tr("Link for pictures sent to {number} {how}, valid until {until:%H:%M}", number=number, how=how,
                  until=until)  # fmt: skip
    if state == "open":
        return tr("Link for pictures made for the caller, valid until {until:%H:%M}", until=until)
    if state == "used":
        return tr("The caller opened the link and sent something")
    if state == "revoked":
        return tr("Link for pictures closed by the centre")
    if state == "expired":
        return tr("Link for pictures expired")
    return None


def _describe_caller_position(position: dict[str, Any], before: bool) -> str | None:
    accuracy = position.get("accuracy_m")
    within = tr(" (within {metres:.0f} m)", metres=accuracy) if accuracy is not None else ""
    if before:
        return tr("The caller's phone moved{within}", within=within)
    return tr("The caller's phone shared its position{within}", within=within)


def _describe_clip(type_: str, bookmark: dict[str, Any], camera_name: Callable[[str], str]) -> str:
    """A clip tagged to the incident, in the timeline's words (times as the operator's clock shows them)."""
    start, end = parse_time(bookmark["start"]), parse_time(bookmark["end"])
    span = f"{start.astimezone():%H:%M:%S}–{end.astimezone():%H:%M:%S} ({(end - start).total_seconds():.0f} s)"
    source = camera_name(bookmark["camera_id"]) if bookmark.get("camera_id") else tr("a video")
    labels = f" [{', '.join(bookmark['labels'])}]" if bookmark.get("labels") else ""
    if type_ == "bookmark.created":
        note = f": {bookmark['note']}" if bookmark.get("note") else ""
        return tr("Clip tagged, {source} {span}{labels}{note}", source=source, span=span, labels=labels, note=note)
    if type_ == "bookmark.locked":
        lock = bookmark.get("lock") or {}
        return tr(
            "Clip {span} locked as evidence by {by}: {reason}", span=span, by=lock.get("by"), reason=lock.get("reason")
        )
    if type_ == "bookmark.deleted":
        return tr("Clip {span} removed", span=span)
    return tr("Clip {span} changed{labels}", span=span, labels=labels)


def _describe_post(post: dict[str, Any]) -> str:
    """A post kept with the incident: who wrote it where and when, its text, and the hash it was kept with."""
    posted = parse_time(post["posted_at"]).astimezone()
    where = tr(PLATFORM_WORDS.get(post["platform"], post["platform"]))
    text = " ".join(str(post.get("text") or "").split())
    if len(text) > POST_CHARS:
        text = text[:POST_CHARS] + "…"
    return tr(
        "Social post linked: {author} on {where} at {posted:%H:%M}: «{text}» (sha256 {sha256}…)",
        author=post.get("author") or tr("unknown author"),
        where=where,
        posted=posted,
        text=text,
        sha256=post["link"]["sha256"][:16],
    )
