"""Exercises: dispatchd plays a scenario script or a recorded session live for trainees.

Every incident it creates is marked as an exercise (`exercise: true`, EMSI MODE=EXERCS), and the exercise
itself is an entity (`exercise.updated` events: name, running, incidents created so far) so that every
console shows an EXERCISE banner while it runs.

A script is JSON: `{"name": "Night shift 3", "steps": [{"at_s": 5, "incident": {type_code, priority,
location, note, …}}, …]}`. A session file (`.session`, recorded by a console) gives the incidents created
in it, at their times from its start.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dispatchd.clock import utc_now
from dispatchd.event_bus import EventBus
from dispatchd.service import DispatchService
from dispatchd.storage.interface import Storage

log = logging.getLogger("dispatchd.exercise")
EXERCISE = "exercise"
INCIDENT_FIELDS = ("type_code", "type_text", "priority", "location", "caller", "agencies", "emsi_category")


class ExerciseError(ValueError):
    """A scenario that cannot be played; the message says why."""


@dataclass(frozen=True, slots=True)
class Step:
    at_s: float
    incident: dict[str, Any]


def _from_session(path: Path) -> list[Step]:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            rows = conn.execute("SELECT t, body FROM records WHERE type = 'incident.created' ORDER BY id").fetchall()
    except sqlite3.DatabaseError as exc:
        raise ExerciseError(f"{path.name} is not a readable session file ({exc})") from None
    if not rows:
        raise ExerciseError(f"{path.name} has no incident created during the session")
    start = rows[0][0]
    steps = []
    for t, body in rows:
        incident = json.loads(body)["data"]["incident"]
        payload = {k: incident[k] for k in INCIDENT_FIELDS if incident.get(k) is not None}
        if incident.get("notes"):
            payload["note"] = incident["notes"][0]["text"]
        steps.append(Step(t - start, payload))
    return steps


def load_steps(path: Path) -> tuple[str, list[Step]]:
    """The exercise's name and its steps, from a script or a session file."""
    if path.suffix == ".session":
        return path.stem, _from_session(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        steps = [Step(float(step["at_s"]), dict(step["incident"])) for step in raw["steps"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ExerciseError(f"cannot read the exercise script {path}: {exc}") from None
    return str(raw.get("name") or path.stem), sorted(steps, key=lambda s: s.at_s)


class ExerciseRunner:
    """Creates the steps' incidents at their times (`speed` times faster), marked as an exercise."""

    def __init__(
        self, storage: Storage, service: DispatchService, bus: EventBus, path: Path, speed: float = 1.0
    ) -> None:
        self.name, self.steps = load_steps(path)
        self._storage, self._service, self._bus, self._speed = storage, service, bus, speed
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="exercise", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _tell(self, running: bool, created: int) -> None:
        with self._storage.transaction() as tx:
            previous = tx.get(EXERCISE, "current") or {"version": 0}
            exercise = {
                "id": "current",
                "name": self.name,
                "running": running,
                "incidents_created": created,
                "incidents_planned": len(self.steps),
                "updated_at": utc_now(),
                "version": previous["version"] + 1,
            }
            tx.put(EXERCISE, "current", exercise)
            tx.append_event(
                "exercise.updated", EXERCISE, "current", exercise["version"], "exercise", {"exercise": exercise}
            )
        self._bus.notify()

    def _run(self) -> None:
        started = time.monotonic()
        self._tell(True, 0)
        log.info("exercise %r: %d incidents to play", self.name, len(self.steps))
        for done, step in enumerate(self.steps, start=1):
            if self._stop.wait(max(0.0, step.at_s / self._speed - (time.monotonic() - started))):
                return
            try:
                with self._storage.transaction() as tx:
                    self._service.create_incident(tx, f"exercise:{self.name}", {**step.incident, "exercise": True})
            except Exception:
                log.exception("exercise %r: step %d could not be played", self.name, done)
            self._tell(True, done)
        self._tell(False, len(self.steps))
        log.info("exercise %r: all incidents played", self.name)
