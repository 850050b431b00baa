"""Applying events to the console's state: in seq order, once each, malformed ones skipped in place."""

from __future__ import annotations

import json
from typing import Any

import pytest

from console.domain.events import MalformedEvent, event_from_dict, parse_sse_event
from console.domain.state import DispatchState, Outcome
from tests.unit.console.factories import event, incident, snapshot, unit


def _without(entity: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in entity.items() if k != key}


def _state(seq: int = 10) -> DispatchState:
    state = DispatchState()
    state.load_snapshot(snapshot(seq, units=[unit()], incidents=[incident()]))
    return state


def test_snapshot_loads_entities_and_seq() -> None:
    state = _state(10)
    assert state.last_seq == 10
    assert state.incidents["i1"].number == "2026-i1"
    assert state.units["PS-01@police"].callsign == "PS-01"


def test_snapshot_skips_a_bad_entity_and_reports_it() -> None:
    state = DispatchState()
    problems = state.load_snapshot(snapshot(3, incidents=[incident("ok"), _without(incident("broken"), "priority")]))
    assert list(state.incidents) == ["ok"]
    assert problems == ["incidents: incident has no 'priority'"]


def test_the_next_event_is_applied_and_reports_the_change() -> None:
    state = _state(10)
    result = state.apply(event_from_dict(event(11, "incident.created", "i2", {"incident": incident("i2")}), 11))
    assert result.outcome is Outcome.APPLIED
    assert [(c.kind, c.id, c.created) for c in result.changes] == [("incident", "i2", True)]
    assert state.last_seq == 11


def test_an_event_already_applied_is_ignored() -> None:
    state = _state(10)
    updated = incident(priority=9, version=2)
    assert (
        state.apply(event_from_dict(event(10, "incident.updated", "i1", {"incident": updated}), 10)).outcome
        is Outcome.DUPLICATE
    )
    assert state.incidents["i1"].priority == 6


def test_an_event_beyond_the_next_is_a_gap_and_changes_nothing() -> None:
    state = _state(10)
    result = state.apply(event_from_dict(event(13, "incident.created", "i3", {"incident": incident("i3")}), 13))
    assert result.outcome is Outcome.GAP
    assert "i3" not in state.incidents and state.last_seq == 10


def test_a_position_report_moves_the_unit() -> None:
    state = _state(10)
    position = {
        "lat": 45.7,
        "lon": 4.8,
        "course": 90.0,
        "speed": 12.0,
        "observed_at": "2026-11-24T08:00:05Z",
        "stale_at": "2026-11-24T08:00:20Z",
    }
    state.apply(event_from_dict(event(11, "unit.position", "PS-01@police", {"position": position}), 11))
    assert state.units["PS-01@police"].position is not None
    assert state.units["PS-01@police"].position.lat == 45.7


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("{not json", "bad JSON"),
        (json.dumps(event(11, "incident.exploded", "i1", {})), "unknown event type 'incident.exploded'"),
        (json.dumps({**event(11, "incident.created", "i1", {}), "entity": {}}), "no 'entity' with an 'id'"),
        (
            json.dumps(event(11, "incident.created", "i9", {"incident": _without(incident("i9"), "priority")})),
            "incident has no 'priority'",
        ),
        (json.dumps(event(11, "unit.position", "ghost@police", {"position": {}})), "unknown unit"),
    ],
)
def test_a_malformed_event_is_skipped_in_its_place(data: str, reason: str) -> None:
    state = _state(10)
    with pytest.raises(MalformedEvent) as caught:
        state.apply(parse_sse_event("11", "", data))
    assert caught.value.seq == 11
    assert reason in caught.value.reason
    assert state.skip(caught.value) is Outcome.SKIPPED
    assert state.last_seq == 11
    nxt = event_from_dict(event(12, "incident.created", "i2", {"incident": incident("i2")}), 12)
    assert state.apply(nxt).outcome is Outcome.APPLIED


def test_stream_id_and_event_seq_must_agree() -> None:
    with pytest.raises(MalformedEvent, match="differ"):
        parse_sse_event("12", "incident.created", json.dumps(event(11, "incident.created", "i", {})))


def test_events_of_capabilities_not_modelled_yet_still_advance_the_seq() -> None:
    state = _state(10)
    result = state.apply(event_from_dict(event(11, "alert.raised", "a1", {"alert": {"text": "x"}}), 11))
    assert result.outcome is Outcome.APPLIED and state.last_seq == 11


def _note(n: int) -> dict[str, Any]:
    return {"id": f"n{n}", "text": f"note {n}", "author": "op", "created_at": "2026-11-30T10:00:00.000Z"}


def test_incident_deltas_apply_changes_and_notes_to_the_held_incident() -> None:
    state = _state(10)
    changes = {"priority": 9, "status": "active", "version": 2, "updated_at": "2026-11-30T10:01:00.000Z"}
    data = {"changes": changes, "changed": ["priority", "status"]}
    assert state.apply(event_from_dict(event(11, "incident.updated", "i1", data, version=2), 11)).changes[0].id == "i1"
    note = {"note": _note(1), "changes": {"version": 3, "updated_at": "2026-11-30T10:02:00.000Z"}}
    assert state.apply(event_from_dict(event(12, "incident.note_added", "i1", note, version=3), 12)).outcome is (
        Outcome.APPLIED
    )
    held = state.incidents["i1"]
    assert (held.priority, held.status, held.version, held.number) == (9, "active", 3, "2026-i1")
    assert [n.text for n in held.notes][-1] == "note 1" and held.updated_at.minute == 2


def test_a_delta_that_skips_a_version_asks_for_the_snapshot_and_changes_nothing() -> None:
    state = _state(10)
    data = {"changes": {"priority": 9, "version": 3, "updated_at": "2026-11-30T10:01:00.000Z"}, "changed": []}
    result = state.apply(event_from_dict(event(11, "incident.updated", "i1", data, version=3), 11))
    assert result.outcome is Outcome.RESYNC
    assert state.last_seq == 10 and state.incidents["i1"].priority == 6
    unknown = {"note": _note(1), "changes": {"version": 2, "updated_at": "2026-11-30T10:01:00.000Z"}}
    assert state.apply(event_from_dict(event(11, "incident.note_added", "i9", unknown, version=2), 11)).outcome is (
        Outcome.RESYNC
    )


def test_a_delta_with_a_bad_value_is_malformed() -> None:
    state = _state(10)
    data = {"changes": {"priority": 99, "version": 2, "updated_at": "2026-11-30T10:01:00.000Z"}, "changed": []}
    with pytest.raises(MalformedEvent, match=r"changes\.priority"):
        state.apply(event_from_dict(event(11, "incident.updated", "i1", data, version=2), 11))


def test_a_batch_of_positions_moves_the_units_held_and_leaves_the_others() -> None:
    state = DispatchState()
    state.load_snapshot(snapshot(10, units=[unit("A@police"), unit("B@police")]))
    where = {"observed_at": "2026-11-30T10:00:00.000Z", "stale_at": "2026-11-30T10:01:00.000Z"}
    batch = [
        {"unit_id": "A@police", "position": {"lat": 45.1, "lon": 4.1, **where}},
        {"unit_id": "Z@police", "position": {"lat": 45.2, "lon": 4.2, **where}},  # not held: left
        {"unit_id": "B@police", "position": {"lat": 45.3, "lon": 4.3, **where}},
    ]
    result = state.apply(event_from_dict(event(11, "unit.positions", "*", {"positions": batch}, version=0), 11))
    assert [c.id for c in result.changes] == ["A@police", "B@police"]
    assert [(u.position.lat if u.position else None) for u in state.units.values()] == [45.1, 45.3]
    broken = [batch[0], {"unit_id": "B@police", "position": {"lat": "north"}}]
    with pytest.raises(MalformedEvent, match=r"positions\.1\.position"):
        state.apply(event_from_dict(event(12, "unit.positions", "*", {"positions": broken}, version=0), 12))
    assert state.units["B@police"].position is not None and state.units["B@police"].position.lat == 45.3
