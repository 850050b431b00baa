"""The session file: seeking equals playing, checkpoints change nothing, bad files get a clear message."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.domain.events import MalformedEvent, event_from_dict
from console.domain.state import DispatchState
from console.recording.logic.session_file import SessionFileError, SessionReader, SessionWriter
from tests.unit.console.factories import event, incident, snapshot, unit

POSITION = {"lat": 45.75, "lon": 4.84, "observed_at": "2026-11-24T08:00:00Z", "stale_at": "2026-11-24T08:05:00Z"}


def change(kind: str, n: int, value: int, live: DispatchState) -> tuple[str, str, dict[str, Any], int]:
    """One event of a small world: two incidents, two units, a bookmark, a post; some of them malformed.
    Incident deltas follow the version the console holds (as the backend's do)."""
    iid, uid = f"i{n % 2}", f"U{n % 2}@police"
    if kind == "incident":  # the whole-incident form of older recordings
        version = value + 1
        return "incident.updated", iid, {"incident": incident(iid, version=version, priority=value % 10 + 1)}, version
    if kind in ("delta", "note"):
        version = live.incidents[iid].version + 1
        changes = {"version": version, "updated_at": "2026-11-24T08:01:00Z"}
        if kind == "note":
            note = {"id": f"n{n}", "text": f"note {value}", "author": "op", "created_at": "2026-11-24T08:01:00Z"}
            return "incident.note_added", iid, {"note": note, "changes": changes}, version
        data = {"changes": {**changes, "priority": value % 10 + 1, "status": "active"}, "changed": ["priority"]}
        return ("incident.closed" if value % 7 == 0 else "incident.updated"), iid, data, version
    if kind == "positions":
        batch = [
            {"unit_id": u, "position": {**POSITION, "lat": 45.7 + value / 1000}} for u in ("U0@police", "U9@police")
        ]
        return "unit.positions", "*", {"positions": batch}, 0
    if kind == "unit":
        return "unit.updated", uid, {"unit": unit(uid, version=value + 1, secondary_status="EnRoute")}, value + 1
    if kind == "position":
        return "unit.position", uid, {"position": {**POSITION, "lat": 45.7 + value / 1000}}, 1
    if kind == "bookmark":
        mark = {
            "id": "b1",
            "incident_id": "i0",
            "camera_id": "c1",
            "start": "2026-11-24T08:00:00Z",
            "end": "2026-11-24T08:00:10Z",
            "labels": [str(value)],
            "note": "",
            "created_by": "op",
            "version": 1,
        }
        return ("bookmark.deleted" if value % 3 == 0 else "bookmark.updated"), "b1", {"bookmark": mark}, 1
    if kind == "post":
        post = {"id": f"p{value % 4}", "platform": "demo", "text": f"post {value}", "posted_at": "2026-11-24T08:00:00Z"}
        return "social.post", post["id"], {"post": post}, 1
    if kind == "exercise":
        drill = {"id": "current", "name": f"drill {value % 3}", "running": value % 2 == 0, "version": value}
        return "exercise.updated", "current", {"exercise": drill}, 1
    if kind == "bad-delta":
        bad = {"changes": {"priority": 99, "version": live.incidents[iid].version + 1, "updated_at": "x"}}
        return "incident.updated", iid, bad, live.incidents[iid].version + 1  # malformed: skipped by both
    return "incident.updated", iid, {"incident": {"id": iid, "number": 7}}, 1  # malformed: skipped by both


STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "incident",
                "delta",
                "note",
                "unit",
                "position",
                "positions",
                "bookmark",
                "post",
                "exercise",
                "bad",
                "bad-delta",
            ]
        ),
        st.integers(0, 50),
    ),
    min_size=1,
    max_size=40,
)


def played(base: dict[str, Any], events: list[dict[str, Any]]) -> DispatchState:
    state = DispatchState()
    state.load_snapshot(base)
    for raw in events:
        try:
            state.apply(event_from_dict(raw, raw["seq"]))
        except MalformedEvent as error:
            state.skip(error)
    return state


def seen(state: DispatchState) -> tuple[Any, ...]:
    return (state.last_seq, state.incidents, state.units, state.bookmarks, state.social_posts, state.exercise)


@settings(max_examples=60, deadline=None)
@given(steps=STEPS, checkpoint_every=st.integers(1, 7), cut=st.floats(0, 1))
def test_seeking_to_a_time_gives_the_state_of_playing_up_to_it(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, int]], checkpoint_every: int, cut: float
) -> None:
    path = tmp_path_factory.mktemp("session") / "s.session"
    base = snapshot(1, incidents=[incident("i0"), incident("i1")], units=[unit("U0@police"), unit("U1@police")])
    writer = SessionWriter(path, {"user": "op"}, checkpoint_every=checkpoint_every)
    writer.append(100.0, "snapshot", "snapshot", base)
    events, live = [], DispatchState()
    live.load_snapshot(base)
    for n, (kind, value) in enumerate(steps):
        type_, entity_id, data, version = change(kind, n, value, live)
        events.append(event(2 + n, type_, entity_id, data, version=version))
        try:  # the recorder is told of the events the console applied, and only of those
            live.apply(event_from_dict(events[-1], 2 + n))
        except MalformedEvent as error:
            live.skip(error)
            writer.append(101.0 + n, "skip", "skip", {"seq": error.seq, "reason": error.reason})
        else:
            writer.append(101.0 + n, "event", type_, events[-1])
        if n % 5 == 4:
            writer.append(101.5 + n, "action", "assign", {"description": "assign a unit"})
            writer.commit()
    writer.close()
    reader = SessionReader(path)
    t = 100.0 + cut * (len(events) + 1)
    state_at, _last = reader.state_at(t)
    sought = DispatchState()
    sought.load_snapshot(state_at)
    assert seen(sought) == seen(played(base, [e for n, e in enumerate(events) if 101.0 + n <= t]))
    reader.close()


def test_a_newer_format_a_damaged_file_and_something_else_each_get_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "s.session"
    writer = SessionWriter(path, {})
    writer.append(1.0, "snapshot", "snapshot", snapshot(1))
    writer.close()
    assert SessionReader(path).count == 1
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '9' WHERE key = 'format_version'")
    with pytest.raises(SessionFileError, match=r"recorded by a newer console \(session format 9; this console reads"):
        SessionReader(path)
    text = tmp_path / "notes.session"
    text.write_text("not a database at all, just words " * 200)
    with pytest.raises(SessionFileError, match="is not a session file, or a damaged one"):
        SessionReader(text)
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(SessionFileError, match="is not a session file of this console"):
        SessionReader(other)
    with pytest.raises(SessionFileError, match="There is no session file at"):
        SessionReader(tmp_path / "missing.session")
    with pytest.raises(SessionFileError, match="already exists"):
        SessionWriter(path, {})


def test_a_truncated_file_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "s.session"
    writer = SessionWriter(path, {})
    writer.append(1.0, "snapshot", "snapshot", snapshot(1, incidents=[incident(f"i{n}") for n in range(300)]))
    for n in range(2000):
        writer.append(
            2.0 + n, "event", "incident.updated", event(2 + n, "incident.updated", "i1", {"incident": incident("i1")})
        )
    writer.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SessionFileError, match="damaged"):
        SessionReader(path)


def test_markers_and_notes(tmp_path: Path) -> None:
    path = tmp_path / "s.session"
    writer = SessionWriter(path, {})
    writer.append(1.0, "snapshot", "snapshot", snapshot(1))
    writer.append(2.0, "event", "incident.created", event(2, "incident.created", "i1", {"incident": incident("i1")}))
    writer.append(
        3.0,
        "event",
        "incident.created",
        event(3, "incident.created", "i2", {"incident": incident("i2", priority=9, type_text="Cardiac arrest")}),
    )
    writer.append(4.0, "action", "assign", {"description": "assign PS-01 to 2026-i2"})
    writer.close()
    reader = SessionReader(path)
    reader.add_note(2.5, "Too slow to dispatch here")
    assert [(m.t, m.kind, m.label) for m in reader.markers()] == [
        (2.0, "incident", "2026-i1 Fight on the public way"),
        (2.5, "note", "Too slow to dispatch here"),
        (3.0, "alert", "2026-i2 Cardiac arrest"),
        (4.0, "action", "assign PS-01 to 2026-i2"),
    ]
    assert SessionReader(path).notes() == [(2.5, "Too slow to dispatch here")], "notes are kept in the file"


def test_the_console_clock_stands_at_the_replayed_time_then_goes_back_to_the_wall_clock() -> None:
    from datetime import UTC, datetime, timedelta

    from console.domain.clock import ConsoleClock

    clock = ConsoleClock()
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=1)
    clock.replay_at(datetime(2026, 11, 24, 21, 0, tzinfo=UTC))
    assert clock.now() == datetime(2026, 11, 24, 21, 0, tzinfo=UTC)
    clock.replay_at(None)
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=1)


def test_a_replay_starts_where_the_recording_first_holds_a_state(tmp_path: Path) -> None:
    """A console records its wall before the backend's snapshot arrives: starting there would show nothing."""
    path = tmp_path / "s.session"
    writer = SessionWriter(path, {})
    writer.append(0.5, "action", "wall", {"description": "wall 2×2: empty"})
    writer.append(1.5, "snapshot", "snapshot", snapshot(1, incidents=[incident("i1")]))
    writer.close()
    reader = SessionReader(path)
    assert (reader.start, reader.first_state_time()) == (0.5, 1.5)
    state, _ = reader.state_at(reader.first_state_time())
    assert [i["id"] for i in state["incidents"]] == ["i1"]
    reader.close()
