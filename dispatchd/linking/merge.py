"""Two incidents that are one event: linked (each names the other), or merged (the second closed as "merged into",
its units, media, notes, clips and posts moved to the first). Both audited, both on the timelines."""

from __future__ import annotations

from typing import Any

from dispatchd import audit
from dispatchd.problems import Problem
from dispatchd.service import CLOSED_STATUSES, MEDIA, UNIT, DispatchService
from dispatchd.storage.interface import Transaction

BOOKMARK, POST = "bookmark", "social_post"


def _pair(tx: Transaction, service: DispatchService, first: str, second: str) -> tuple[dict[str, Any], ...]:
    pair = service.get_incident(tx, first), service.get_incident(tx, second)
    if first == second:
        raise Problem(409, "Same incident", "An incident cannot be linked to or merged with itself.")
    return pair


def link(tx: Transaction, service: DispatchService, actor: str, incident_id: str, other_id: str) -> dict[str, Any]:
    one, other = _pair(tx, service, incident_id, other_id)
    for incident, peer in ((one, other), (other, one)):
        if peer["id"] not in incident.get("linked_incidents", []):
            incident["linked_incidents"] = [*incident.get("linked_incidents", []), peer["id"]]
            service.save_incident(tx, actor, incident, ["linked_incidents"])
    audit.record(tx, actor, "incident.link", entity_type="incident", entity_id=one["id"], incident_id=one["id"],
                 other=other["id"], numbers=[one["number"], other["number"]])  # fmt: skip
    return one


def merge(tx: Transaction, service: DispatchService, actor: str, source_id: str, target_id: str) -> dict[str, Any]:
    """`source` into `target`; returns what moved (counts and ids), also in the audit entry."""
    source, target = _pair(tx, service, source_id, target_id)
    for incident in (source, target):
        if incident["status"] in CLOSED_STATUSES:
            raise Problem(409, "Incident closed", f"Incident {incident['number']} is closed: nothing to merge.")
    related = (source_id, target_id)
    moved: dict[str, Any] = {"units": [], "media": [], "clips": [], "posts": [], "notes": len(source["notes"])}
    for unit_id in list(source["assigned_units"]):
        unit = tx.get(UNIT, unit_id)
        if unit is not None and unit["incident_id"] == source_id:
            unit["incident_id"] = target_id
            service.save_unit(tx, actor, unit, related)
        if unit_id not in target["assigned_units"]:
            target["assigned_units"] = [*target["assigned_units"], unit_id]
        moved["units"].append(unit_id)
    source["assigned_units"] = []
    for media in tx.find(MEDIA, "incident_id", [source_id]):
        media["incident_id"] = target_id
        tx.put(MEDIA, media["id"], media)
        tx.append_event("media.added", MEDIA, media["id"], 1, actor, {"media": media}, incidents=related)
        moved["media"].append(media["id"])
    for clip in [b for b in tx.list(BOOKMARK) if b.get("incident_id") == source_id]:
        clip.update(incident_id=target_id, version=clip.get("version", 1) + 1)
        tx.put(BOOKMARK, clip["id"], clip)
        tx.append_event("bookmark.updated", BOOKMARK, clip["id"], clip["version"], actor, {"bookmark": clip},
                        incidents=related)  # fmt: skip
        moved["clips"].append(clip["id"])
    for post in [p for p in tx.list(POST) if p.get("incident_id") == source_id]:
        post.update(incident_id=target_id, version=post.get("version", 1) + 1)
        tx.put(POST, post["id"], post)
        tx.append_event("social.post", POST, post["id"], post["version"], actor, {"post": post}, incidents=related)
        moved["posts"].append(post["id"])
    target["notes"] = [*target["notes"], *({**note, "text": f"[{source['number']}] {note['text']}"}
                                           for note in source["notes"])]  # fmt: skip
    target["agencies"] = sorted(set(target["agencies"]) | set(source["agencies"]))
    target["merged_from"] = [*target.get("merged_from", []), source_id]
    service.refresh_status(tx, actor, target, ["assigned_units", "notes", "agencies", "merged_from"])
    source.update(status="closed", merged_into=target_id)
    service.save_incident(tx, actor, source, ["status", "merged_into", "assigned_units"])
    audit.record(tx, actor, "incident.merge", entity_type="incident", entity_id=source_id, incident_id=target_id,
                 numbers=[source["number"], target["number"]], **{k: v for k, v in moved.items()})  # fmt: skip
    return {"merged": source_id, "into": target_id, **moved}
