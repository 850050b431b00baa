"""The one bridge by which errors and notices reach the operator (and the log)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("console.notifications")


class Notifier(QObject):
    """Views and services report here; the status bar (and later the alert log) shows it."""

    message = Signal(str, str)
    """A message for the operator: level ("error", "warning", "info") and text."""

    def error(self, text: str) -> None:
        log.error("%s", text)
        self.message.emit("error", text)

    def warning(self, text: str) -> None:
        log.warning("%s", text)
        self.message.emit("warning", text)

    def info(self, text: str) -> None:
        log.info("%s", text)
        self.message.emit("info", text)
