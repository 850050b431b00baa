"""Bookmarks (clips tagged to incidents), their evidence lock, and the audit trail of tags, locks and exports.

Every change appends its event (on the incident's timeline too) and an audit entry, in the same transaction.
A locked bookmark cannot be changed or deleted: the lock is the evidence's guarantee, enforced here.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from dispatchd import audit as audit_trail
from dispatchd.clock import parse_utc, utc_now
from dispatchd.problems import Problem, not_found
from dispatchd.service import CAMERA, INCIDENT, MEDIA
from dispatchd.storage.interface import Transaction

BOOKMARK, AUDIT = "bookmark", "audit"
MAX_CLIP = timedelta(hours=2)


def _parse_time(value: str, field: str) -> datetime:
    try:
        moment = parse_utc(value)
    except ValueError as exc:
        raise Problem(422, "Invalid request", f"{field} is not an RFC 3339 time: {value!r}.") from exc
    if moment.tzinfo is None:
        raise Problem(422, "Invalid request", f"{field} needs a time zone (UTC: end it with Z).")
    return moment


def audit(tx: Transaction, actor: str, action: str, bookmark_id: str, detail: dict[str, Any]) -> dict[str, Any]:
    """Who did what to which bookmark, when: kept for good (not pruned with the event log)."""
    return audit_trail.record(tx, actor, action, bookmark_id=bookmark_id, **detail)


def create_bookmark(tx: Transaction, actor: str, body: dict[str, Any]) -> dict[str, Any]:
    incident = tx.get(INCIDENT, body["incident_id"])
    if incident is None:
        raise not_found("incident", body["incident_id"])
    camera_id, media_id = body.get("camera_id"), body.get("media_id")
    if (camera_id is None) == (media_id is None):
        raise Problem(422, "Invalid request", "A bookmark is of one camera (camera_id) or one video (media_id).")
    if camera_id is not None and tx.get(CAMERA, camera_id) is None:
        raise not_found("camera", camera_id)
    if media_id is not None and tx.get(MEDIA, media_id) is None:
        raise not_found("media", media_id)
    start, end = _parse_time(body["start"], "start"), _parse_time(body["end"], "end")
    if end <= start:
        raise Problem(422, "Invalid request", "The clip must end after it starts.")
    if end - start > MAX_CLIP:
        raise Problem(422, "Invalid request", "A clip is at most 2 hours long.")
    bookmark = {
        "id": str(uuid.uuid4()),
        "incident_id": incident["id"],
        "camera_id": camera_id,
        "media_id": media_id,
        "start": body["start"],
        "end": body["end"],
        "labels": sorted(set(body.get("labels") or [])),
        "note": body.get("note") or "",
        "created_by": actor,
        "created_at": utc_now(),
        "locked": False,
        "lock": None,
        "version": 1,
    }
    tx.put(BOOKMARK, bookmark["id"], bookmark)
    tx.append_event(
        "bookmark.created", BOOKMARK, bookmark["id"], 1, actor, {"bookmark": bookmark}, incidents=(incident["id"],)
    )
    audit(
        tx,
        actor,
        "tag",
        bookmark["id"],
        {"incident_id": incident["id"], "start": bookmark["start"], "end": bookmark["end"]},
    )
    return bookmark


def get_bookmark(tx: Transaction, bookmark_id: str) -> dict[str, Any]:
    bookmark = tx.get(BOOKMARK, bookmark_id)
    if bookmark is None:
        raise not_found("bookmark", bookmark_id)
    return bookmark


def _refuse_if_locked(bookmark: dict[str, Any], what: str) -> None:
    if bookmark["locked"]:
        lock = bookmark["lock"] or {}
        raise Problem(
            423,
            "Evidence locked",
            f"This clip is locked as evidence by {lock.get('by')} since {lock.get('at')} ({lock.get('reason')}): "
            f"it cannot be {what}.",
        )


def lock_bookmark(tx: Transaction, actor: str, bookmark_id: str, reason: str) -> dict[str, Any]:
    bookmark = get_bookmark(tx, bookmark_id)
    _refuse_if_locked(bookmark, "locked again")
    bookmark = {**bookmark, "locked": True, "lock": {"by": actor, "at": utc_now(), "reason": reason}}
    _save_new_version(tx, actor, "bookmark.locked", bookmark)
    audit(tx, actor, "lock", bookmark_id, {"reason": reason})
    return bookmark


def update_bookmark(tx: Transaction, actor: str, bookmark_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    bookmark = get_bookmark(tx, bookmark_id)
    _refuse_if_locked(bookmark, "changed")
    if "labels" in changes and changes["labels"] is not None:
        bookmark = {**bookmark, "labels": sorted(set(changes["labels"]))}
    if "note" in changes and changes["note"] is not None:
        bookmark = {**bookmark, "note": changes["note"]}
    _save_new_version(tx, actor, "bookmark.updated", bookmark)
    audit(tx, actor, "edit", bookmark_id, {k: v for k, v in changes.items() if v is not None})
    return bookmark


def _save_new_version(tx: Transaction, actor: str, event_type: str, bookmark: dict[str, Any]) -> None:
    """Store the bookmark's next version and tell it (on its incident's timeline too)."""
    bookmark["version"] += 1
    tx.put(BOOKMARK, bookmark["id"], bookmark)
    tx.append_event(
        event_type,
        BOOKMARK,
        bookmark["id"],
        bookmark["version"],
        actor,
        {"bookmark": bookmark},
        incidents=(bookmark["incident_id"],),
    )


def delete_bookmark(tx: Transaction, actor: str, bookmark_id: str) -> dict[str, Any]:
    bookmark = get_bookmark(tx, bookmark_id)
    _refuse_if_locked(bookmark, "deleted")
    tx.delete(BOOKMARK, bookmark_id)
    tx.append_event(
        "bookmark.deleted",
        BOOKMARK,
        bookmark_id,
        bookmark["version"] + 1,
        actor,
        {"bookmark": {**bookmark, "deleted": True}},
        incidents=(bookmark["incident_id"],),
    )
    audit(tx, actor, "delete", bookmark_id, {})
    return {"id": bookmark_id, "deleted": True}
