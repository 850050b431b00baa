"""The offline base map's file, watched until it is there: the demo backend draws it while the console
starts (a first run), and a centre may drop its MBTiles in place while the console runs."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

log = logging.getLogger("console.map")


class BaseMapFile(QObject):
    """Tells once when `path` exists (at once if it already does: `present` is then True)."""

    arrived = Signal()
    """The file is now there, whole (its writer renames it into place when it is done)."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.present = path.exists()
        self._watcher: QFileSystemWatcher | None = None
        if not self.present:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._watcher = QFileSystemWatcher([str(path.parent)], self)
            self._watcher.directoryChanged.connect(self._look)
            QTimer.singleShot(0, self, self._look)  # written between the look above and the watch: seen all the same
            log.info("no base map at %s yet: the map shows it as soon as it is written", path)

    def _look(self, _directory: str = "") -> None:
        if self.present or not self.path.exists():
            return
        self.present = True
        assert self._watcher is not None
        self._watcher.removePaths(self._watcher.directories())
        log.info("the base map %s is there: loading its tiles", self.path)
        self.arrived.emit()
