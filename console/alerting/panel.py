"""AlertCenter gathers the alerts of every source into the log (with a sound); AlertLogPanel shows the log,
newest first, and acknowledges."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from console.alerting.logic.log import Alert, AlertLog
from console.alerting.sound import AlertSound
from console.domain.safe_text import one_line
from console.i18n import N_, tr
from console.state.high_priority import HighPriorityAlerts
from console.state.store import Store

KIND_WORDS = {"incident": N_("Incident"), "social": N_("Social spike"), "camera": N_("Camera")}


class AlertCenter(QObject):
    changed = Signal()
    """The log changed (an alert raised or acknowledged)."""

    def __init__(
        self,
        store: Store,
        incidents: HighPriorityAlerts,
        user: Callable[[], str],
        sound: AlertSound | None = None,
    ) -> None:
        super().__init__()
        self.log = AlertLog()
        self._store, self._incidents, self._user = store, incidents, user
        self.sound = sound
        self._acknowledgers: dict[str, Callable[[str], None]] = {"incident": incidents.acknowledge}
        incidents.changed.connect(self._incidents_changed)

    def add_source(self, kind: str, acknowledge: Callable[[str], None] | None = None) -> Callable[[str, str], None]:
        """Another capability's alerts of `kind` (`social`, `camera`): returns the function that raises one
        (`key`, `text`); `acknowledge` is told when the operator acknowledges one here."""
        if acknowledge is not None:
            self._acknowledgers[kind] = acknowledge
        return lambda key, text: self._raise(kind, key, text)

    def acknowledged_elsewhere(self, kind: str, key: str) -> None:
        """The operator acknowledged it where it showed (an alert strip): the log follows."""
        if any(a.pending and a.kind == kind and a.key == key for a in self.log.alerts):
            self.log.acknowledge_key(kind, key, self._user(), self._store.now())
            self.changed.emit()

    def _raise(self, kind: str, key: str, text: str) -> None:
        alert = self.log.raise_alert(kind, key, text, self._store.now())
        if alert is None:
            return
        if self.sound is not None:
            self.sound.play()
        self.changed.emit()

    def _incidents_changed(self) -> None:
        for incident_id in self._incidents.pending:
            incident = self._store.incidents.get(incident_id)
            if incident is not None:
                self._raise(
                    "incident",
                    incident_id,
                    tr(
                        "{number} {type_text} (priority {priority})",
                        number=incident.number,
                        type_text=incident.type_text,
                        priority=incident.priority,
                    ),
                )
        for alert in self.log.pending():
            if alert.kind == "incident" and alert.key not in self._incidents.pending:
                self.log.acknowledge_key("incident", alert.key, self._user(), self._store.now())
                self.changed.emit()

    def acknowledge(self, alert: Alert) -> None:
        self.log.acknowledge(alert.id, self._user(), self._store.now())
        acknowledge = self._acknowledgers.get(alert.kind)
        if acknowledge is not None:
            acknowledge(alert.key)
        self.changed.emit()


class AlertLogPanel(QWidget):
    def __init__(self, center: AlertCenter) -> None:
        super().__init__()
        self.center = center
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Time"), tr("Kind"), tr("Alert"), tr("Acknowledged")])
        self.tree.setRootIsDecorated(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        for column, mode in enumerate((fit, fit, stretch, fit)):  # the alert's words get the room
            header.setSectionResizeMode(column, mode)
        self.ack = QPushButton(tr("Acknowledge"))
        self.ack.clicked.connect(self._acknowledge_selected)
        self.ack_all = QPushButton(tr("Acknowledge all"))
        self.ack_all.clicked.connect(self._acknowledge_all)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ack)
        buttons.addWidget(self.ack_all)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        center.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        for alert in reversed(self.center.log.alerts):
            done = (
                tr(
                    "{acknowledged_by} at {time:%H:%M:%S}",
                    acknowledged_by=alert.acknowledged_by,
                    time=alert.acknowledged_at.astimezone(),
                )
                if alert.acknowledged_at
                else tr("PENDING")
            )
            item = QTreeWidgetItem(
                [
                    f"{alert.at.astimezone():%H:%M:%S}",
                    tr(KIND_WORDS.get(alert.kind, alert.kind)),
                    one_line(alert.text, 300),
                    done,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, alert.id)
            if alert.pending:
                font = item.font(2)
                font.setBold(True)
                for column in range(4):
                    item.setFont(column, font)
            self.tree.addTopLevelItem(item)
        pending = len(self.center.log.pending())
        self.ack_all.setText(tr("Acknowledge all ({pending})", pending=pending) if pending else tr("Acknowledge all"))
        self.ack_all.setEnabled(bool(pending))

    def _acknowledge_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        alert_id = item.data(0, Qt.ItemDataRole.UserRole)
        alert = next((a for a in self.center.log.alerts if a.id == alert_id), None)
        if alert is not None and alert.pending:
            self.center.acknowledge(alert)

    def _acknowledge_all(self) -> None:
        for alert in self.center.log.pending():
            self.center.acknowledge(alert)
