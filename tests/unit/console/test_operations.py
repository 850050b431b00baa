"""Dispatch ranking, queue filters, timeline sentences and major-event counts (no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.domain.events import event_from_dict
from console.domain.model import Incident, Unit
from console.operations.incident_filter import IncidentFilter
from console.operations.major_events import summarise
from console.operations.ranking import rank_units
from console.operations.setup_gaps import setup_gaps
from console.operations.timeline import TimelineBuilder
from tests.unit.console.factories import event, incident, unit

NOW = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def _unit(uid: str, lat: float, type_common: str = "PatrolUnit", stale: bool = False, **changes: object) -> Unit:
    stale_at = NOW - timedelta(seconds=1) if stale else NOW + timedelta(minutes=1)
    position = {
        "lat": lat,
        "lon": 4.84,
        "course": 0,
        "speed": 0,
        "observed_at": NOW.isoformat(),
        "stale_at": stale_at.isoformat(),
    }
    return Unit.model_validate(unit(uid, position=position, type_common=type_common, **changes))


def test_units_are_ranked_by_estimated_arrival_and_busy_ones_left_out() -> None:
    target = Incident.model_validate(incident(location={"lat": 45.75, "lon": 4.84}))
    units = [
        _unit("FAR@police", 45.80),
        _unit("NEAR@police", 45.751),
        _unit("MID-AMB@ems", 45.76, "AmbulanceUnit"),
        _unit("BUSY@police", 45.7501, incident_id="other", primary_status="NotAvailable", secondary_status="EnRoute"),
        _unit("OLD@police", 45.7502, stale=True),
        _unit("OOS@police", 45.7503, secondary_status="OutofService"),
    ]
    ranked = rank_units(target, units, NOW)
    assert [c.unit.id for c in ranked] == ["NEAR@police", "MID-AMB@ems", "FAR@police", "OLD@police"]
    assert 100 < ranked[0].distance_m < 120
    assert abs(ranked[0].eta_s - ranked[0].distance_m / 11.0) < 1e-6
    assert [c.unit.id for c in rank_units(target, units, NOW, {"ems"})] == ["MID-AMB@ems"]


def test_the_queue_filter_combines_criteria() -> None:
    a = Incident.model_validate(incident("a", priority=8, agencies=["police", "ems"]))
    b = Incident.model_validate(incident("b", priority=3, status="closed"))
    assert IncidentFilter().matches(a) and not IncidentFilter().matches(b)
    assert IncidentFilter(status=None).matches(b)
    assert not IncidentFilter(min_priority=9).matches(a)
    assert IncidentFilter(agency="ems").matches(a) and not IncidentFilter(agency="fire").matches(a)
    assert IncidentFilter(sector="Centre", type_code="FIGHT").matches(a)
    assert IncidentFilter(text="pasteur ps-01").matches(a, ("PS-01",))
    assert not IncidentFilter(text="quai").matches(a)


def _ev(seq: int, type_: str, entity_id: str, data: dict, actor: str = "op1") -> object:
    raw = event(seq, type_, entity_id, data)
    raw["actor"] = actor
    return event_from_dict(raw, seq)


def test_the_timeline_tells_what_happened_in_words() -> None:
    i1 = incident("i1")
    builder = TimelineBuilder("i1")
    story = [
        _ev(1, "incident.created", "i1", {"incident": i1}),
        _ev(
            2,
            "incident.note_added",
            "i1",
            {
                "incident": {**i1, "version": 2},
                "note": {"id": "n", "text": "Knife seen", "author": "op1", "created_at": "2026-11-24T08:00:00Z"},
            },
        ),
        _ev(3, "unit.updated", "PS-01@police", {"unit": unit(incident_id="i1", secondary_status="Dispatched")}),
        _ev(
            4,
            "incident.updated",
            "i1",
            {"incident": {**i1, "status": "active", "status_common": "x"}, "changed": ["status", "status_common"]},
        ),
        _ev(
            5,
            "incident.updated",
            "i1",
            {"incident": {**i1, "priority": 9, "status": "active"}, "changed": ["priority"]},
        ),
        _ev(
            6,
            "incident.updated",
            "i1",
            {
                "incident": {**i1, "priority": 9, "status": "active"},
                "changed": ["agencies", "agency_requests"],
                "agency_request": {
                    "agency": "ems",
                    "reason": "one injured",
                    "requested_by": "op1",
                    "requested_at": "x",
                },
            },
        ),
        _ev(7, "media.added", "m1", {"media": {"incident_id": "i1", "kind": "photo", "source": "citizen"}}),
        _ev(8, "unit.updated", "PS-01@police", {"unit": unit(incident_id=None, secondary_status="Cleared")}),
        _ev(9, "incident.closed", "i1", {"incident": {**i1, "priority": 9, "status": "closed"}, "changed": ["status"]}),
    ]
    for e in story:
        builder.add(e)  # type: ignore[arg-type]
    builder.add(story[2])  # the same event again (snapshot + live): said once  # type: ignore[arg-type]
    assert [e.text for e in builder.entries] == [
        "Created: Fight on the public way, ● 6 MEDIUM, at 1 Rue Pasteur",
        "Note: Knife seen",
        "PS-01 dispatched",
        "status new → active",
        "priority ● 6 MEDIUM → ◆ 9 CRITICAL",
        "EMS requested: one injured",
        "Photo received from citizen",
        "PS-01 cleared",
        "Closed",
    ]
    assert builder.concerns(story[7])  # type: ignore[arg-type]


def test_a_major_event_counts_its_incidents() -> None:
    major = Incident.model_validate(incident("m", type_code="MAJOR", major_event=True))
    children = [
        Incident.model_validate(incident(f"c{n}", priority=p, status=s, major_event_id="m"))
        for n, (p, s) in enumerate([(9, "active"), (7, "new"), (3, "closed")])
    ]
    summary = summarise(major, [major, *children, Incident.model_validate(incident("x"))])
    assert summary.total == 3
    assert summary.by_status == {"active": 1, "new": 1, "closed": 1}
    assert summary.by_band == {"CRITICAL": 1, "HIGH": 1, "LOW": 1}
    assert summary.open_high == 2


def test_the_console_says_in_words_what_a_centre_lacks() -> None:
    assert setup_gaps(10, 8, 3) is None
    said = setup_gaps(0, 8, 0)
    assert (
        said is not None and "no units (dispatchd import units.csv), sectors (dispatchd import sectors.geojson)" in said
    )


def test_a_photo_says_when_and_where_its_exif_says_it_was_taken() -> None:
    from datetime import datetime

    from console.domain.model import MediaItem
    from console.operations.media_facts import photo_facts_text

    base = {"id": "m1", "incident_id": "i1", "kind": "photo", "mime_type": "image/jpeg", "size": 1,
            "sha256": "0" * 64, "received_at": "2026-11-30T13:05:00Z"}  # fmt: skip
    aware = MediaItem.model_validate({**base, "exif": {"taken_at": "2026-11-30T14:03:00+01:00", "lat": 45.764,
                                                       "lon": 4.8357}})  # fmt: skip
    local = datetime.fromisoformat("2026-11-30T14:03:00+01:00").astimezone()
    assert photo_facts_text(aware) == f" · taken {local:%d/%m %H:%M} · at 45.76400, 4.83570"
    naive = MediaItem.model_validate({**base, "exif": {"taken_at": "2026-11-30T14:03:00"}})
    assert photo_facts_text(naive) == " · taken 30/11 14:03 (camera clock)"
    assert photo_facts_text(MediaItem.model_validate(base)) == ""
