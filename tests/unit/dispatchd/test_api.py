"""The v1 API's rules: auth, idempotency, optimistic concurrency, problems, media, the event log."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from dispatchd.clock import format_utc
from dispatchd.storage.interface import StoredResponse
from tests.conftest import INCIDENT
from tests.support.streams import make_clip
from tests.unit.dispatchd.conftest import make_client


def _create(api: TestClient, key: str | None = None, **changes: object) -> dict:
    headers = {"Idempotency-Key": key} if key else {}
    answer = api.post("/api/v1/incidents", json={**INCIDENT, **changes}, headers=headers)
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_every_route_but_health_and_login_needs_a_token(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        assert client.get("/api/v1/health").status_code == 200
        for path in (
            "/api/v1/snapshot",
            "/api/v1/incidents",
            "/api/v1/units",
            "/api/v1/cameras",
            "/api/v1/events",
            "/api/v1/events/stream",
        ):
            answer = client.get(path)
            assert answer.status_code == 401, path
            assert answer.headers["content-type"] == "application/problem+json"
            assert answer.json()["detail"] == "Log in first: this request has no token."


def test_wrong_password_is_refused_with_a_sentence(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        answer = client.post("/api/v1/auth/token", data={"username": "supervisor", "password": "nope"})
        assert answer.status_code == 401
        assert answer.json()["detail"] == "The user name or the password is wrong."


def test_login_answers_a_bearer_token_and_the_role(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        body = client.post("/api/v1/auth/token", data={"username": "operator", "password": "operator"}).json()
        assert body["token_type"] == "bearer"
        assert body["role"] == "operator"
        assert len(body["access_token"]) >= 32


def test_passwords_are_stored_hashed(tmp_path: Path) -> None:
    with make_client(tmp_path):
        pass
    raw = (tmp_path / "backend" / "dispatchd.sqlite3").read_bytes()
    assert b"scrypt$" in raw
    assert b"$supervisor" not in raw and b"'supervisor'" not in raw


def test_an_expired_token_gets_a_clear_401(tmp_path: Path) -> None:
    with make_client(tmp_path, token_ttl_s=-1.0) as client:  # born expired
        token = client.post("/api/v1/auth/token", data={"username": "operator", "password": "operator"})
        answer = client.get("/api/v1/snapshot", headers={"Authorization": f"Bearer {token.json()['access_token']}"})
        assert answer.status_code == 401
        assert answer.json()["code"] == "token_expired"
        assert "expired" in answer.json()["detail"]


def test_create_incident_numbers_it_and_logs_an_event(api: TestClient) -> None:
    incident = _create(api)
    assert incident["number"].endswith("-000001")
    assert incident["status"] == "new" and incident["version"] == 1
    assert incident["location"]["sector"] is not None  # the demo city's sectors
    events = api.get("/api/v1/events", params={"after": 0, "limit": 10_000}).json()["events"]
    created = [e for e in events if e["type"] == "incident.created"]
    assert created[-1]["data"]["incident"]["id"] == incident["id"]
    assert created[-1]["entity"] == {"type": "incident", "id": incident["id"], "version": 1}


def test_a_repeated_idempotency_key_returns_the_first_answer_and_creates_nothing(api: TestClient) -> None:
    first = _create(api, key="call-42")
    again = api.post("/api/v1/incidents", json=INCIDENT, headers={"Idempotency-Key": "call-42"})
    assert again.status_code == 201
    assert again.json() == first
    assert again.headers["Idempotent-Replayed"] == "true"
    assert len(api.get("/api/v1/incidents").json()) == 1


def test_an_idempotency_key_reused_for_another_request_is_refused(api: TestClient) -> None:
    _create(api, key="k1")
    answer = api.post("/api/v1/incidents", json={**INCIDENT, "priority": 9}, headers={"Idempotency-Key": "k1"})
    assert answer.status_code == 409
    assert "already used" in answer.json()["detail"]


def test_a_stale_if_match_gets_412_with_the_current_version(api: TestClient) -> None:
    incident = _create(api)
    url = f"/api/v1/incidents/{incident['id']}"
    assert api.patch(url, json={"priority": 8}, headers={"If-Match": '"1"'}).status_code == 200
    stale = api.patch(url, json={"priority": 3}, headers={"If-Match": '"1"'})
    assert stale.status_code == 412
    assert stale.json()["current_version"] == 2
    assert "changed since you opened it" in stale.json()["detail"]
    assert stale.json()["current"]["priority"] == 8, "the answer carries the new state"
    assert api.get(url).json()["priority"] == 8


def test_validation_errors_are_problems_with_a_human_sentence(api: TestClient) -> None:
    answer = api.post("/api/v1/incidents", json={**INCIDENT, "priority": 42})
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["detail"].startswith("The request was not accepted: priority:")


def test_a_trainer_cannot_change_live_operations(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        token = client.post("/api/v1/auth/token", data={"username": "trainer", "password": "trainer"})
        answer = client.post(
            "/api/v1/incidents", json=INCIDENT, headers={"Authorization": f"Bearer {token.json()['access_token']}"}
        )
        assert answer.status_code == 403
        assert answer.json()["detail"] == "The trainer role cannot change live operations."


def test_assigning_a_unit_moves_the_incident_and_the_unit(api: TestClient) -> None:
    incident = _create(api)
    unit_id = "PS-01@police"
    assert api.post(f"/api/v1/incidents/{incident['id']}/assignments", json={"unit_id": unit_id}).status_code == 201
    after = api.get(f"/api/v1/incidents/{incident['id']}").json()
    assert after["assigned_units"] == [unit_id]
    assert after["status"] == "active" and after["status_common"] == "ResourcesAssigned"
    assert api.patch(f"/api/v1/units/{unit_id}", json={"secondary_status": "OnScene"}).status_code == 200
    assert api.get(f"/api/v1/incidents/{incident['id']}").json()["status_common"] == "ResourcesOnscene"
    busy = api.post(f"/api/v1/incidents/{_create(api)['id']}/assignments", json={"unit_id": unit_id})
    assert busy.status_code == 409
    assert busy.json()["detail"] == "PS-01 is already assigned to another incident."


def test_position_reports_do_not_bump_the_version(api: TestClient) -> None:
    before = api.get("/api/v1/units/PS-02@police").json()
    answer = api.post("/api/v1/units/PS-02@police/positions", json={"lat": 45.75, "lon": 4.84, "speed": 8.0})
    assert answer.status_code == 201
    unit = answer.json()
    assert unit["version"] == before["version"]
    assert unit["position"]["lat"] == 45.75 and unit["position"]["stale_at"] > unit["position"]["observed_at"]


def test_a_batch_of_positions_is_one_transaction_and_one_event(api: TestClient) -> None:
    now = datetime.now(UTC)
    late = format_utc(now - timedelta(minutes=5))
    reports = [
        {"unit_id": "PS-01@police", "lat": 45.70, "lon": 4.80},  # observed now
        {"unit_id": "PS-02@police", "lat": 45.71, "lon": 4.81, "speed": 12.5},
        {"unit_id": "NOPE@police", "lat": 45.72, "lon": 4.82},
        {"unit_id": "PS-01@police", "lat": 45.73, "lon": 4.83, "observed_at": late},  # a late packet: ignored
    ]
    before = api.get("/api/v1/health").json()["last_seq"]
    key = {"Idempotency-Key": "avl-batch-1"}
    answer = api.post("/api/v1/units/positions", json={"reports": reports}, headers=key)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"accepted": 2, "units": 2, "older": 1, "unknown_units": ["NOPE@police"], "seq": before + 1}
    again = api.post("/api/v1/units/positions", json={"reports": reports}, headers=key)
    assert again.headers.get("Idempotent-Replayed") == "true"
    events = api.get("/api/v1/events", params={"after": before}).json()["events"]
    assert [e["type"] for e in events] == ["unit.positions"]
    assert [(p["unit_id"], p["position"]["lat"]) for p in events[0]["data"]["positions"]] == [
        ("PS-01@police", 45.70),
        ("PS-02@police", 45.71),
    ]
    assert api.get("/api/v1/units/PS-01@police").json()["position"]["lat"] == 45.70
    empty = api.post("/api/v1/units/positions", json={"reports": []})
    assert empty.status_code == 422


def test_media_upload_is_hashed_and_served_with_range(api: TestClient, tmp_path: Path) -> None:
    incident = _create(api)
    content = make_clip(tmp_path / "clip.mp4", seconds=1).read_bytes()
    answer = api.post(
        f"/api/v1/incidents/{incident['id']}/media",
        data={"kind": "video", "source": "citizen"},
        files={"file": ("clip.mp4", content, "video/mp4")},
    )
    assert answer.status_code == 201, answer.text
    media = answer.json()
    assert media["sha256"] == hashlib.sha256(content).hexdigest() and media["size"] == len(content)
    full = api.get(f"/api/v1/media/{media['id']}/content")
    assert full.content == content
    part = api.get(f"/api/v1/media/{media['id']}/content", headers={"Range": "bytes=100-199"})
    assert part.status_code == 206
    assert part.content == content[100:200]
    assert part.headers["content-range"] == f"bytes 100-199/{len(content)}"


def test_a_text_message_is_media_too(api: TestClient) -> None:
    incident = _create(api)
    answer = api.post(f"/api/v1/incidents/{incident['id']}/media", data={"kind": "text", "text": "<b>help</b>"})
    assert answer.status_code == 201
    assert api.get(f"/api/v1/media/{answer.json()['id']}/content").text == "<b>help</b>"


def test_snapshot_holds_everything_and_its_seq(api: TestClient) -> None:
    _create(api)
    snapshot = api.get("/api/v1/snapshot").json()
    assert len(snapshot["units"]) >= 40 and len(snapshot["cameras"]) >= 8
    assert len(snapshot["incidents"]) == 1
    assert snapshot["seq"] == api.get("/api/v1/health").json()["last_seq"]
    for key in ("media", "bookmarks", "social_posts", "social_sources"):
        assert snapshot[key] == []
    assert {r["name"] for r in snapshot["watch_rules"]} >= {"Fire and smoke", "Road accidents"}, "the demo's rules"


def test_the_event_log_is_gapless_and_ordered(api: TestClient) -> None:
    for _ in range(5):
        _create(api)
    seqs = [e["seq"] for e in api.get("/api/v1/events", params={"after": 0, "limit": 10_000}).json()["events"]]
    assert seqs == list(range(1, len(seqs) + 1))


def test_catch_up_past_retention_asks_for_a_resync(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        token = client.post("/api/v1/auth/token", data={"username": "operator", "password": "operator"})
        client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        client.post("/api/v1/incidents", json=INCIDENT)
        client.app.state.ctx.storage.prune_events("9999")  # what the pruner does once they are old
        client.post("/api/v1/incidents", json=INCIDENT)
        answer = client.get("/api/v1/events", params={"after": 0})
        assert answer.status_code == 410
        assert answer.json()["code"] == "resync"


def test_openapi_documents_the_api(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/v1/snapshot",
        "/api/v1/events/stream",
        "/api/v1/incidents/{incident_id}/assignments",
        "/api/v1/incidents/{incident_id}/media",
        "/api/v1/media/{media_id}/content",
    ):
        assert path in paths


def test_the_timeline_keeps_everything_that_happened_to_an_incident(api: TestClient) -> None:
    incident = _create(api)
    iid = incident["id"]
    api.post(f"/api/v1/incidents/{iid}/notes", json={"text": "Caller called back"})
    api.post(f"/api/v1/incidents/{iid}/assignments", json={"unit_id": "PS-03@police"})
    api.patch("/api/v1/units/PS-03@police", json={"secondary_status": "EnRoute"})
    api.post(f"/api/v1/incidents/{iid}/media", data={"kind": "text", "text": "he has a knife"})
    api.post(f"/api/v1/incidents/{iid}/agency-requests", json={"agency": "ems", "reason": "one injured"})
    api.patch(f"/api/v1/incidents/{iid}", json={"status": "closed"})
    api.post("/api/v1/units/PS-03@police/positions", json={"lat": 45.75, "lon": 4.84})
    api.app.state.ctx.storage.prune_events("9999")  # the log forgets; the timeline does not
    entries = api.get(f"/api/v1/incidents/{iid}/timeline").json()
    assert [(e["type"], e["data"].get("changed")) for e in entries] == [
        ("incident.created", None),
        ("incident.note_added", None),
        ("unit.updated", None),
        ("incident.updated", ["assigned_units", "status", "status_common"]),
        ("unit.updated", None),
        ("incident.updated", ["status_common"]),
        ("media.added", None),
        ("incident.updated", ["agencies", "agency_requests"]),
        ("unit.updated", None),
        ("incident.closed", ["status"]),
    ]
    assert entries[7]["data"]["agency_request"]["reason"] == "one injured"


def test_unknown_incident_types_are_refused_and_known_ones_named(api: TestClient) -> None:
    types = api.get("/api/v1/incident-types").json()
    fight = next(t for t in types if t["code"] == "FIGHT")
    assert {"code": "FIGHT", "text": "Fight on the public way"}.items() <= fight.items()
    unknown = api.post("/api/v1/incidents", json={**INCIDENT, "type_code": "ALIENS"})
    assert unknown.status_code == 422
    assert unknown.json()["errors"] == [{"field": "type_code", "message": "unknown incident type"}]
    named = api.post("/api/v1/incidents", json={k: v for k, v in INCIDENT.items() if k != "type_text"})
    assert named.json()["type_text"] == "Fight on the public way"


def test_incidents_group_under_a_major_event(api: TestClient) -> None:
    major = _create(api, type_code="MAJOR", type_text="Demonstration, Place de la République")
    assert major["major_event"] is True
    child = _create(api, major_event_id=major["id"])
    assert child["major_event_id"] == major["id"]
    other = _create(api)
    grouped = api.patch(f"/api/v1/incidents/{other['id']}", json={"major_event_id": major["id"]})
    assert grouped.json()["major_event_id"] == major["id"]
    ungrouped = api.patch(f"/api/v1/incidents/{other['id']}", json={"major_event_id": None})
    assert ungrouped.json()["major_event_id"] is None
    wrong = api.patch(f"/api/v1/incidents/{other['id']}", json={"major_event_id": child["id"]})
    assert wrong.status_code == 422


def test_eido_and_emsi_exports(api: TestClient) -> None:
    incident = _create(api)
    api.post(f"/api/v1/incidents/{incident['id']}/assignments", json={"unit_id": "PS-05@police"})
    eido = api.get(f"/api/v1/incidents/{incident['id']}/eido").json()
    for component in (
        "incidentComponent",
        "locationComponent",
        "notesComponent",
        "emergencyResourceComponent",
        "dispatchComponent",
    ):
        assert component in eido
    tracking = eido["incidentComponent"]["incidentTrackingIdentifier"]
    assert re.fullmatch(r"urn:emergency:uid:incidentid:[0-9a-f]{32}:dispatchd\.invalid", tracking), "NENA's form"
    assert eido["dispatchComponent"][0]["dispatchResourceReference"] == "PS-05@police"
    emsi = api.get(f"/api/v1/incidents/{incident['id']}/emsi").json()["EMSI"]
    assert set(emsi) == {"CONTEXT", "EVENT", "RESOURCE", "MISSION"}
    assert emsi["CONTEXT"]["MODE"] == "ACTUAL"
    assert emsi["EVENT"]["EGEO"][0]["COORD"][0] == {"LAT": 45.75, "LON": 4.84}
    assert emsi["RESOURCE"][0]["RTYPE"]["CLASS"] == ["POL"]
    assert emsi["MISSION"][0]["STATUS"] == "PLAN"


def test_old_idempotency_keys_and_expired_tokens_are_forgotten(tmp_path: Path) -> None:
    with make_client(tmp_path, token_ttl_s=-1.0) as client:
        client.post("/api/v1/auth/token", data={"username": "operator", "password": "operator"})
        storage = client.app.state.ctx.storage
        with storage.transaction() as tx:
            tx.store_response("operator", "old-key", StoredResponse("f", 201, {}))
        assert storage.prune_housekeeping("9999", 1e12) == 2  # the key and the (expired) token
        with storage.read() as tx:
            assert tx.stored_response("operator", "old-key") is None


def test_the_document_declares_the_problem_answers_and_405_says_what_is_allowed(api: TestClient) -> None:
    document = api.get("/openapi.json").json()
    create = document["paths"]["/api/v1/incidents"]["post"]
    assert {"401", "403", "409", "422"} <= create["responses"].keys()
    assert "application/problem+json" in create["responses"]["422"]["content"]
    headers = {p["name"]: p for p in create["parameters"] if p["in"] == "header"}
    assert "idempotency-key" in {name.lower() for name in headers}
    patch = document["paths"]["/api/v1/incidents/{incident_id}"]["patch"]
    if_match = next(p for p in patch["parameters"] if p["name"].lower() == "if-match")
    assert if_match["schema"]["pattern"] and if_match["schema"]["type"] == "string"  # never null
    refused = api.delete("/api/v1/incidents")
    assert refused.status_code == 405 and refused.headers["allow"] == "GET, POST"


def test_a_position_that_would_go_stale_beyond_any_date_is_refused_not_a_server_error(api: TestClient) -> None:
    """Found by schemathesis: stale_after_s of 1.6e16 s overflowed the date arithmetic (a 500)."""
    answer = api.post("/api/v1/units/PS-02@police/positions", json={"lat": 45.7, "lon": 4.8, "stale_after_s": 1.6e16})
    assert answer.status_code == 422 and "stale_after_s" in answer.text
