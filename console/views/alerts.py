"""The red alert strip: a new incident of priority ≥ 8 stays announced until someone acknowledges it.

The alert bar is part of the main window (never a modal box): the operator keeps working while it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.alert_strips import clear_rows
from console.domain.priority import priority_label
from console.i18n import tr
from console.state.high_priority import HighPriorityAlerts
from console.state.store import Store


class AlertBar(QFrame):
    """One line per pending alert, with Open and Acknowledge; hidden when there is none."""

    open_requested = Signal(str)
    """The operator wants to see the incident of an alert: its id."""

    def __init__(self, store: Store, alerts: HighPriorityAlerts) -> None:
        super().__init__()
        self.setObjectName("alert_bar")
        self.setStyleSheet(
            "#alert_bar { background: #7f0000; border-bottom: 2px solid #ff5252; }"
            "#alert_bar QLabel { color: white; font-weight: bold; font-size: 14px; }"
        )
        self._store = store
        self._alerts = alerts
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(8, 4, 8, 4)
        alerts.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        clear_rows(self._rows)
        for incident_id in self._alerts.pending[-4:]:
            incident = self._store.incidents.get(incident_id)
            if incident is None:
                continue
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(
                tr(
                    "NEW {priority}  {number}  {type_text} — {address_text}",
                    priority=priority_label(incident.priority),
                    number=incident.number,
                    type_text=incident.type_text,
                    address_text=incident.location.address_text or "",
                )
            )
            text.setTextFormat(Qt.TextFormat.PlainText)
            open_button = QPushButton(tr("Open"))
            open_button.clicked.connect(lambda _=False, i=incident_id: self.open_requested.emit(i))
            ack = QPushButton(tr("Acknowledge"))
            ack.clicked.connect(lambda _=False, i=incident_id: self._alerts.acknowledge(i))
            line.addWidget(text, 1)
            line.addWidget(open_button)
            line.addWidget(ack)
            self._rows.addWidget(row)
        hidden = len(self._alerts.pending) - 4
        if hidden > 0:
            more = QLabel(tr("… and {hidden} more", hidden=hidden))
            self._rows.addWidget(more)
        self.setVisible(bool(self._alerts.pending))
