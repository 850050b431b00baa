"""Bookmarks in the console's state and in an incident's timeline (no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from console.domain.events import MalformedEvent, event_from_dict
from console.domain.state import DispatchState, Outcome
from console.operations.timeline import TimelineBuilder
from tests.unit.console.factories import event, incident, snapshot


def bookmark(**changes: Any) -> dict[str, Any]:
    return {
        "id": "b1",
        "incident_id": "i1",
        "camera_id": "cam-02",
        "media_id": None,
        "start": "2026-11-25T18:30:12.440Z",
        "end": "2026-11-25T18:30:22.480Z",
        "labels": ["fight", "weapon"],
        "note": "knife seen",
        "created_by": "operator",
        "locked": False,
        "lock": None,
        "version": 1,
        **changes,
    }


LOCKED = bookmark(
    version=2, locked=True, lock={"by": "supervisor", "at": "2026-11-25T18:40:00Z", "reason": "for the prosecutor"}
)


def test_bookmarks_are_loaded_tagged_locked_and_deleted() -> None:
    state = DispatchState()
    state.load_snapshot(snapshot(5, incidents=[incident()], bookmarks=[bookmark(id="b0")]))
    assert set(state.bookmarks) == {"b0"}
    state.apply(event_from_dict(event(6, "bookmark.created", "b1", {"bookmark": bookmark()}), 6))
    tagged = state.bookmarks["b1"]
    assert tagged.start == datetime(2026, 11, 25, 18, 30, 12, 440000, tzinfo=UTC)
    assert tagged.labels == ("fight", "weapon") and not tagged.locked
    state.apply(event_from_dict(event(7, "bookmark.locked", "b1", {"bookmark": LOCKED}, version=2), 7))
    lock = state.bookmarks["b1"].lock
    assert lock is not None and lock.by == "supervisor" and lock.reason == "for the prosecutor"
    result = state.apply(event_from_dict(event(8, "bookmark.deleted", "b0", {"bookmark": bookmark(id="b0")}), 8))
    assert result.outcome is Outcome.APPLIED and set(state.bookmarks) == {"b1"}


def test_a_bookmark_of_both_a_camera_and_a_video_is_malformed_and_changes_nothing() -> None:
    state = DispatchState()
    state.load_snapshot(snapshot(5, incidents=[incident()]))
    with pytest.raises(MalformedEvent, match="one camera or one video"):
        state.apply(event_from_dict(event(6, "bookmark.created", "b1", {"bookmark": bookmark(media_id="m1")}), 6))
    assert state.bookmarks == {}


def test_the_timeline_tells_the_clip_and_its_lock() -> None:
    builder = TimelineBuilder("i1", {"cam-02": "Gare de Valmont — parvis"}.__getitem__)
    created = event_from_dict(event(6, "bookmark.created", "b1", {"bookmark": bookmark()}), 6)
    other = event_from_dict(event(7, "bookmark.created", "b9", {"bookmark": bookmark(id="b9", incident_id="i2")}), 7)
    assert builder.concerns(created) and not builder.concerns(other)
    entry = builder.add(created)
    start = datetime(2026, 11, 25, 18, 30, 12, 440000, tzinfo=UTC).astimezone()
    assert entry is not None and entry.kind == "clip"
    assert entry.text == (
        f"Clip tagged, Gare de Valmont — parvis {start:%H:%M:%S}–{start.replace(second=22):%H:%M:%S} (10 s) "
        "[fight, weapon]: knife seen"
    )
    locked = builder.add(event_from_dict(event(8, "bookmark.locked", "b1", {"bookmark": LOCKED}, version=2), 8))
    assert locked is not None and locked.text.endswith("locked as evidence by supervisor: for the prosecutor")
