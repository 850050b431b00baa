"""Posts suggested for an incident, from what storage holds (the posts of its time, the dismissals)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from dispatchd.clock import format_utc, parse_utc
from dispatchd.linking.duplicates import Known
from dispatchd.linking.families import family_of
from dispatchd.linking.post_match import AFTER, BEFORE, IncidentFacts, PostFacts, suggest
from dispatchd.storage.interface import Transaction

POST, DISMISSAL = "social_post", "post_dismissal"
MAX_POSTS = 20_000
"""The posts of one incident's time read at most (a busy evening brings some thousands an hour)."""


def incident_facts(incident: dict[str, Any], emsi: str | None) -> IncidentFacts:
    location = incident["location"]
    closed = incident["status"] in ("closed", "cancelled")
    return IncidentFacts(
        id=incident["id"],
        family=family_of(incident["type_code"], incident.get("emsi_category") or emsi),
        lat=location["lat"],
        lon=location["lon"],
        address=location.get("address_text") or "",
        created_at=parse_utc(incident["created_at"]),
        closed_at=parse_utc(incident["updated_at"]) if closed else None,
    )


def post_facts(post: dict[str, Any]) -> PostFacts:
    where = post.get("location") or {}
    return PostFacts(post["id"], post.get("text") or "", parse_utc(post["posted_at"]), where.get("lat"),
                     where.get("lon"), post.get("incident_id"))  # fmt: skip


def rivals_of(nearby: Iterable[Known]) -> list[IncidentFacts]:
    """The open incidents around one, as the matcher compares them (a post goes to the likeliest)."""
    return [IncidentFacts(k.id, k.family, k.lat, k.lon, k.address, k.created_at) for k in nearby
            if k.status in ("new", "active")]  # fmt: skip


def suggestions(
    tx: Transaction, incident: dict[str, Any], emsi: str | None, nearby: Iterable[Known] = ()
) -> list[dict[str, Any]]:
    facts = incident_facts(incident, emsi)
    since = format_utc(facts.created_at - BEFORE)
    until = facts.closed_at or facts.created_at + AFTER
    posts = {p["id"]: p for p in tx.find_since(POST, "posted_at", since, MAX_POSTS)
             if parse_utc(p["posted_at"]) <= until}  # fmt: skip
    dismissed = frozenset(d["post_id"] for d in tx.find(DISMISSAL, "incident_id", [incident["id"]]))
    found = suggest(facts, [post_facts(p) for p in posts.values()], dismissed, rivals_of(nearby))
    return [{"post": posts[s.post_id], "why": s.why,
             "distance_m": None if s.distance_m is None else round(s.distance_m)} for s in found]  # fmt: skip


def dismiss(tx: Transaction, actor: str, incident_id: str, post_id: str, now: datetime) -> dict[str, Any]:
    record = {"incident_id": incident_id, "post_id": post_id, "by": actor, "at": format_utc(now)}
    tx.put(DISMISSAL, f"{incident_id}:{post_id}", record)
    tx.append_event("suggestion.dismissed", DISMISSAL, f"{incident_id}:{post_id}", 1, actor, {"dismissal": record},
                    incidents=(incident_id,))  # fmt: skip
    return record
