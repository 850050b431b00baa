"""The unit board and the status bar, fed through the store as the stream would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from console.backend.commands import Commands
from console.backend.connection import ConnectionStatus, LinkState
from console.domain.events import MalformedEvent, event_from_dict, parse_sse_event
from console.state.notifier import Notifier
from console.state.store import Store
from console.views.status_bar import ConsoleStatusBar
from console.views.unit_board import UnitBoard
from tests.unit.console.factories import event, snapshot, unit


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
    board = UnitBoard(store, Commands(lambda _m: None))
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
    store.apply(event_from_dict(event(1, "unit.updated", "PS-03@police", {"unit": unit("PS-03@police")}), 1))
    board.refresh()
    assert board.summary.text() == "4 units · 1 stale · 1 without a position yet", "never reported: not stale"
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
