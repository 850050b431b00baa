"""The `console` command: its arguments, then the QApplication, the language, the look and the qasync loop the
console runs on (`app.run`); the demo backend starts before Qt does."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from console import __version__
from console.backend.demo_backend import DemoBackend
from console.diagnostics import enable_crash_traces, setup_logging
from console.event_loop import async_generators_closed_on
from console.evidence.logic.cli import verify_main
from console.i18n import tr
from console.i18n.qt_language import Language, choose_language
from console.map.scheme import register_scheme
from console.recording.logic.session_file import SessionFileError, SessionReader
from console.run import run
from console.settings import Settings, data_dir
from console.theme import apply_theme

log = logging.getLogger("console")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="console", description="Operator console for command centres.")
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--demo",
        action="store_true",
        help="start the embedded demo backend (dispatchd --demo) and log in as supervisor",
    )
    where.add_argument(
        "--backend",
        metavar="URL",
        help="dispatch backend to connect to; several instances of it as URL1,URL2: the console moves to the "
        "next when the one it uses fails, and resumes where it was",
    )
    where.add_argument("--replay", metavar="FILE", type=Path, help="replay a recorded session (no backend needed)")
    p.add_argument("--record", metavar="FILE", type=Path, help="record this session into FILE (a new file)")
    p.add_argument("--profile", metavar="NAME", help="apply a saved layout profile (View ▸ Layout) at start")
    p.add_argument("--user", help="user name (the password is asked, or read from $CONSOLE_PASSWORD)")
    p.add_argument(
        "--ca-file", metavar="FILE", help="the centre's own certificate authority (PEM) to check the backend with"
    )
    p.add_argument(
        "--insecure",
        action="store_true",
        help="allow a plain http:// backend beyond this machine (a network you trust; never over the Internet)",
    )
    p.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    return p.parse_args(argv)


def _session_file_problem(args: argparse.Namespace) -> str | None:
    """Why the session file given cannot be used, before any window opens."""
    if args.record is not None and args.record.exists():
        return tr("{record} already exists: record into a new file.", record=args.record)
    if args.replay is not None:
        try:
            SessionReader(args.replay).close()
        except SessionFileError as exc:
            return str(exc)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["verify-export"]:
        return verify_main(arguments[1:])  # no window, no display needed
    args = parse_args(argv)
    setup_logging(args.log_level)
    problem = _session_file_problem(args)
    if problem:
        log.error("%s", problem)
        return 2
    enable_crash_traces(data_dir())
    settings = Settings.load()
    chosen_language = choose_language(settings.language)
    demo = (
        DemoBackend(
            settings.demo_seed,
            settings.demo_incident_interval_s,
            basemap=data_dir() / f"demo-basemap-{settings.demo_seed}.mbtiles",
            language=chosen_language,  # the demo city's incident types and rules in the operator's language
        )
        if args.demo
        else None
    )
    if demo is not None:
        demo.start()  # before Qt starts: the backend boots while the window opens
    register_scheme()  # before the QApplication: Chromium learns its schemes at start
    os.environ.setdefault(
        "QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu" + (" --no-sandbox" if os.geteuid() == 0 else "")
    )
    try:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        app.setApplicationName("command-console")
        app.setApplicationVersion(__version__)
        language = Language()
        language.install(app, chosen_language)
        apply_theme(app, settings.theme, settings.text_scale)
        wake = QTimer()  # lets Python run its signal handlers while Qt waits
        wake.timeout.connect(lambda: None)
        wake.start(250)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop, async_generators_closed_on(loop):
            code: int = loop.run_until_complete(run(args, app, settings, demo))
            return code
    finally:
        if demo is not None:
            demo.stop()
