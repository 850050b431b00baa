"""Logging for the whole console: Python loggers, Qt's own messages, and crash traces."""

from __future__ import annotations

import faulthandler
import logging
from pathlib import Path
from typing import IO

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_crash_file: IO[str] | None = None


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "default"
    logging.getLogger(f"console.qt.{category}").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def setup_logging(level: str = "INFO") -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    qInstallMessageHandler(_qt_message)


def enable_crash_traces(folder: Path) -> None:
    """Tracebacks of hard crashes go to crash.log; one left by the previous run is reported and kept aside."""
    global _crash_file
    folder.mkdir(parents=True, exist_ok=True)
    crash = folder / "crash.log"
    if crash.exists() and crash.stat().st_size > 0:
        previous = folder / "crash.previous.log"
        crash.replace(previous)
        logging.getLogger("console").warning("the previous session crashed; its trace is in %s", previous)
    _crash_file = crash.open("w", encoding="utf-8")
    faulthandler.enable(_crash_file)
