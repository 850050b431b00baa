"""The console's pure side of citizens' media: invites and callers' positions in the state, their sentences on
the timeline and in the detail, the caller on the map, the command's body, a stream's key kept out of logs."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from console.domain.events import MalformedEvent, event_from_dict
from console.domain.model import CallerInvite, CallerPosition, Incident
from console.domain.state import DispatchState, Outcome
from console.map.logic.items import caller_item
from console.operations.caller_invite import describe, invite_body, invites_of, state_at, summary
from console.operations.timeline import TimelineBuilder
from console.videowall.logic.feed_source import redacted
from tests.unit.console.factories import event, incident, snapshot

NOW = datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _invite(state: str = "open", **changes: Any) -> dict[str, Any]:
    return {"ref": "a1b2c3", "incident_id": "i1", "created_by": "operator", "created_at": _stamp(NOW),
            "expires_at": _stamp(NOW + timedelta(minutes=30)), "state": state, "number": "+33 6 12 34 56 78",
            "sent_by": "sms", "used_at": None, "items": 0, **changes}  # fmt: skip


def _position(**changes: Any) -> dict[str, Any]:
    return {"incident_id": "i1", "invite_ref": "a1b2c3", "lat": 45.7581, "lon": 4.8322, "accuracy_m": 25.0,
            "at": _stamp(NOW), **changes}  # fmt: skip


def _live_camera(status: str) -> dict[str, Any]:
    return {"id": "caller-1", "name": "Caller — 2026-i1", "kind": "caller", "status": status, "incident_id": "i1"}


def test_invites_and_positions_are_held_from_the_snapshot_and_the_events() -> None:
    state = DispatchState()
    state.load_snapshot(snapshot(5, incidents=[incident()], invites=[_invite()], caller_positions=[_position()]))
    assert state.invites["a1b2c3"].state == "open" and state.caller_positions["i1"].accuracy_m == 25
    used = state.apply(event_from_dict(event(6, "invite.updated", "a1b2c3", {"invite": _invite("used", items=1)}), 6))
    assert used.outcome is Outcome.APPLIED and [(c.kind, c.id) for c in used.changes] == [("invite", "i1")]
    moved = state.apply(event_from_dict(event(7, "caller.position", "i1", {"position": _position(lat=45.76)}), 7))
    assert [(c.kind, c.id) for c in moved.changes] == [("caller", "i1")] and state.caller_positions["i1"].lat == 45.76
    with pytest.raises(MalformedEvent, match=re.escape("caller position.lat: Input should be a valid number")):
        state.apply(event_from_dict(event(8, "caller.position", "i1", {"position": {**_position(), "lat": "x"}}), 8))
    assert state.caller_positions["i1"].lat == 45.76, "a malformed position changes nothing (the store skips it)"


def test_the_link_in_the_operators_words() -> None:
    invite = CallerInvite.model_validate(_invite("used", items=3))
    until = invite.expires_at.astimezone().strftime("%H:%M")
    assert describe(invite, NOW) == f"+33 6 12 34 56 78 · sent by SMS · in use, 3 items · until {until}"
    assert state_at(invite, NOW + timedelta(minutes=31)) == "expired", "expired on the clock before the backend says"
    assert describe(invite, NOW + timedelta(minutes=31)) == "+33 6 12 34 56 78 · sent by SMS · expired, 3 items"
    position = CallerPosition.model_validate(_position())
    line = summary([invite], position, NOW)
    assert line.startswith("Caller link: +33 6 12 34 56 78") and "caller located ±25 m at " in line
    older = CallerInvite.model_validate(_invite(ref="old", created_at=_stamp(NOW - timedelta(hours=1))))
    other = CallerInvite.model_validate(_invite(ref="x", incident_id="i2"))
    assert [i.ref for i in invites_of("i1", [older, invite, other])] == ["a1b2c3", "old"]
    assert invite_body(" +33 6 12 ", 45, True, "fr_FR") == {"valid_minutes": 45, "send": True, "language": "fr",
                                                             "number": "+33 6 12"}  # fmt: skip
    assert invite_body("  ", 30, True, "en")["send"] is False, "no number: nothing to send"


def test_the_timeline_tells_the_links_story_once_per_step() -> None:
    builder = TimelineBuilder("i1")
    steps = [
        ("invite.updated", {"invite": _invite(sent_by="")}),
        ("invite.updated", {"invite": _invite()}),
        ("invite.updated", {"invite": _invite()}),  # the same state again: said once
        ("caller.position", {"position": _position()}),
        ("caller.position", {"position": _position(accuracy_m=None)}),
        ("invite.updated", {"invite": _invite("used", items=1)}),
        ("camera.updated", {"camera": _live_camera("live")}),
        ("camera.updated", {"camera": _live_camera("ended")}),
        ("invite.updated", {"invite": _invite("expired", items=1)}),
        ("invite.updated", {"invite": _invite("open", incident_id="i2")}),
    ]
    for seq, (type_, data) in enumerate(steps, 1):
        envelope = event_from_dict(event(seq, type_, "x", data), seq)
        if builder.concerns(envelope):
            builder.add(envelope)
    until = (NOW + timedelta(minutes=30)).astimezone().strftime("%H:%M")
    assert [e.text for e in builder.entries] == [
        f"Link for pictures made for the caller, valid until {until}",
        f"Link for pictures sent to +33 6 12 34 56 78 by SMS, valid until {until}",
        "The caller's phone shared its position (within 25 m)",
        "The caller's phone moved",
        "The caller opened the link and sent something",
        "The caller is showing live video: “Caller — 2026-i1” is on the video wall's list",
        "The caller's live video ended",
        "Link for pictures expired",
    ]


def test_the_caller_on_the_map_while_the_incident_is_open() -> None:
    position = CallerPosition.model_validate(_position())
    open_incident = Incident.model_validate(incident())
    item = caller_item(position, open_incident, NOW + timedelta(seconds=90))
    assert item is not None and item["accuracy_m"] == 25 and item["incident_id"] == "i1"
    assert item["label"].startswith("Caller 2026-i1 · ±25 m · ")
    closed = Incident.model_validate(incident(status="closed"))
    assert caller_item(position, closed, NOW) is None and caller_item(position, None, NOW) is None


def test_a_streams_key_never_reaches_a_log() -> None:
    url = "http://127.0.0.1:8000/api/v1/live/caller-1/stream.mjpg?key=s3cr3t&fps=10"
    assert redacted(url) == "http://127.0.0.1:8000/api/v1/live/caller-1/stream.mjpg?key=***&fps=10"
    assert redacted("rtsp://admin:pw@cam/x") == "rtsp://***@cam/x"
    assert redacted("http://cam/x.mjpg") == "http://cam/x.mjpg"
