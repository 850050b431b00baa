"""The invites' transactions: made, used, revoked, expired; the caller's position; each on the incident's
timeline (`invite.updated`, `caller.position`)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from dispatchd.citizen.links import link_key, new_invite, new_link, public, state_at
from dispatchd.clock import format_utc
from dispatchd.problems import Problem, not_found
from dispatchd.service import DispatchService
from dispatchd.storage.interface import Transaction

INVITE, CALLER_POSITION = "invite", "caller_position"


def _log(tx: Transaction, actor: str, invite: dict[str, Any]) -> None:
    invite["version"] = invite.get("version", 0) + 1
    tx.put(INVITE, invite["key"], invite)
    tx.append_event("invite.updated", INVITE, invite["ref"], invite["version"], actor, {"invite": public(invite)},
                    incidents=(invite["incident_id"],))  # fmt: skip


def create(
    tx: Transaction,
    service: DispatchService,
    actor: str,
    incident_id: str,
    number: str | None,
    valid: timedelta,
    now: datetime,
) -> tuple[dict[str, Any], str]:
    """A new invite for an open incident, and its link (which storage does not keep)."""
    incident = service.get_incident(tx, incident_id)
    if incident["status"] in ("closed", "cancelled"):
        raise Problem(409, "Incident closed", f"Incident {incident.get('number') or incident_id} is closed.")
    link = new_link()
    invite = new_invite(incident_id, actor, now, valid, number, link)
    _log(tx, actor, invite)
    return invite, link


def sent(tx: Transaction, actor: str, ref: str, how: str) -> dict[str, Any]:
    invite = by_ref(tx, ref)
    invite["sent_by"] = how
    _log(tx, actor, invite)
    return invite


def by_ref(tx: Transaction, ref: str) -> dict[str, Any]:
    found = tx.find(INVITE, "ref", [ref])
    if not found:
        raise not_found("invite", ref)
    return found[0]


def by_link(tx: Transaction, link: str) -> dict[str, Any] | None:
    return tx.get(INVITE, link_key(link))


def revoke(tx: Transaction, actor: str, ref: str, now: datetime) -> dict[str, Any]:
    invite = by_ref(tx, ref)
    if state_at(invite, now) in ("open", "used"):
        invite["state"] = "revoked"
        invite["revoked_at"] = format_utc(now)
        _log(tx, actor, invite)
    return invite


def used(tx: Transaction, invite: dict[str, Any], actor: str, now: datetime, item: bool = True) -> None:
    """Something came through the link (an item counted; a position is not one); the first time, `used` on the
    timeline."""
    fresh = tx.get(INVITE, invite["key"]) or invite
    fresh["items"] = fresh.get("items", 0) + int(item)
    if fresh["state"] == "open":
        fresh["state"] = "used"
        fresh["used_at"] = format_utc(now)
        _log(tx, actor, fresh)
    else:
        tx.put(INVITE, fresh["key"], fresh)


def expire_due(tx: Transaction, now: datetime) -> int:
    """Mark the links past their time as expired (on the timeline); returns how many."""
    due = [i for i in tx.find(INVITE, "state", ["open", "used"]) if state_at(i, now) == "expired"]
    for invite in due:
        invite["state"] = "expired"
        _log(tx, "dispatchd", invite)
    return len(due)


def caller_position(
    tx: Transaction, actor: str, incident_id: str, ref: str, where: dict[str, Any], now: datetime
) -> dict[str, Any]:
    position = {"incident_id": incident_id, "invite_ref": ref, "lat": where["lat"], "lon": where["lon"],
                "accuracy_m": where.get("accuracy_m"), "at": format_utc(now)}  # fmt: skip
    tx.put(CALLER_POSITION, incident_id, position)
    tx.append_event("caller.position", "incident", incident_id, 0, actor, {"position": position},
                    incidents=(incident_id,))  # fmt: skip
    return position
