"""Spike alerts at the top of the window (non-modal): the rule, the count against its usual rate, and what
to do: show its posts, or acknowledge."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.alert_strips import clear_rows
from console.i18n import tr
from console.social_watch.logic.spike_text import alert_text
from console.social_watch.logic.watch import SpikeAlert
from console.social_watch.watch_model import SocialWatchModel

SHOWN = 3


class SpikeAlertBar(QFrame):
    """Pending spike alerts, each with Show and Acknowledge; hidden when there is none."""

    show_requested = Signal(str)
    """The operator wants the posts of a rule: its id."""
    acknowledged = Signal(str)
    """A spike was acknowledged (here or from the alert log): its rule's id."""

    def __init__(self, model: SocialWatchModel) -> None:
        super().__init__()
        self.setObjectName("spike_bar")
        self.setStyleSheet(
            "#spike_bar { background: #4a2a00; border-bottom: 2px solid #ffb300; }"
            "#spike_bar QLabel { color: #ffe082; font-weight: bold; font-size: 14px; }"
        )
        self.pending: list[SpikeAlert] = []
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(8, 4, 8, 4)
        model.spike_detected.connect(self.add)
        self.refresh()

    def add(self, alert: SpikeAlert) -> None:
        self.pending = [a for a in self.pending if a.rule_id != alert.rule_id] + [alert]
        self.refresh()

    def acknowledge(self, rule_id: str) -> None:
        if any(a.rule_id == rule_id for a in self.pending):
            self.pending = [a for a in self.pending if a.rule_id != rule_id]
            self.refresh()
            self.acknowledged.emit(rule_id)

    def refresh(self) -> None:
        clear_rows(self._rows)
        for alert in self.pending[-SHOWN:]:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(alert_text(alert))
            text.setTextFormat(Qt.TextFormat.PlainText)
            show = QPushButton(tr("Show posts"))
            show.clicked.connect(lambda _=False, r=alert.rule_id: self.show_requested.emit(r))
            ack = QPushButton(tr("Acknowledge"))
            ack.clicked.connect(lambda _=False, r=alert.rule_id: self.acknowledge(r))
            line.addWidget(text, 1)
            line.addWidget(show)
            line.addWidget(ack)
            self._rows.addWidget(row)
        self.setVisible(bool(self.pending))
