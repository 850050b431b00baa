"""Operator commands: the views ask, the backend decides, the result comes back as events.

Every command goes through the Outbox with an Idempotency-Key; a refusal reaches the operator as the
backend's own sentence through `on_error`, never as a traceback. Commands that a double click or an
impatient retry could repeat (assign, unassign, unit status) take a key derived from what they do and the
version they were made against: the repeat carries the same key and is applied once.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel, ValidationError

from console.backend.outbox import Outbox
from console.backend.outbox_file import OutboxEntry
from console.domain.clip_range import ClipRange
from console.domain.model import Bookmark, Incident, Unit, invalid_reason
from console.domain.social import SocialPost, WatchRuleRecord
from console.i18n import N_, tr
from dispatch_protocol.commands import (
    AccountSave,
    AgencyRequestCreate,
    AssignmentCreate,
    BookmarkCreate,
    BookmarkLock,
    CallerInviteCreate,
    CapWarningSave,
    IncidentCreate,
    IncidentLinkCreate,
    IncidentMerge,
    IncidentPatch,
    NoteCreate,
    PostLinkCreate,
    TrackMapping,
    UnitPatch,
    WatchRuleCreate,
    WatchRuleUpdate,
)

AGENCY_NAMES = {"police": N_("police"), "gendarmerie": N_("gendarmerie"), "fire": N_("fire brigade"), "ems": N_("EMS")}


def _blanked(body: Any) -> Any:
    """The body with its passwords (and logins) replaced, for what records commands."""
    if isinstance(body, dict):
        return {k: "(given)" if k in ("password", "credentials") and v else _blanked(v) for k, v in body.items()}
    return body


class Commands:
    """The operator's actions on incidents and units."""

    def __init__(self, on_error: Callable[[str], None]) -> None:
        self._outbox: Outbox | None = None
        self._on_error = on_error
        self.read_only = False
        self.sent_listeners: list[Callable[[OutboxEntry], None]] = []
        """Told of every command handed to the outbox (the session recorder)."""

    def attach(self, outbox: Outbox) -> None:
        self._outbox = outbox

    def _send(
        self,
        description: str,
        method: str,
        path: str,
        body: tuple[type[BaseModel], dict[str, Any]] | None,
        if_match: int | None = None,
        key: str | None = None,
        secret: bool = False,
    ) -> asyncio.Future[Any] | None:
        """`secret`: the body carries a password, which no file and no recording may hold (the outbox keeps it in
        memory only; the recorder gets it blanked).

        `body`: the contract's model of the command (`dispatch_protocol.commands`) and its fields, checked
        here: a command the backend could only refuse is refused now, with the field named, and never queued."""
        payload = None
        if body is not None:
            model, fields = body
            try:
                payload = model.model_validate(fields).model_dump(mode="json", exclude_unset=True)
            except ValidationError as exc:
                reason = invalid_reason(exc, model.__name__)
                self._on_error(tr("Could not {description}: {reason}", description=description, reason=reason))
                return None
        if self.read_only:
            self._on_error(tr("Could not {description}: commands are disabled in this mode.", description=description))
            return None
        if self._outbox is None:
            self._on_error(
                tr("Could not {description}: not connected to a dispatch backend yet.", description=description)
            )
            return None
        entry = OutboxEntry(
            key=key or str(uuid.uuid4()),
            method=method,
            path=path,
            body=payload,
            description=description,
            if_match=if_match,
            created_at=datetime.now(UTC).isoformat(),
            secret=secret,
        )
        told = replace(entry, body=_blanked(payload)) if secret else entry
        for listener in self.sent_listeners:
            listener(told)
        return self._outbox.submit(entry)

    # --- incidents -------------------------------------------------------------------------
    def create_incident(self, payload: dict[str, Any]) -> asyncio.Future[Any] | None:
        return self._send(
            tr("create the incident ({type_code})", type_code=payload.get("type_code")),
            "POST",
            "/incidents",
            (IncidentCreate, payload),
        )

    def _patch(self, incident: Incident, what: str, changes: dict[str, Any]) -> asyncio.Future[Any] | None:
        return self._send(
            tr("{what} of {number}", what=what, number=incident.number),
            "PATCH",
            f"/incidents/{incident.id}",
            (IncidentPatch, changes),
            incident.version,
        )

    def set_priority(self, incident: Incident, priority: int) -> asyncio.Future[Any] | None:
        return self._patch(incident, tr("change the priority"), {"priority": priority})

    def set_status(self, incident: Incident, status: str) -> asyncio.Future[Any] | None:
        return self._patch(incident, tr("change the status"), {"status": status})

    def set_type(self, incident: Incident, type_code: str) -> asyncio.Future[Any] | None:
        return self._patch(incident, tr("change the type"), {"type_code": type_code})

    def set_major_event(self, incident: Incident, major_event_id: str | None) -> asyncio.Future[Any] | None:
        return self._patch(incident, tr("change the major event"), {"major_event_id": major_event_id})

    def close_incident(self, incident: Incident) -> asyncio.Future[Any] | None:
        return self._send(
            tr("close {number}", number=incident.number),
            "PATCH",
            f"/incidents/{incident.id}",
            (IncidentPatch, {"status": "closed"}),
            incident.version,
        )

    def add_note(self, incident: Incident, text: str) -> asyncio.Future[Any] | None:
        return self._send(
            tr("add a note to {number}", number=incident.number),
            "POST",
            f"/incidents/{incident.id}/notes",
            (NoteCreate, {"text": text}),
        )

    def request_agency(self, incident: Incident, agency: str, reason: str) -> asyncio.Future[Any] | None:
        return self._send(
            tr("request the {agency} on {number}", agency=tr(AGENCY_NAMES.get(agency, agency)), number=incident.number),
            "POST",
            f"/incidents/{incident.id}/agency-requests",
            (AgencyRequestCreate, {"agency": agency, "reason": reason}),
        )

    # --- dispatch --------------------------------------------------------------------------
    def assign(self, incident: Incident, unit: Unit) -> asyncio.Future[Any] | None:
        return self._send(
            tr("send {callsign} to {number}", callsign=unit.callsign, number=incident.number),
            "POST",
            f"/incidents/{incident.id}/assignments",
            (AssignmentCreate, {"unit_id": unit.id}),
            key=f"assign:{incident.id}:{unit.id}:v{incident.version}",
        )

    def unassign(self, incident: Incident, unit: Unit) -> asyncio.Future[Any] | None:
        return self._send(
            tr("take {callsign} off {number}", callsign=unit.callsign, number=incident.number),
            "DELETE",
            f"/incidents/{incident.id}/assignments/{unit.id}",
            None,
            key=f"unassign:{incident.id}:{unit.id}:v{incident.version}",
        )

    def set_unit_status(self, unit: Unit, status: str) -> asyncio.Future[Any] | None:
        return self._send(
            tr("set {callsign} {status}", callsign=unit.callsign, status=status),
            "PATCH",
            f"/units/{unit.id}",
            (UnitPatch, {"secondary_status": status}),
            unit.version,
            key=f"unit-status:{unit.id}:{status}:v{unit.version}",
        )

    # --- evidence ------------------------------------------------------------------------------
    def tag_clip(
        self,
        incident: Incident,
        source: tuple[str, str],
        clip: ClipRange,
        labels: list[str],
        note: str,
    ) -> asyncio.Future[Any] | None:
        """Tag a clip of a camera (`("camera", id)`) or a video (`("media", id)`) to an incident. Its key is
        fixed when it is queued: made offline, it is sent once when the backend is back, even after a restart."""
        start, end = clip.rfc3339()
        kind, source_id = source
        body = {"incident_id": incident.id, f"{kind}_id": source_id, "start": start, "end": end, "labels": labels}
        return self._send(
            tr("tag {seconds:.0f} s of video to {number}", seconds=clip.seconds, number=incident.number),
            "POST",
            "/bookmarks",
            (BookmarkCreate, {**body, "note": note}),
        )

    def lock_clip(self, bookmark: Bookmark, reason: str) -> asyncio.Future[Any] | None:
        return self._send(
            tr("lock the clip as evidence"),
            "POST",
            f"/bookmarks/{bookmark.id}/lock",
            (BookmarkLock, {"reason": reason}),
            key=f"lock:{bookmark.id}:v{bookmark.version}",
        )

    # --- social watch ----------------------------------------------------------------------
    def link_post(self, post: SocialPost, incident: Incident) -> asyncio.Future[Any] | None:
        """Keep a post with an incident (once, however often it is clicked)."""
        return self._send(
            tr(
                "link the post by {author} to {number}",
                author=post.author or tr("an unknown author"),
                number=incident.number,
            ),
            "POST",
            f"/social/posts/{post.id}/link",
            (PostLinkCreate, {"incident_id": incident.id}),
            key=f"link-post:{post.id}:{incident.id}",
        )

    def create_watch_rule(self, body: dict[str, Any]) -> asyncio.Future[Any] | None:
        return self._send(
            tr("create the watch rule {name!r}", name=body.get("name")), "POST", "/watch-rules", (WatchRuleCreate, body)
        )

    def update_watch_rule(self, rule: WatchRuleRecord, body: dict[str, Any]) -> asyncio.Future[Any] | None:
        return self._send(
            tr("change the watch rule {name!r}", name=rule.name),
            "PATCH",
            f"/watch-rules/{rule.id}",
            (WatchRuleUpdate, body),
            if_match=rule.version,
        )

    # --- the centre's reference data and accounts (administration) -------------------------------
    def save_reference(
        self, collection: str, entity_id: str, model: type[BaseModel], body: dict[str, Any], version: int | None
    ) -> asyncio.Future[Any] | None:
        """Create (`version` None) or change an entity of `collection` (units, cameras, sectors, incident-types)."""
        return self._send(
            tr("save {entity_id}", entity_id=entity_id),
            "PUT",
            f"/{collection}/{entity_id}",
            (model, body),
            version,
            secret=bool(body.get("credentials")),
        )

    def retire_reference(self, collection: str, entity_id: str, version: int | None) -> asyncio.Future[Any] | None:
        return self._send(tr("retire {entity_id}", entity_id=entity_id), "POST", f"/{collection}/{entity_id}/retire",
                          None, version)  # fmt: skip

    def save_account(self, username: str, body: dict[str, Any]) -> asyncio.Future[Any] | None:
        return self._send(tr("save the account {username}", username=username), "PUT", f"/accounts/{username}",
                          (AccountSave, body), secret=bool(body.get("password")))  # fmt: skip

    # --- interoperability: TAK tracks, public warnings (CAP) --------------------------------------
    def map_track(self, uid: str, unit: Unit) -> asyncio.Future[Any] | None:
        """From now on this TAK track reports for this unit (supervisors)."""
        return self._send(tr("map the track {uid} to {callsign}", uid=uid, callsign=unit.callsign), "PUT",
                          f"/tak/mappings/{quote(uid, safe='')}", (TrackMapping, {"unit_id": unit.id}))  # fmt: skip

    def issue_warning(self, body: dict[str, Any], warning_id: str | None = None) -> asyncio.Future[Any] | None:
        """A public warning (CAP Alert), or a change of one (Update) when `warning_id` names it."""
        if warning_id is None:
            return self._send(tr("publish the warning"), "POST", "/cap/warnings", (CapWarningSave, body))
        return self._send(tr("update the warning"), "PUT", f"/cap/warnings/{warning_id}", (CapWarningSave, body))

    def cancel_warning(self, warning_id: str) -> asyncio.Future[Any] | None:
        return self._send(tr("cancel the warning"), "POST", f"/cap/warnings/{warning_id}/cancel", None)

    # --- citizens' media ----------------------------------------------------------------------
    def invite_caller(self, incident: Incident, body: dict[str, Any]) -> asyncio.Future[Any] | None:
        """A link for the caller's photos, videos and live video; the answer carries the link (and whether the
        SMS went)."""
        return self._send(
            tr("make a link for the caller of {number}", number=incident.number),
            "POST",
            f"/incidents/{quote(incident.id, safe='')}/invites",
            (CallerInviteCreate, body),
        )

    def revoke_invite(self, ref: str) -> asyncio.Future[Any] | None:
        return self._send(tr("close the caller's link"), "POST", f"/invites/{quote(ref, safe='')}/revoke", None)

    def keep_live_recording(self, camera_id: str) -> asyncio.Future[Any] | None:
        return self._send(
            tr("keep the live video's recording"), "POST", f"/live/{quote(camera_id, safe='')}/keep", None
        )

    # --- linking --------------------------------------------------------------------------------
    def link_incidents(self, incident: Incident, other: Incident) -> asyncio.Future[Any] | None:
        return self._send(
            tr("link {number} with {number2}", number=incident.number, number2=other.number),
            "POST",
            f"/incidents/{quote(incident.id, safe='')}/links",
            (IncidentLinkCreate, {"incident_id": other.id}),
        )

    def merge_incident(self, incident: Incident, into: Incident) -> asyncio.Future[Any] | None:
        """`incident` is a duplicate of `into`: closed, its units, media, notes and clips moved there."""
        return self._send(
            tr("merge {number} into {number2}", number=incident.number, number2=into.number),
            "POST",
            f"/incidents/{quote(incident.id, safe='')}/merge",
            (IncidentMerge, {"into": into.id}),
            key=f"merge:{incident.id}:{into.id}",
        )

    def dismiss_suggestion(self, incident: Incident, post_id: str) -> asyncio.Future[Any] | None:
        return self._send(
            tr("dismiss the suggested post"),
            "POST",
            f"/incidents/{quote(incident.id, safe='')}/post-suggestions/{quote(post_id, safe='')}/dismiss",
            None,
            key=f"dismiss:{incident.id}:{post_id}",
        )
