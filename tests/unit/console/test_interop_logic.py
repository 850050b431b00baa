"""The console's pure side of interoperability: TAK tracks and links in the state, the status words, which units a
track is offered to, a public warning's body and the newest message of each warning."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from console.domain.events import Event, event_from_dict
from console.domain.model import Incident, Track, Unit
from console.domain.state import DispatchState, Outcome
from console.map.logic.items import track_gone, track_item, units_for_track
from console.operations.field_link import tak_link_text
from console.operations.public_warning import default_form, warning_body, warnings_of

NOW = datetime.now(UTC)


def _position(lat: float, lon: float, age_s: float = 5, stale_in_s: float = 60) -> dict[str, Any]:
    observed = NOW - timedelta(seconds=age_s)
    return {"lat": lat, "lon": lon, "observed_at": observed.isoformat(),
            "stale_at": (observed + timedelta(seconds=stale_in_s)).isoformat(), "source": "cot"}  # fmt: skip


def _event(seq: int, type_: str, entity_id: str, data: dict[str, Any]) -> Event:
    entity = {"type": "track", "id": entity_id, "version": 0}
    raw = {"seq": seq, "ts": NOW.isoformat(), "type": type_, "actor": "tak", "entity": entity, "data": data}
    return event_from_dict(raw, seq)


def test_tracks_links_and_warnings_are_applied_and_come_back_from_a_snapshot() -> None:
    state = DispatchState()
    warning = {"identifier": "x.0", "warning_id": "w0", "incident_id": "i", "sent_at": "0"}
    state.load_snapshot({"seq": 0, "tracks": [{"uid": "A-1", "callsign": "Alpha", "position": _position(45.7, 4.8)}],
                         "links": [{"name": "tak", "state": "listening"}], "warnings": [warning]})  # fmt: skip
    assert list(state.tracks) == ["A-1"] and state.links["tak"]["state"] == "listening"
    assert list(state.warnings) == ["x.0"], "a console started after a warning knows it"
    seen = {"tracks": [{"uid": "B-2", "callsign": "Bravo", "position": _position(45.71, 4.81)}]}
    assert state.apply(_event(1, "track.seen", "*", seen)).outcome is Outcome.APPLIED
    assert set(state.tracks) == {"A-1", "B-2"}
    state.apply(_event(2, "track.mapped", "A-1", {"track": {}, "unit_id": "PS-1@police"}))
    assert set(state.tracks) == {"B-2"}
    state.apply(_event(3, "link.status", "tak", {"link": {"name": "tak", "state": "retrying", "retry_in_s": 4}}))
    assert state.links["tak"]["state"] == "retrying"
    alert = {"identifier": "x.1", "warning_id": "w1", "incident_id": "inc-1", "msg_type": "Alert", "sent_at": "1"}
    result = state.apply(_event(4, "cap.alert", "x.1", {"alert": alert}))
    assert [c.kind for c in result.changes] == ["warning"] and state.warnings["x.1"]["warning_id"] == "w1"


def test_the_status_bar_words_for_the_tak_link() -> None:
    assert tak_link_text(None) is None and tak_link_text({"state": "off"}) is None
    text, trouble = tak_link_text({"state": "connected", "tracks_per_min": 42, "unmapped": 3}) or ("", True)
    assert text == "● TAK connected · 42 tracks/min · 3 unmapped" and not trouble
    text, trouble = tak_link_text({"state": "retrying", "retry_in_s": 8.0}) or ("", False)
    assert "retrying in 8 s" in text and trouble


def _unit(callsign: str, lat: float | None, retired: bool = False) -> Unit:
    position = _position(lat, 4.8) if lat is not None else None
    return Unit.model_validate({"id": f"{callsign}@police", "callsign": callsign, "agency": "police",
                                "primary_status": "Available", "secondary_status": "Available", "version": 1,
                                "position": position, "retired": retired})  # fmt: skip


def test_a_track_is_offered_to_its_callsigns_unit_first_then_the_nearest() -> None:
    track = Track.model_validate({"uid": "A-1", "callsign": "ps-09", "position": _position(45.700, 4.8)})
    units = [_unit("PS-01", 45.701), _unit("PS-02", 45.750), _unit("PS-09", 45.900), _unit("PS-03", None),
             _unit("PS-04", 45.7, retired=True)]  # fmt: skip
    assert [u.callsign for u in units_for_track(track, units)] == ["PS-09", "PS-01", "PS-02", "PS-03"]


def test_a_track_shows_its_callsign_and_leaves_the_map_ten_minutes_after_it_went_stale() -> None:
    track = Track.model_validate({"uid": "A-1", "callsign": "K9 <b>", "position": _position(45.7, 4.8, age_s=90)})
    item = track_item(track, NOW)
    assert item["label"].startswith("K9 <b> · ") and item["stale"], "the page writes it with textContent"
    assert not track_gone(track, NOW) and track_gone(track, NOW + timedelta(minutes=11))


def _major() -> Incident:
    return Incident.model_validate({"id": "inc-1", "number": "2026-000900", "type_code": "MAJOR",
                                    "type_text": "Major event", "priority": 9, "status": "active", "version": 3,
                                    "location": {"lat": 45.759, "lon": 4.833, "address_text": "Place Bellecour"},
                                    "created_at": NOW.isoformat(), "updated_at": NOW.isoformat(),
                                    "major_event": True})  # fmt: skip


def test_a_warning_body_is_a_circle_around_the_event_or_the_drawn_polygon() -> None:
    form = default_form(_major())
    assert form.area_desc == "Place Bellecour" and form.urgency == "Immediate"
    body = warning_body(_major(), form, NOW)
    assert body["circle"] == {"lat": 45.759, "lon": 4.833, "radius_km": 1.0} and "polygon" not in body
    assert datetime.fromisoformat(body["expires"]) - NOW == timedelta(hours=2)
    drawn = replace(form, polygon=((45.7, 4.8), (45.8, 4.8), (45.8, 4.9)))
    assert warning_body(_major(), drawn, NOW)["polygon"] == [[45.7, 4.8], [45.8, 4.8], [45.8, 4.9]]


def test_the_newest_message_of_each_warning_of_an_incident() -> None:
    messages = {
        "a": {"warning_id": "w1", "incident_id": "inc-1", "sent_at": "2026-01-01T10:00:00.1", "msg_type": "Alert"},
        "b": {"warning_id": "w1", "incident_id": "inc-1", "sent_at": "2026-01-01T10:00:00.2", "msg_type": "Update"},
        "c": {"warning_id": "w2", "incident_id": "inc-1", "sent_at": "2026-01-01T09:00:00.0", "msg_type": "Alert"},
        "d": {"warning_id": "w3", "incident_id": "other", "sent_at": "2026-01-01T11:00:00.0", "msg_type": "Alert"},
    }
    assert [m["msg_type"] + m["warning_id"] for m in warnings_of("inc-1", messages)] == ["Updatew1", "Alertw2"]
