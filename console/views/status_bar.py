"""The status bar: link state, last event, event rate, skipped events, and operator messages."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from console.backend.connection import ConnectionStatus, LinkState
from console.i18n import tr
from console.operations.field_link import tak_link_text
from console.state.notifier import Notifier
from console.state.store import Store

_STATE_COLOURS = {
    LinkState.CONNECTED: "#43a047",
    LinkState.CONNECTING: "#fdd835",
    LinkState.RECONNECTING: "#fb8c00",
    LinkState.LOGIN_REQUIRED: "#e53935",
    LinkState.STOPPED: "#9e9e9e",
}
_STATE_SHAPES = {  # never by colour alone
    LinkState.CONNECTED: "●",
    LinkState.CONNECTING: "◐",
    LinkState.RECONNECTING: "◌",
    LinkState.LOGIN_REQUIRED: "✖",
    LinkState.STOPPED: "○",
}


class ConsoleStatusBar(QStatusBar):
    """Refreshes its figures once a second; the link state as soon as it changes."""

    def __init__(self, store: Store, notifier: Notifier) -> None:
        super().__init__()
        self._store = store
        self.link = QLabel(tr("Starting…"))
        self.link.setObjectName("link_state")
        self.last_event = QLabel(tr("No event yet"))
        self.rate = QLabel(tr("0 ev/s"))
        self.skipped = QLabel()
        self.skipped.setStyleSheet("color: #ffb300;")
        self.skipped.hide()
        self.pending = QLabel()
        self.pending.setStyleSheet("color: #ffb300; font-weight: bold;")
        self.pending.hide()
        self.tak = QLabel()
        self.tak.setObjectName("tak_link")
        self.tak.hide()
        self.addWidget(self.link)
        for widget in (self.tak, self.pending, self.skipped, self.last_event, self.rate):
            self.addPermanentWidget(widget)
        self._last_count = 0
        self._last_time = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh_figures)
        self._timer.start(1000)
        notifier.message.connect(self.show_message)
        store.link_changed.connect(self.show_tak_link)
        store.reset_done.connect(self.show_tak_link)

    def show_tak_link(self, *_args: object) -> None:
        """The backend's link to the field (TAK): connected, listening or retrying, and tracks per minute."""
        shown = tak_link_text(self._store.links.get("tak"))
        self.tak.setVisible(shown is not None)
        if shown is None:
            return
        text, trouble = shown
        self.tak.setText(text)
        self.tak.setToolTip(str(self._store.links["tak"].get("error") or self._store.links["tak"].get("server") or ""))
        self.tak.setStyleSheet("color: #fb8c00; font-weight: bold;" if trouble else "color: #43a047;")

    def show_status(self, status: ConnectionStatus) -> None:
        colour = _STATE_COLOURS[status.state]
        self.link.setText(f"{_STATE_SHAPES[status.state]} {status.sentence()}")
        self.link.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.link.setToolTip(status.reason)

    def show_pending_commands(self, count: int) -> None:
        """Commands queued in the Outbox and not yet accepted by the backend."""
        self.pending.setText(
            tr("⏳ {count} command{count2} waiting to be sent", count=count, count2="s" if count != 1 else "")
        )
        self.pending.setVisible(count > 0)

    def show_starting(self, text: str) -> None:
        self.link.setText(f"◐ {text}")
        self.link.setStyleSheet(f"color: {_STATE_COLOURS[LinkState.CONNECTING]}; font-weight: bold;")

    def show_message(self, level: str, text: str) -> None:
        prefix = {"error": "✖ ", "warning": "⚠ "}.get(level, "")
        self.showMessage(prefix + text, 15000)

    def refresh_figures(self) -> None:
        now = time.monotonic()
        count = self._store.applied_count
        elapsed = max(1e-6, now - self._last_time)
        self.rate.setText(tr("{elapsed:.1f} ev/s", elapsed=(count - self._last_count) / elapsed))
        self._last_count, self._last_time = count, now
        if self._store.last_event_wallclock is not None:
            self.last_event.setText(
                tr(
                    "Last event {last_event_wallclock:%H:%M:%S}",
                    last_event_wallclock=datetime.fromtimestamp(self._store.last_event_wallclock),
                )
            )
        if self._store.malformed_count:
            self.skipped.setText(
                tr("⚠ {malformed_count} malformed events skipped", malformed_count=self._store.malformed_count)
            )
            self.skipped.show()
