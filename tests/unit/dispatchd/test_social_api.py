"""Social watch API: posts with a resumable cursor, linking a post to an incident, shared watch rules."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from dispatchd.social.posts import CollectedPost, store_posts
from tests.conftest import INCIDENT


def add_posts(api: TestClient, count: int, start: int = 0) -> None:
    now = datetime.now(UTC)
    with api.app.state.ctx.storage.transaction() as tx:  # type: ignore[attr-defined]
        store_posts(
            tx,
            "wire",
            [
                CollectedPost("rss", f"n{i}", f"Post {i}", now - timedelta(minutes=i), "Agence", None, "fr")
                for i in range(start, start + count)
            ],
        )


def test_posts_are_read_in_pages_that_resume_where_the_last_ended(api: TestClient) -> None:
    add_posts(api, 25)
    add_posts(api, 25)  # the same posts again: nothing new
    seen, after = [], None
    while True:
        page = api.get("/api/v1/social/posts", params={"limit": 10, **({"after": after} if after else {})}).json()
        if not page["posts"]:
            break
        seen += [p["text"] for p in page["posts"]]
        after = page["next"]
    assert sorted(seen) == sorted(f"Post {i}" for i in range(25)), "every post once, no page overlapping another"
    assert api.get("/api/v1/social/posts", params={"after": "yesterday"}).status_code == 422
    snapshot = api.get("/api/v1/snapshot").json()
    assert len(snapshot["social_posts"]) == 25 and snapshot["watch_rules"], "the demo's rules are in the snapshot"


def test_a_post_linked_to_an_incident_keeps_its_hash_and_joins_the_incident_timeline(api: TestClient) -> None:
    add_posts(api, 1)
    post = api.get("/api/v1/social/posts").json()["posts"][0]
    incident = api.post("/api/v1/incidents", json=INCIDENT).json()
    answer = api.post(f"/api/v1/social/posts/{post['id']}/link", json={"incident_id": incident["id"]})
    assert answer.status_code == 200, answer.text
    linked = answer.json()
    kept = {
        k: post[k] for k in ("id", "platform", "source_id", "url", "author", "text", "lang", "posted_at", "location")
    }
    expected = hashlib.sha256(json.dumps(kept, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode())
    assert linked["incident_id"] == incident["id"] and linked["link"]["sha256"] == expected.hexdigest()
    assert linked["link"]["by"] == "supervisor"
    timeline = api.get(f"/api/v1/incidents/{incident['id']}/timeline").json()
    assert [e["data"]["post"]["text"] for e in timeline if e["type"] == "social.post"] == ["Post 0"]
    other = api.post("/api/v1/incidents", json=INCIDENT).json()
    refused = api.post(f"/api/v1/social/posts/{post['id']}/link", json={"incident_id": other["id"]})
    assert refused.status_code == 409 and incident["id"] in refused.json()["detail"]


def test_watch_rules_are_checked_with_the_consoles_parser_and_changes_need_the_current_version(
    api: TestClient,
) -> None:
    bad = api.post("/api/v1/watch-rules", json={"name": "Station", "query": "(gare OR train"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0] == {"field": "query", "message": "a '(' without its ')'", "position": 0}
    circle = {"type": "Circle", "center": [4.84, 45.75], "radius_m": -3}
    assert api.post("/api/v1/watch-rules", json={"name": "x", "query": "gare", "geofence": circle}).status_code == 422
    made = api.post(
        "/api/v1/watch-rules", json={"name": "Station", "query": "gare OR train", "languages": ["FR", "fr", " "]}
    )
    assert made.status_code == 201, made.text
    rule = made.json()
    assert rule["languages"] == ["fr"] and rule["version"] == 1 and rule["created_by"] == "supervisor"
    changed = api.patch(f"/api/v1/watch-rules/{rule['id']}", json={"active": False}, headers={"If-Match": '"1"'})
    assert (
        changed.status_code == 200 and changed.json()["active"] is False and changed.json()["query"] == "gare OR train"
    )
    stale = api.patch(f"/api/v1/watch-rules/{rule['id']}", json={"name": "Gare"}, headers={"If-Match": '"1"'})
    assert stale.status_code == 412
    events = api.get("/api/v1/events", params={"after": 0, "limit": 5000}).json()
    told = [e["type"] for e in events["events"] if e["entity"]["id"] == rule["id"]]
    assert told == ["watch_rule.created", "watch_rule.updated"]
