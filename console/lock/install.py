"""The idle lock, wired: keyboard and mouse watched application-wide, every window covered when it locks, Ctrl+L to
lock at once. The event stream is left alone: the store keeps up behind the covers, nothing is lost."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QWindow
from PySide6.QtWidgets import QApplication

from console.core import Core
from console.i18n import tr
from console.lock.lock_screen import LockScreen
from console.lock.logic.idle import IdleClock
from console.videowall.install import VideoWall

log = logging.getLogger("console.lock")
MAX_TRIES = 5
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
_KEYS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut})


class IdleLock(QObject):
    """Locks after `timeout_s` without keyboard or mouse; unlocks with the password the console logged in with."""

    locked_changed = Signal(bool)
    """The console was locked (True) or unlocked (False)."""

    def __init__(
        self,
        core: Core,
        wall: VideoWall,
        timeout_s: float | None,
        password_matches: Callable[[str], bool] = lambda _password: False,
        log_out: Callable[[], None] = lambda: None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(core.window)
        self._core = core
        self._wall = wall
        self._clock = clock
        self.idle = IdleClock(timeout_s or 0.0, clock())
        self.password_matches = password_matches
        self.log_out = log_out
        self.screens: list[LockScreen] = []
        self._tries = 0
        self._windows: dict[int, QWindow] = {}
        self._timer = QTimer(self)
        if timeout_s is None:  # a replay: nobody logged in, nobody to unlock it
            return
        self._watch_windows()
        self._timer.setInterval(int(min(1000.0, timeout_s * 250)))
        self._timer.timeout.connect(self._check)
        self._timer.start()
        shortcut = QShortcut(QKeySequence("Ctrl+L"), core.window)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(self.lock)

    def set_timeout(self, seconds: float) -> None:
        """Lock after `seconds` without keyboard or mouse from now on (checked four times in that time)."""
        self.idle.timeout_s = seconds
        self._timer.setInterval(int(min(1000.0, seconds * 250)))

    @property
    def locked(self) -> bool:
        return bool(self.screens)

    def _watch_windows(self) -> None:
        """Watch the input of every top-level window (each QWindow: what goes to the panels goes through it).

        Not an application-wide filter: with QtWebEngine's internal objects among its receivers, PySide6 crashed
        the console (a segmentation fault at start)."""
        for widget in QApplication.topLevelWidgets():
            handle = widget.windowHandle()
            if handle is not None and id(handle) not in self._windows:
                self._windows[id(handle)] = handle
                handle.installEventFilter(self)
                handle.destroyed.connect(functools.partial(self._windows.pop, id(handle), None))

    def _check(self) -> None:
        self._watch_windows()  # windows opened since (a floating panel, a dialog, the wall on its screen)
        if not self.locked and self.idle.due(self._clock()):
            log.info("locked after %.0f s without keyboard or mouse", self.idle.idle_s(self._clock()))
            self.lock()

    def lock(self) -> None:
        """Cover every window now (Ctrl+L, or the idle time is up)."""
        if self.locked:
            return
        user = self._core.queries.user_name()
        main = LockScreen(self._core.window, user, asks_password=True)
        main.unlock_asked.connect(self._try)
        self.screens = [main]
        for window in QApplication.topLevelWidgets():
            if window is not self._core.window and window.isWindow() and window.isVisible():
                self.screens.append(LockScreen(window, user, asks_password=False))
        self._wall.cover(True)
        self.locked_changed.emit(True)

    def _try(self, password: str) -> None:
        if self.password_matches(password):
            self.unlock()
            return
        self._tries += 1
        if self._tries >= MAX_TRIES:
            log.warning("idle lock: %d wrong passwords, logging out", self._tries)
            self.unlock()
            self.log_out()
            return
        self.screens[0].refused(tr("Wrong password ({tries} of {most}).", tries=self._tries, most=MAX_TRIES))

    def unlock(self) -> None:
        for screen in self.screens:
            screen.remove()
        self.screens = []
        self._tries = 0
        self._wall.cover(False)
        self.idle.touch(self._clock())
        self.locked_changed.emit(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self.locked:
            if kind in _ACTIVITY:
                self.idle.touch(self._clock())
            return False
        if kind in _KEYS:  # nothing reaches the covered panels: no shortcut, no typing but into the password
            main = self.screens[0]
            focus = QApplication.focusWidget()
            into_lock = focus is not None and (focus is main or main.isAncestorOf(focus))
            plain = isinstance(event, QKeyEvent) and not (
                event.modifiers()
                & (
                    Qt.KeyboardModifier.ControlModifier
                    | Qt.KeyboardModifier.AltModifier
                    | Qt.KeyboardModifier.MetaModifier
                )
            )
            return not (into_lock and plain)
        return False


def install(core: Core, wall: VideoWall, timeout_s: float | None) -> IdleLock:
    """`timeout_s` None: the console never locks (a replay, where nobody logged in)."""
    return IdleLock(core, wall, timeout_s)
