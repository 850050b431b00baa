"""The audit trail is a hash chain: logins, locks, reads of evidence; any edit is found and named."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
from fastapi.testclient import TestClient

from dispatchd import audit
from dispatchd.clock import format_utc
from dispatchd.storage import SQLiteStorage
from tests.conftest import INCIDENT
from tests.unit.dispatchd.conftest import make_client

TOKEN = "/api/v1/auth/token"


def _verify(data_dir: Path) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "dispatchd", "--data-dir", str(data_dir), "--verify-audit"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, done.stdout.strip()


def _fill(tmp_path: Path) -> tuple[Path, list[dict]]:
    """Logins good and bad, a lock, a photo read: the trail of a short shift."""
    with make_client(tmp_path, max_login_failures=3) as client:
        for n in range(3):
            client.post(TOKEN, data={"username": "operator", "password": f"guess-{n}"})
        token = client.post(TOKEN, data={"username": "supervisor", "password": "supervisor"}).json()["access_token"]
        client.headers["Authorization"] = f"Bearer {token}"
        incident = client.post("/api/v1/incidents", json=INCIDENT).json()["id"]
        jpeg = bytes(cv2.imencode(".jpg", np.zeros((20, 20, 3), np.uint8))[1].tobytes())
        media = client.post(
            f"/api/v1/incidents/{incident}/media", data={"kind": "photo"}, files={"file": ("p.jpg", jpeg)}
        ).json()
        client.get(f"/api/v1/media/{media['id']}/content")
        client.get(f"/api/v1/media/{media['id']}/content", headers={"Range": "bytes=100-"})  # the same reading
        trail = client.get("/api/v1/audit").json()
    actions = [(e["actor"], e["action"], e["address"]) for e in trail if e.get("entity_type") == "login"]
    assert actions == [
        ("operator", "login_failed", "testclient"),
        ("operator", "login_failed", "testclient"),
        ("operator", "login_failed", "testclient"),
        ("operator", "account_locked", "testclient"),
        ("supervisor", "login", "testclient"),
    ]
    reads = [e for e in trail if e["action"] == "read"]
    assert [(e["entity_id"], e["actor"]) for e in reads] == [(media["id"], "supervisor")]
    return tmp_path / "backend", sorted(trail, key=lambda e: e["n"])


def test_the_trail_verifies_and_an_edited_entry_is_named(tmp_path: Path) -> None:
    data, trail = _fill(tmp_path)
    assert _verify(data) == (0, f"OK ({len(trail)} entries)")
    second, fourth = trail[-5]["n"], trail[-3]["n"]  # the operator's second guess, its lock
    with sqlite3.connect(data / "dispatchd.sqlite3") as db:
        (body,) = db.execute(
            "SELECT body FROM entities WHERE kind = 'audit' AND id = ?", (audit.key_of(second),)
        ).fetchone()
        forged = {**json.loads(body), "address": "10.9.9.9"}  # someone hides where a guess came from
        db.execute(
            "UPDATE entities SET body = ? WHERE kind = 'audit' AND id = ?", (json.dumps(forged), audit.key_of(second))
        )
    code, said = _verify(data)
    assert (
        code == 1
        and said.startswith(f"BROKEN: entry {second} (2")
        and said.endswith("was changed after it was written")
    )
    with sqlite3.connect(data / "dispatchd.sqlite3") as db:
        db.execute("UPDATE entities SET body = ? WHERE kind = 'audit' AND id = ?", (body, audit.key_of(second)))
        db.execute("DELETE FROM entities WHERE kind = 'audit' AND id = ?", (audit.key_of(fourth),))
    assert _verify(data) == (1, f"BROKEN: entry {fourth} is missing")


def test_pruning_keeps_the_rest_of_the_chain_checkable(tmp_path: Path) -> None:
    data, trail = _fill(tmp_path)
    storage = SQLiteStorage(data / "dispatchd.sqlite3")
    try:
        with storage.transaction() as tx:
            assert audit.prune(tx, format_utc(datetime.now(UTC) - timedelta(days=1))) == 0  # all are recent
            assert audit.prune(tx, format_utc(datetime.now(UTC) + timedelta(seconds=1))) == len(trail)
        with storage.transaction() as tx:
            audit.record(tx, "admin", "export", entity_type="bookmark", entity_id="b1")
        with storage.read() as tx:
            assert str(audit.verify(tx)) == "OK (1 entries)"
    finally:
        storage.close()
    assert _verify(data) == (0, "OK (1 entries)")


def test_an_incident_export_is_in_the_trail(api: TestClient) -> None:
    incident = api.post("/api/v1/incidents", json=INCIDENT).json()["id"]
    assert api.get(f"/api/v1/incidents/{incident}/eido").status_code == 200
    assert api.get(f"/api/v1/incidents/{incident}/emsi").status_code == 200
    exports = api.get("/api/v1/audit", params={"entity_type": "incident"}).json()
    assert [(e["action"], e["entity_id"], e["format"], e["actor"]) for e in exports] == [
        ("export", incident, "eido", "supervisor"),
        ("export", incident, "emsi", "supervisor"),
    ]
