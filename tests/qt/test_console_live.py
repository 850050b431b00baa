"""The whole console (store, panels, status bar, event stream) on a qasync loop against a real dispatchd."""

from __future__ import annotations

import asyncio
import contextlib

import httpx
import pytest
import qasync
from pytestqt.qtbot import QtBot

from console.app import build_console
from console.backend.client import DispatchClient
from console.backend.event_stream import EventStream
from tests.conftest import INCIDENT
from tests.support.asyncwait import until
from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e


def test_the_console_shows_backend_state_and_draws_it(
    qloop: qasync.QEventLoop, qtbot: QtBot, dispatchd: DispatchdProcess
) -> None:
    console = build_console("test")
    qtbot.addWidget(console.window)
    console.window.show()

    async def body() -> None:
        async with httpx.AsyncClient(timeout=10) as http:
            client = DispatchClient(http, dispatchd.url)
            client.set_credentials("supervisor", "supervisor")
            stream = EventStream(client, console.store, console.window.status.show_status)
            task = asyncio.ensure_future(stream.run())
            try:
                await until(lambda: console.window.status.link.text() == "● Connected", what="connected")
                with dispatchd.api() as api:
                    api.post("/incidents", json={**INCIDENT, "priority": 9})
                queue = console.window.docks["incidents"].widget()
                await until(lambda: queue.proxy.rowCount() == 1, what="the incident in the queue")
                assert queue.proxy.index(0, 1).data() == "◆ 9 CRITICAL"
                board = console.window.docks["units"].widget()
                board.refresh()
                assert board.group_counts()["Available"] >= 40
                image = console.window.grab().toImage()
                assert image.width() > 0
                cell = queue.table.visualRect(queue.proxy.index(0, 1))
                pixel = queue.table.viewport().grab().toImage().pixelColor(cell.left() + 2, cell.top() + 2)
                assert pixel.red() > 150 and pixel.green() < 80, "the critical band is drawn in red"
            finally:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    qloop.run_until_complete(body())
