"""Exercises: dispatchd plays a scenario or a recorded session live; every incident is marked as a drill."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.recording.logic.session_file import SessionWriter
from dispatchd.exercise import ExerciseError, load_steps
from tests.conftest import INCIDENT
from tests.support.eventually import eventually
from tests.unit.console.factories import event, incident, snapshot
from tests.unit.dispatchd.conftest import make_client


def test_a_scenario_is_played_live_with_every_incident_marked_exercise(tmp_path: Path) -> None:
    script = tmp_path / "night-3.json"
    steps = [{"at_s": n * 2.0, "incident": {**INCIDENT, "note": f"drill call {n}"}} for n in range(3)]
    script.write_text(json.dumps({"name": "Night shift 3", "steps": steps}))
    with make_client(tmp_path, exercise=script, exercise_speed=20.0) as api:
        token = api.post("/api/v1/auth/token", data={"username": "trainer", "password": "trainer"})
        api.headers["Authorization"] = f"Bearer {token.json()['access_token']}"

        def finished() -> bool:
            current = api.get("/api/v1/snapshot").json()["exercise"]
            return current is not None and current["running"] is False

        eventually(finished, timeout=10, what="the exercise played to its end")
        exercise = api.get("/api/v1/snapshot").json()["exercise"]
        assert (exercise["name"], exercise["incidents_created"], exercise["incidents_planned"]) == (
            "Night shift 3",
            3,
            3,
        )
        incidents = api.get("/api/v1/incidents").json()
        assert len(incidents) == 3 and all(i["exercise"] for i in incidents)
        assert sorted(i["notes"][0]["text"] for i in incidents) == ["drill call 0", "drill call 1", "drill call 2"]
        emsi = api.get(f"/api/v1/incidents/{incidents[0]['id']}/emsi").json()
        assert emsi["EMSI"]["CONTEXT"]["MODE"] == "EXERCS"
        events = api.get("/api/v1/events", params={"after": 0, "limit": 5000}).json()["events"]
        told = [e["data"]["exercise"]["incidents_created"] for e in events if e["type"] == "exercise.updated"]
        assert told == [0, 1, 2, 3, 3], "consoles are told as it goes"


def test_a_recorded_session_becomes_an_exercise_and_a_bad_scenario_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "real-night.session"
    writer = SessionWriter(path, {})
    writer.append(1000.0, "snapshot", "snapshot", snapshot(1))
    for n, at in enumerate((1010.0, 1070.0)):
        created = incident(f"i{n}", priority=8, notes=[{"id": "n", "text": "caller panicking", "author": "op",
                                                        "created_at": "2026-11-24T08:00:00Z"}])  # fmt: skip
        writer.append(at, "event", "incident.created", event(2 + n, "incident.created", f"i{n}", {"incident": created}))
    writer.close()
    name, steps = load_steps(path)
    assert name == "real-night" and [s.at_s for s in steps] == [0.0, 60.0]
    assert steps[0].incident["type_code"] == "FIGHT" and steps[0].incident["note"] == "caller panicking"
    assert "id" not in steps[0].incident and "number" not in steps[0].incident, "new incidents, not copies"
    broken = tmp_path / "broken.json"
    broken.write_text('{"steps": [{"incident": {}}]}')
    with pytest.raises(ExerciseError, match="cannot read the exercise script"):
        make_client(tmp_path, exercise=broken)
