"""Posts: stored once however often a connector sees them, told as `social.post` events, linked to incidents.

A post's id is derived from its platform and its own identity on that platform (an RSS entry's guid, a
Mastodon status's URI): the same post fetched twice, by two hashtags or after a restart, is the same row.
Linking a post to an incident keeps its text and metadata with their sha256, on the incident's timeline.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from dispatchd.clock import format_utc, parse_utc, utc_now
from dispatchd.problems import Problem, not_found
from dispatchd.service import INCIDENT
from dispatchd.social.plain_text import MAX_TEXT
from dispatchd.storage.interface import Transaction

POST, SOURCE = "social_post", "social_source"
PLATFORMS = frozenset({"rss", "mastodon", "bluesky", "demo"})
EVIDENCE_FIELDS = ("id", "platform", "source_id", "url", "author", "text", "lang", "posted_at", "location")


@dataclass(frozen=True, slots=True)
class CollectedPost:
    """What a connector found, before storage: `native_id` is the post's identity on its platform."""

    platform: str
    native_id: str
    text: str
    posted_at: datetime
    author: str = ""
    url: str | None = None
    lang: str | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def post_id(self) -> str:
        return "sp-" + hashlib.sha256(f"{self.platform}\n{self.native_id}".encode()).hexdigest()[:24]


def _record(post: CollectedPost, source_id: str) -> dict[str, Any]:
    location = None if post.lat is None or post.lon is None else {"lat": post.lat, "lon": post.lon}
    return {
        "id": post.post_id,
        "platform": post.platform,
        "source_id": source_id,
        "url": post.url,
        "author": post.author[:200],
        "text": post.text[:MAX_TEXT],
        "lang": (post.lang or "").split("-")[0].lower() or None,
        "posted_at": format_utc(post.posted_at),
        "collected_at": utc_now(),
        "location": location,
        "incident_id": None,
        "link": None,
        "version": 1,
    }


def store_posts(tx: Transaction, source_id: str, posts: Iterable[CollectedPost]) -> list[dict[str, Any]]:
    """Store the posts not seen before and tell each as a `social.post` event; returns those new ones."""
    new: list[dict[str, Any]] = []
    for post in posts:
        if tx.get(POST, post.post_id) is not None:
            continue
        record = _record(post, source_id)
        tx.put(POST, record["id"], record)
        tx.append_event("social.post", POST, record["id"], 1, source_id, {"post": record})
        new.append(record)
    return new


def evidence_sha256(post: dict[str, Any]) -> str:
    """The hash kept with a linked post: its text and metadata as canonical JSON (sorted keys, UTF-8)."""
    kept = {key: post.get(key) for key in EVIDENCE_FIELDS}
    canonical = json.dumps(kept, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def link_post(tx: Transaction, actor: str, post_id: str, incident_id: str) -> dict[str, Any]:
    """Attach a post to an incident as information: the new version goes on the incident's timeline."""
    post = tx.get(POST, post_id)
    if post is None:
        raise not_found("post", post_id)
    incident = tx.get(INCIDENT, incident_id)
    if incident is None:
        raise not_found("incident", incident_id)
    if post.get("incident_id") == incident_id:
        return post
    if post.get("incident_id"):
        raise Problem(
            409, "Already linked", f"This post is already linked to another incident ({post['incident_id']})."
        )
    post = {
        **post,
        "incident_id": incident_id,
        "link": {"by": actor, "at": utc_now(), "sha256": evidence_sha256(post)},
        "version": post["version"] + 1,
    }
    tx.put(POST, post_id, post)
    tx.append_event("social.post", POST, post_id, post["version"], actor, {"post": post}, incidents=(incident_id,))
    return post


def cursor_of(post: dict[str, Any]) -> str:
    """Where a reader of `GET /social/posts` resumes after this post."""
    return f"{post['collected_at']}|{post['id']}"


def posts_after(tx: Transaction, after: str | None, limit: int) -> list[dict[str, Any]]:
    """Posts collected after `after` (an RFC 3339 time, or the cursor of the last post read), oldest first."""
    if not after:
        return tx.find_since(POST, "collected_at", "", limit)
    when, _, last_id = after.partition("|")
    try:
        moment = parse_utc(when)
    except ValueError:
        raise Problem(422, "Invalid request", f"after must be an RFC 3339 time or a cursor, not {after!r}.") from None
    # An indexed read from the cursor's time (utc_now()'s text sorts as time does), less the posts of that
    # same millisecond already read; read more while those fill the page.
    since, ask = format_utc(moment), limit + 64
    while True:
        candidates = tx.find_since(POST, "collected_at", since, ask)
        posts = [p for p in candidates if (p["collected_at"], p["id"]) > (since, last_id)]
        if len(posts) >= limit or len(candidates) < ask:
            return posts[:limit]
        ask *= 4


def recent_posts(tx: Transaction, seconds: float) -> list[dict[str, Any]]:
    """Posts published in the last `seconds`, and every post linked to an open incident, oldest first."""
    since = datetime.now(UTC) - timedelta(seconds=seconds)
    kept = {p["id"]: p for p in tx.find_since(POST, "posted_at", format_utc(since))}
    kept.update((p["id"], p) for p in tx.find_present(POST, "incident_id"))
    return sorted(kept.values(), key=lambda p: (p["posted_at"], p["id"]))
