from __future__ import annotations

import asyncio
import gc
from collections.abc import Coroutine, Iterator
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.event_loop import async_generators_closed_on
from console.map.profile import release_map_profile


class QtAsync:
    """Runs a coroutine on a qasync loop while Qt's own event processing drives it (qtbot.waitUntil)."""

    def __init__(self, loop: qasync.QEventLoop, qtbot: QtBot) -> None:
        self.loop = loop
        self._qtbot = qtbot

    def run(self, coroutine: Coroutine[Any, Any, Any], timeout_s: float = 90.0) -> Any:
        task = self.loop.create_task(coroutine)
        self._qtbot.waitUntil(task.done, timeout=int(timeout_s * 1000))
        return task.result()


@pytest.fixture
def qloop(qapp: QApplication, qtbot: QtBot) -> Iterator[QtAsync]:
    """A qasync loop that counts as running as long as Qt processes events.

    Never `run_until_complete`/`stop()` here: qasync's stop() calls QApplication.exit(), which emits
    aboutToQuit, and QtWebEngine shuts its engine down for good on that signal.
    """
    loop = qasync.QEventLoop(qapp, already_running=True)
    executor = qasync.QThreadExecutor(2)  # ours, so that teardown can wait for its threads
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    with async_generators_closed_on(loop):
        yield QtAsync(loop, qtbot)
    executor.shutdown(wait=True)
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.fixture(autouse=True)
def collect_in_gui_thread() -> Iterator[None]:
    """Collect the test's Qt objects here, in the GUI thread, not later in whatever thread runs the GC."""
    yield
    gc.collect()


@pytest.fixture(scope="session", autouse=True)
def release_web_profile(qapp: QApplication) -> Iterator[None]:
    """At the end, delete the widgets still waiting for it, then the web profile, before Qt shuts down."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    release_map_profile()
