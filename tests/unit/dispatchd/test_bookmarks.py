"""Bookmarks in dispatchd: tag a clip to an incident, lock it as evidence, and the audit trail of it all."""

from __future__ import annotations

from pathlib import Path

import cv2
from fastapi.testclient import TestClient

from tests.conftest import INCIDENT
from tests.support.streams import make_clip

CLIP = {"camera_id": "cam-02", "start": "2026-11-25T18:30:12.440Z", "end": "2026-11-25T18:30:22.480Z"}


def incident(api: TestClient) -> dict:
    answer = api.post("/api/v1/incidents", json=INCIDENT)
    assert answer.status_code == 201, answer.text
    return answer.json()


def tag(api: TestClient, incident_id: str, key: str = "tag-1", **changes: object) -> dict:
    body = {**CLIP, "incident_id": incident_id, "labels": ["fight", "fight", "weapon"], "note": "knife seen", **changes}
    answer = api.post("/api/v1/bookmarks", json=body, headers={"Idempotency-Key": key})
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_a_tag_is_stored_with_its_times_author_and_shows_on_the_incident_timeline(api: TestClient) -> None:
    opened = incident(api)
    bookmark = tag(api, opened["id"])
    assert (bookmark["start"], bookmark["end"]) == (CLIP["start"], CLIP["end"])
    assert bookmark["labels"] == ["fight", "weapon"] and bookmark["created_by"] == "supervisor"
    assert bookmark["locked"] is False
    assert api.get("/api/v1/bookmarks", params={"incident_id": opened["id"]}).json() == [bookmark]
    assert api.get("/api/v1/bookmarks", params={"label": "weapon"}).json() == [bookmark]
    assert api.get("/api/v1/bookmarks", params={"camera_id": "cam-01"}).json() == []
    timeline = api.get(f"/api/v1/incidents/{opened['id']}/timeline").json()
    assert any(e["type"] == "bookmark.created" and e["data"]["bookmark"]["id"] == bookmark["id"] for e in timeline)
    assert any(b["id"] == bookmark["id"] for b in api.get("/api/v1/snapshot").json()["bookmarks"])


def test_the_same_tag_sent_twice_is_stored_once(api: TestClient) -> None:
    opened = incident(api)
    first = tag(api, opened["id"], key="offline-tag")
    again = api.post(
        "/api/v1/bookmarks",
        json={**CLIP, "incident_id": opened["id"], "labels": ["fight", "fight", "weapon"], "note": "knife seen"},
        headers={"Idempotency-Key": "offline-tag"},
    )
    assert again.json() == first and again.headers["Idempotent-Replayed"] == "true"
    assert len(api.get("/api/v1/bookmarks").json()) == 1


def test_a_locked_bookmark_cannot_be_changed_or_deleted_and_says_who_locked_it(api: TestClient) -> None:
    bookmark = tag(api, incident(api)["id"])
    assert api.patch(f"/api/v1/bookmarks/{bookmark['id']}", json={"note": "two knives"}).json()["note"] == "two knives"
    locked = api.post(f"/api/v1/bookmarks/{bookmark['id']}/lock", json={"reason": "requested by the prosecutor"})
    assert locked.status_code == 200, locked.text
    assert locked.json()["locked"] and locked.json()["lock"]["by"] == "supervisor"
    for answer in (
        api.patch(f"/api/v1/bookmarks/{bookmark['id']}", json={"note": "changed"}),
        api.delete(f"/api/v1/bookmarks/{bookmark['id']}"),
        api.post(f"/api/v1/bookmarks/{bookmark['id']}/lock", json={"reason": "again"}),
    ):
        assert answer.status_code == 423
        assert "locked as evidence by supervisor" in answer.json()["detail"]
    assert api.get(f"/api/v1/bookmarks/{bookmark['id']}").json()["note"] == "two knives"


def test_an_unlocked_bookmark_can_be_deleted(api: TestClient) -> None:
    bookmark = tag(api, incident(api)["id"])
    assert api.delete(f"/api/v1/bookmarks/{bookmark['id']}").status_code == 200
    assert api.get(f"/api/v1/bookmarks/{bookmark['id']}").status_code == 404


def test_every_tag_lock_edit_and_delete_is_in_the_audit_trail(api: TestClient) -> None:
    opened = incident(api)
    kept = tag(api, opened["id"], key="a")
    gone = tag(api, opened["id"], key="b")
    api.patch(f"/api/v1/bookmarks/{kept['id']}", json={"labels": ["crowd"]})
    api.post(f"/api/v1/bookmarks/{kept['id']}/lock", json={"reason": "evidence"})
    api.delete(f"/api/v1/bookmarks/{gone['id']}")
    trail = api.get("/api/v1/audit", params={"entity_type": "bookmark"}).json()
    assert [(e["action"], e["bookmark_id"]) for e in trail] == [
        ("tag", kept["id"]),
        ("tag", gone["id"]),
        ("edit", kept["id"]),
        ("lock", kept["id"]),
        ("delete", gone["id"]),
    ]
    assert all(e["actor"] == "supervisor" and e["at"] for e in trail)
    assert [e["action"] for e in api.get("/api/v1/audit", params={"bookmark_id": kept["id"]}).json()] == [
        "tag",
        "edit",
        "lock",
    ]


def test_bad_tags_are_refused_with_the_reason(api: TestClient) -> None:
    opened = incident(api)
    cases = [
        ({**CLIP, "end": CLIP["start"]}, 422, "end after it starts"),
        ({**CLIP, "start": "yesterday at noon"}, 422, "not an RFC 3339 time"),
        ({**CLIP, "start": "2026-11-25T18:30:12"}, 422, "time zone"),
        ({**CLIP, "end": "2026-11-25T21:30:12Z"}, 422, "at most 2 hours"),
        ({**CLIP, "media_id": "m-1"}, 422, "one camera (camera_id) or one video (media_id)"),
        ({**CLIP, "camera_id": "cam-99"}, 404, "cam-99"),
    ]
    for body, status, words in cases:
        answer = api.post("/api/v1/bookmarks", json={**body, "incident_id": opened["id"]})
        assert answer.status_code == status, (body, answer.text)
        assert words in answer.json()["detail"]
    assert api.post("/api/v1/bookmarks", json={**CLIP, "incident_id": "nope"}).status_code == 404


def test_a_trainer_can_read_bookmarks_but_not_tag_nor_read_the_audit(api: TestClient) -> None:
    opened = incident(api)
    token = api.post("/api/v1/auth/token", data={"username": "trainer", "password": "trainer"}).json()["access_token"]
    trainer = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/v1/bookmarks", headers=trainer).status_code == 200
    assert api.post("/api/v1/bookmarks", json={**CLIP, "incident_id": opened["id"]}, headers=trainer).status_code == 403
    assert api.get("/api/v1/audit", headers=trainer).status_code == 403


def test_a_tagged_stretch_of_an_uploaded_video_exports_as_that_stretch(api: TestClient, tmp_path: Path) -> None:
    opened = incident(api)
    video = make_clip(tmp_path / "citizen.mp4", seconds=4)
    uploaded = api.post(
        f"/api/v1/incidents/{opened['id']}/media",
        data={"kind": "video", "source": "citizen", "captured_at": "2026-11-25T18:00:00Z"},
        files={"file": ("citizen.mp4", video.read_bytes(), "video/mp4")},
    )
    assert uploaded.status_code == 201, uploaded.text
    body = {"incident_id": opened["id"], "media_id": uploaded.json()["id"]}
    bookmark = api.post(
        "/api/v1/bookmarks", json={**body, "start": "2026-11-25T18:00:01Z", "end": "2026-11-25T18:00:03Z"}
    ).json()
    answer = api.get(f"/api/v1/bookmarks/{bookmark['id']}/export")
    assert answer.status_code == 200 and answer.headers["content-type"] == "video/mp4"
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(answer.content)
    capture = cv2.VideoCapture(str(clip))
    frames = 0
    while capture.read()[0]:
        frames += 1
    capture.release()
    assert abs(frames - 50) <= 2, f"{frames} frames: the 2 s tagged, at 25 fps"
    assert [e["action"] for e in api.get("/api/v1/audit", params={"bookmark_id": bookmark["id"]}).json()] == [
        "tag",
        "export",
    ]
