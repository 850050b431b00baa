"""The whole console on a qasync loop against a real dispatchd: state arrives and is drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.views.incident_queue import IncidentQueue
from console.views.unit_board import UnitBoard
from tests.conftest import INCIDENT
from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until
from tests.support.consoles import running
from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e


def test_the_console_shows_backend_state_and_draws_it(
    qloop: QtAsync, qtbot: QtBot, dispatchd: DispatchdProcess, tmp_path: Path
) -> None:
    async def body() -> None:
        async with running(qtbot, dispatchd.url, "supervisor", tmp_path) as (console, _link):
            assert console.window.status.link.text() == "● Connected"
            with dispatchd.api() as api:
                api.post("/incidents", json={**INCIDENT, "priority": 9})
            queue = console.operations.queue
            assert isinstance(queue, IncidentQueue)
            await until(lambda: queue.proxy.rowCount() == 1, what="the incident in the queue")
            assert queue.proxy.index(0, 1).data() == "◆ 9 CRITICAL"
            board = console.operations.units
            assert isinstance(board, UnitBoard)
            board.refresh()
            assert board.group_counts()["Available"] >= 40
            cell = queue.table.visualRect(queue.proxy.index(0, 1))
            queue.table.clearSelection()
            pixel = queue.table.viewport().grab().toImage().pixelColor(cell.left() + 2, cell.top() + 2)
            assert pixel.red() > 150 and pixel.green() < 80, "the critical band is drawn in red"

    qloop.run(body())
