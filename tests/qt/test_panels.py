"""The queue, the unit board and the status bar, fed through the store as the stream would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from console.backend.commands import Commands
from console.backend.connection import ConnectionStatus, LinkState
from console.domain.events import MalformedEvent, event_from_dict, parse_sse_event
from console.notifications import Notifier
from console.store import Store
from console.views.incident_queue import IncidentQueue
from console.views.status_bar import ConsoleStatusBar
from console.views.unit_board import UnitBoard
from tests.unit.console.factories import event, incident, snapshot, unit


def _cells(queue: IncidentQueue) -> list[list[str]]:
    model = queue.proxy
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _feed(store: Store, seq: int, type_: str, entity_id: str, data: dict[str, Any]) -> None:
    store.apply(event_from_dict(event(seq, type_, entity_id, data), seq))


def test_the_queue_shows_new_incidents_sorted_by_priority_and_hides_closed(qtbot: QtBot) -> None:
    store = Store()
    store.reset(snapshot(0, units=[unit()]))
    queue = IncidentQueue(store, Commands(lambda _m: None))
    qtbot.addWidget(queue)
    _feed(store, 1, "incident.created", "a", {"incident": incident("a", priority=3)})
    _feed(store, 2, "incident.created", "b", {"incident": incident("b", priority=9, assigned_units=["PS-01@police"])})
    rows = _cells(queue)
    assert [r[0] for r in rows] == ["2026-b", "2026-a"]
    assert rows[0][1] == "◆ 9 CRITICAL" and rows[0][7] == "PS-01"
    _feed(store, 3, "incident.closed", "b", {"incident": incident("b", priority=9, status="closed", version=2)})
    assert [r[0] for r in _cells(queue)] == ["2026-a"]
    queue.closed_toggle.setChecked(True)
    assert len(_cells(queue)) == 2


def test_the_queue_search_filters_on_any_column(qtbot: QtBot) -> None:
    store = Store()
    store.reset(
        snapshot(
            2,
            incidents=[
                incident("a", location={"lat": 45.7, "lon": 4.8, "address_text": "1 Rue Pasteur"}),
                incident("b", location={"lat": 45.7, "lon": 4.8, "address_text": "9 Quai du Rhône"}),
            ],
        )
    )
    queue = IncidentQueue(store, Commands(lambda _m: None))
    qtbot.addWidget(queue)
    queue.search.setText("rhône")
    assert [r[0] for r in _cells(queue)] == ["2026-b"]


def test_the_unit_board_groups_by_status_with_counts_and_flags_stale(qtbot: QtBot) -> None:
    now = datetime.now(UTC)
    fresh = {
        "lat": 45.7,
        "lon": 4.8,
        "course": 0,
        "speed": 0,
        "observed_at": now.isoformat(),
        "stale_at": (now + timedelta(minutes=1)).isoformat(),
    }
    old = {
        **fresh,
        "observed_at": (now - timedelta(minutes=10)).isoformat(),
        "stale_at": (now - timedelta(minutes=9)).isoformat(),
    }
    store = Store()
    store.reset(
        snapshot(
            0,
            units=[
                unit("PS-01@police", position=fresh),
                unit("PS-02@police", position=old),
                unit("SMUR-01@ems", secondary_status="EnRoute", position=fresh),
            ],
        )
    )
    board = UnitBoard(store)
    qtbot.addWidget(board)
    board.refresh()
    assert board.group_counts()["Available"] == 2 and board.group_counts()["EnRoute"] == 1
    groups = {
        board.tree.topLevelItem(i).text(0)
        for i in range(board.tree.topLevelItemCount())
        if not board.tree.topLevelItem(i).isHidden()
    }
    assert groups == {"Available (2)", "En route (1)"}
    available = next(
        board.tree.topLevelItem(i)
        for i in range(board.tree.topLevelItemCount())
        if board.tree.topLevelItem(i).text(0) == "Available (2)"
    )
    stale = {available.child(i).text(0): available.child(i).text(4) for i in range(available.childCount())}
    assert stale["PS-02"].startswith("⚠ STALE") and not stale["PS-01"].startswith("⚠")
    assert board.summary.text() == "3 units · 1 stale"
    board.agency_filter.setCurrentIndex(board.agency_filter.findData("ems"))
    assert board.group_counts()["Available"] == 0


def test_the_status_bar_says_the_link_state_and_counts_skipped_events(qtbot: QtBot) -> None:
    store = Store()
    store.reset(snapshot(0))
    notifier = Notifier()
    bar = ConsoleStatusBar(store, notifier)
    qtbot.addWidget(bar)
    bar.show_status(ConnectionStatus(LinkState.RECONNECTING, "http://cad:8765", retry_in_s=4))
    assert bar.link.text() == "◌ Cannot reach the dispatch backend at http://cad:8765 — retrying in 4 s"
    with pytest.raises(MalformedEvent) as bad:
        parse_sse_event("1", "", "{broken")
    with qtbot.waitSignal(store.malformed_event):
        store.malformed(bad.value)
    bar.refresh_figures()
    assert bar.skipped.text() == "⚠ 1 malformed events skipped"
    notifier.error("Could not close 2026-000001: it is closed.")
    assert bar.currentMessage() == "✖ Could not close 2026-000001: it is closed."
