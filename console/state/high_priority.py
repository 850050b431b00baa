"""High-priority alerts: a new incident of priority ≥ 8 stays announced until someone acknowledges it.

Shared state beside the store: the queue flashes them, the alert bar lists them, the map pulses them and the
alert log records them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from console.state.store import Store

ALERT_PRIORITY = 8


class HighPriorityAlerts(QObject):
    """New incidents (live, not from a snapshot) of priority ≥ 8 that nobody has acknowledged yet."""

    changed = Signal()
    """The set of pending alerts changed."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store
        self.pending: list[str] = []
        store.incident_changed.connect(self._on_incident)

    def _on_incident(self, incident_id: str, created: bool) -> None:
        incident = self._store.incidents.get(incident_id)
        if incident is None:
            return
        if created and incident.priority >= ALERT_PRIORITY and incident.is_open and not incident.major_event:
            self.pending.append(incident_id)
            self.changed.emit()
        elif not incident.is_open and incident_id in self.pending:
            self.acknowledge(incident_id)

    def acknowledge(self, incident_id: str) -> None:
        if incident_id in self.pending:
            self.pending.remove(incident_id)
            self.changed.emit()
