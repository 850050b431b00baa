"""The incident the operator is working on: shared by the queue, the detail, dispatch (and the map)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """UI state, not dispatch state: it never goes to the backend."""

    incident_selected = Signal(str)
    """The operator selected an incident: its id ("" for none)."""

    def __init__(self) -> None:
        super().__init__()
        self.incident_id = ""

    def select(self, incident_id: str) -> None:
        if incident_id != self.incident_id:
            self.incident_id = incident_id
            self.incident_selected.emit(incident_id)
