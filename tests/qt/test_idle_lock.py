"""Idle: every window covered, the wall asleep, events still applied behind it; the password unlocks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from pytestqt.qtbot import QtBot

from tests.conftest import INCIDENT
from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until
from tests.support.consoles import running
from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e


def test_an_idle_console_locks_keeps_applying_events_and_opens_with_the_password(
    qloop: QtAsync, qtbot: QtBot, dispatchd: DispatchdProcess, tmp_path: Path
) -> None:
    async def body() -> None:
        async with running(qtbot, dispatchd.url, "operator", tmp_path) as (console, link):
            lock = console.idle_lock
            lock.set_timeout(0.3)
            await until(lambda: lock.locked, timeout=5, what="locked after 0.3 s idle")
            cover = lock.screens[0]
            assert cover.isVisible() and cover.geometry() == console.window.rect()
            assert console.wall.panel.grid.covered, "the wall decodes nothing while covered"
            window = console.window.windowHandle()
            palette = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier, "k")
            assert lock.eventFilter(window, palette) is True, "no shortcut works under the lock"
            typed = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
            assert lock.eventFilter(window, typed) is False, "typing goes to the password field"
            with dispatchd.api("supervisor") as api:
                created = api.post("/incidents", json=INCIDENT).json()
            await until(lambda: created["id"] in console.store.incidents, what="an event applied behind the lock")

            cover.password.setText("not-it")
            cover.unlock_button.click()
            assert lock.locked and cover.message.text() == "Wrong password (1 of 5)."
            cover.password.setText("operator")
            cover.unlock_button.click()
            assert not lock.locked and not console.wall.panel.grid.covered
            assert cover.isHidden() or not cover.isVisible()

            lock.set_timeout(600)
            lock.lock()  # what Ctrl+L does (its shortcut is application-wide)
            assert lock.locked
            for _ in range(5):
                lock.screens[0].password.setText("guess")
                lock.screens[0].unlock_button.click()
            assert not lock.locked, "five wrong passwords: logged out, the login dialog asks"
            await until(lambda: not link.client.has_credentials, what="logged out")

    qloop.run(body())
