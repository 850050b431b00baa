"""A centre's own reference data through the API: units, cameras (credentials apart), sectors, incident types."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dispatchd.app import create_app
from dispatchd.auth import Role
from dispatchd.config import ServerConfig

PASSWORDS = {"admin": "admin-pass", "sup": "sup-pass", "op": "op-pass"}
ROLES = {"admin": Role.ADMIN, "sup": Role.SUPERVISOR, "op": Role.OPERATOR}
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[4.83, 45.74], [4.85, 45.74], [4.85, 45.76], [4.83, 45.76], [4.83, 45.74]]],
}
UNIT = {"callsign": "PS-11", "agency": "police", "type_common": "PatrolUnit", "home_sector": "Centre"}
LOGIN = {"username": "viewer", "password": "s3cret-Pa55"}
CAMERA = {"name": "Place Bellecour", "kind": "ptz", "lat": 45.757, "lon": 4.832, "main_url": "rtsp://10.0.0.8/main",
          "sub_url": "rtsp://10.0.0.8/sub", "credentials": LOGIN}  # fmt: skip
TYPE = {"names": {"en": "Shop robbery", "fr": "Vol à main armée en commerce"}, "emsi_category": "PSW/CRIME",
        "eido_type": "Robbery", "priority": 8, "agencies": ["police"]}  # fmt: skip


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[dict[str, TestClient]]:
    """An empty centre (no demo): an admin, a supervisor and an operator, each with a client."""
    app = create_app(ServerConfig(data_dir=tmp_path / "centre", demo=False, simulate=False))
    for name, role in ROLES.items():
        app.state.ctx.auth.add_account(name, PASSWORDS[name], role)
    clients = {}
    with TestClient(app) as client:
        for name in ROLES:
            token = client.post("/api/v1/auth/token", data={"username": name, "password": PASSWORDS[name]})
            headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
            clients[name] = TestClient(app, headers=headers)
        yield clients


def events(client: TestClient, after: int = 0) -> list[dict[str, object]]:
    return client.get("/api/v1/events", params={"after": after}).json()["events"]  # type: ignore[no-any-return]


def test_units_are_created_changed_with_if_match_retired_and_each_change_is_an_event(
    centre: dict[str, TestClient],
) -> None:
    sup, op = centre["sup"], centre["op"]
    assert op.put("/api/v1/units/PS-11@police", json=UNIT).status_code == 403, "operators do not manage the fleet"
    created = sup.put("/api/v1/units/PS-11@police", json=UNIT)
    assert created.status_code == 200 and created.json()["version"] == 1
    assert created.json()["secondary_status"] == "Available" and created.json()["home_sector"] == "Centre"
    assert sup.put("/api/v1/units/PS-11@police", json=UNIT).json()["version"] == 1, "the same again: no change"
    assert [e["type"] for e in events(sup)] == ["unit.updated"]
    stale = sup.put("/api/v1/units/PS-11@police", json={**UNIT, "home_sector": "Gare"}, headers={"If-Match": "0"})
    assert stale.status_code == 412
    moved = sup.put("/api/v1/units/PS-11@police", json={**UNIT, "home_sector": "Gare"}, headers={"If-Match": "1"})
    assert moved.json()["version"] == 2
    wrong_id = sup.put("/api/v1/units/PS-12@police", json=UNIT)
    assert wrong_id.status_code == 422 and "callsign@agency" in wrong_id.json()["detail"]
    retired = sup.post("/api/v1/units/PS-11@police/retire", headers={"If-Match": "2"})
    assert retired.status_code == 200 and retired.json()["retired"] is True
    assert sup.get("/api/v1/units/PS-11@police").json()["retired"] is True, "kept for the incidents that name it"
    trail = centre["admin"].get("/api/v1/audit", params={"entity_type": "unit"}).json()
    assert [(e["action"], e["changed"], e["actor"]) for e in trail] == [
        ("create", ["agency", "callsign", "home_sector", "retired", "type_common"], "sup"),
        ("change", ["home_sector"], "sup"),
        ("change", ["retired"], "sup"),
    ]


def test_a_unit_on_an_incident_cannot_be_retired(centre: dict[str, TestClient]) -> None:
    admin = centre["admin"]
    admin.put("/api/v1/units/PS-11@police", json=UNIT)
    incident = admin.post(
        "/api/v1/incidents", json={"type_code": "X", "priority": 5, "location": {"lat": 45.75, "lon": 4.84}}
    )
    admin.post(f"/api/v1/incidents/{incident.json()['id']}/assignments", json={"unit_id": "PS-11@police"})
    refused = admin.post("/api/v1/units/PS-11@police/retire")
    assert refused.status_code == 409 and "take it off" in refused.json()["detail"]


def test_camera_credentials_never_leave_except_in_the_stream_addresses(centre: dict[str, TestClient]) -> None:
    sup = centre["sup"]
    saved = sup.put("/api/v1/cameras/cam-bellecour", json=CAMERA)
    assert saved.status_code == 200 and saved.json()["has_credentials"] is True
    everything_else = json.dumps(
        [saved.json(), sup.get("/api/v1/cameras").json(), events(sup), sup.get("/api/v1/snapshot").json(),
         centre["admin"].get("/api/v1/audit").json()]
    )  # fmt: skip
    assert "s3cret-Pa55" not in everything_else and "viewer" not in everything_else
    streams = centre["op"].get("/api/v1/cameras/cam-bellecour/streams")
    assert streams.json()["main_url"] == "rtsp://viewer:s3cret-Pa55@10.0.0.8/main"
    assert streams.headers["Cache-Control"] == "no-store"
    kept = sup.put("/api/v1/cameras/cam-bellecour", json={k: v for k, v in CAMERA.items() if k != "credentials"})
    assert kept.json()["has_credentials"] is True, "left out: the stored login stays"
    dropped = sup.put("/api/v1/cameras/cam-bellecour", json={**CAMERA, "credentials": None, "remove_credentials": True})
    assert dropped.json()["has_credentials"] is False
    assert centre["op"].get("/api/v1/cameras/cam-bellecour/streams").json()["main_url"] == "rtsp://10.0.0.8/main"


def test_sectors_and_incident_types_are_the_admins_and_every_console_is_told(centre: dict[str, TestClient]) -> None:
    admin, sup = centre["admin"], centre["sup"]
    assert sup.put("/api/v1/sectors/centre", json={"name": "Centre", "geometry": SQUARE}).status_code == 403
    open_ring = {"type": "Polygon", "coordinates": [SQUARE["coordinates"][0][:-1]]}  # type: ignore[index]
    bad = admin.put("/api/v1/sectors/centre", json={"name": "Centre", "geometry": open_ring})
    assert bad.status_code == 422 and "not closed" in bad.json()["detail"]
    assert admin.put("/api/v1/sectors/centre", json={"name": "Centre", "geometry": SQUARE}).status_code == 200
    assert [f["properties"]["name"] for f in admin.get("/api/v1/sectors").json()["features"]] == ["Centre"]
    assert admin.put("/api/v1/incident-types/ROBBERY", json=TYPE).status_code == 200
    incident = admin.post("/api/v1/incidents", json={"type_code": "ROBBERY", "priority": 8,
                                                       "location": {"lat": 45.75, "lon": 4.84}}).json()  # fmt: skip
    assert incident["type_text"] == "Shop robbery" and incident["location"]["sector"] == "Centre"
    aliens = {"type_code": "ALIENS", "priority": 1, "location": {"lat": 45.75, "lon": 4.84}}
    assert admin.post("/api/v1/incidents", json=aliens).status_code == 422
    assert [e["type"] for e in events(admin)][:2] == ["sector.updated", "incident_type.updated"]
    snapshot = admin.get("/api/v1/snapshot").json()
    assert [s["name"] for s in snapshot["sectors"]] == ["Centre"]
    assert snapshot["incident_types"][0]["names"]["fr"] == "Vol à main armée en commerce"
    admin.post("/api/v1/incident-types/ROBBERY/retire")
    assert admin.get("/api/v1/incident-types").json() == [], "retired: not offered for new incidents"


def test_accounts_are_created_reset_demoted_and_disabled_by_admins_only(centre: dict[str, TestClient]) -> None:
    admin, sup = centre["admin"], centre["sup"]
    assert sup.get("/api/v1/accounts").status_code == 403
    assert admin.put("/api/v1/accounts/op2", json={"role": "operator"}).status_code == 422, "a new one needs one"
    assert admin.put("/api/v1/accounts/op2", json={"role": "operator", "password": "short"}).status_code == 422
    assert (
        admin.put("/api/v1/accounts/op2", json={"role": "operator", "password": "Quiet-Night-Shift"}).status_code == 200
    )
    login = admin.post("/api/v1/auth/token", data={"username": "op2", "password": "Quiet-Night-Shift"})
    assert login.status_code == 200
    token = {"Authorization": f"Bearer {login.json()['access_token']}"}
    assert admin.put("/api/v1/accounts/op2", json={"role": "operator", "disabled": True}).json()["disabled"] is True
    assert admin.get("/api/v1/incidents", headers=token).status_code == 401, "disabled: logged out at once"
    refused = admin.post("/api/v1/auth/token", data={"username": "op2", "password": "Quiet-Night-Shift"})
    assert refused.status_code == 401 and refused.json()["detail"] == "The user name or the password is wrong."
    same_name = admin.put("/api/v1/accounts/night-op", json={"role": "operator", "password": "NIGHT-OP-shift-7"})
    assert same_name.status_code == 422
    assert admin.put("/api/v1/accounts/admin", json={"role": "operator"}).status_code == 409, "not one's own"
    assert {(a["username"], a["role"], a["disabled"]) for a in admin.get("/api/v1/accounts").json()} >= {
        ("op2", "operator", True), ("admin", "admin", False)}  # fmt: skip
    trail = admin.get("/api/v1/audit", params={"entity_type": "account"}).json()
    assert [(e["entity_id"], e["changed"]) for e in trail] == [("op2", ["created"]), ("op2", ["disabled"])]
    assert "Quiet-Night-Shift" not in str(trail)
