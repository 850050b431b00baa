"""The EXERCISE banner: while the backend plays a training exercise (or exercise incidents are still open),
every console says so above its panels, so that nobody takes a drill for a real emergency."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from console.i18n import tr
from console.state.store import Store


class ExerciseBanner(QLabel):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("background: #e65100; color: white; font-weight: bold; font-size: 15px; padding: 4px;")
        self._store = store
        store.exercise_changed.connect(self.refresh)
        store.reset_done.connect(self.refresh)
        store.incident_changed.connect(lambda _id, _new: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        exercise = self._store.exercise
        open_drills = sum(1 for i in self._store.incidents.values() if i.exercise and i.is_open)
        if exercise and exercise.get("running"):
            played = tr(
                "{incidents_created} of {incidents_planned}",
                incidents_created=exercise.get("incidents_created", 0),
                incidents_planned=exercise.get("incidents_planned", "?"),
            )
            text = tr("EXERCISE «{name}» in progress — {played} incidents played", name=exercise["name"], played=played)
        elif open_drills:
            text = tr(
                "EXERCISE — {open_drills} exercise incident{open_drills2} still open",
                open_drills=open_drills,
                open_drills2="s" if open_drills > 1 else "",
            )
        else:
            self.hide()
            return
        self.setText(tr("{text} — incidents marked EXERCISE are not real emergencies", text=text))
        self.show()
