"""Entry point: builds the QApplication, the qasync loop and the services, and wires them together."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import logging
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
import qasync
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from console import __version__
from console.backend.client import DispatchClient
from console.backend.commands import Commands
from console.backend.connection import ConnectionStatus, LinkState
from console.backend.demo_backend import DemoBackend
from console.backend.event_stream import EventStream
from console.backend.outbox import Outbox
from console.backend.outbox_file import OutboxFile
from console.diagnostics import enable_crash_traces, setup_logging
from console.notifications import Notifier
from console.settings import Settings, data_dir
from console.store import Store
from console.theme import apply_dark_theme
from console.views.incident_queue import IncidentQueue
from console.views.login_dialog import LoginDialog
from console.views.main_window import MainWindow
from console.views.status_bar import ConsoleStatusBar
from console.views.unit_board import UnitBoard

log = logging.getLogger("console")
DEMO_USER = "supervisor"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="console", description="Operator console for command centres.")
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--demo",
        action="store_true",
        help="start the embedded demo backend (dispatchd --demo) and log in as supervisor",
    )
    where.add_argument("--backend", metavar="URL", help="dispatch backend to connect to")
    p.add_argument("--user", help="user name (the password is asked, or read from $CONSOLE_PASSWORD)")
    p.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    return p.parse_args(argv)


@dataclass
class Console:
    """The services of one running console, built once and passed to whoever needs them."""

    store: Store
    notifier: Notifier
    commands: Commands
    window: MainWindow
    login: LoginDialog | None = None


def build_console(title: str) -> Console:
    """The store, the notification bridge, the commands and the main window with its panels."""
    store = Store()
    notifier = Notifier()
    commands = Commands(notifier.error)
    status_bar = ConsoleStatusBar(store, notifier)
    window = MainWindow(status_bar, title)
    window.add_panel(
        "incidents", "Incident queue", IncidentQueue(store, commands), Qt.DockWidgetArea.LeftDockWidgetArea
    )
    window.add_panel("units", "Units", UnitBoard(store), Qt.DockWidgetArea.RightDockWidgetArea)
    window.resize(1600, 900)
    return Console(store, notifier, commands, window)


async def run(args: argparse.Namespace, app: QApplication, settings: Settings, demo: DemoBackend | None) -> int:
    console = build_console(f"Command console {__version__}" + (" — demo" if demo else ""))
    screen = app.primaryScreen().availableGeometry()
    console.window.setGeometry(screen)
    console.window.resizeDocks(
        [console.window.docks["incidents"], console.window.docks["units"]],
        [int(screen.width() * 0.62), int(screen.width() * 0.38)],
        Qt.Orientation.Horizontal,
    )
    console.window.show()
    quit_requested = asyncio.Event()
    app.setQuitOnLastWindowClosed(False)  # run() ends the loop itself, after cleaning up
    app.lastWindowClosed.connect(quit_requested.set)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: loop.call_soon_threadsafe(quit_requested.set))
    async with httpx.AsyncClient(timeout=httpx.Timeout(10.0)) as http:
        if demo is not None:
            console.window.status.show_starting("Starting the demo backend…")
            try:
                url = await demo.wait_ready(http)
            except RuntimeError as exc:
                console.notifier.error(str(exc))
                console.window.status.show_starting(f"Demo backend failed: {exc}")
                await quit_requested.wait()
                return 1
        else:
            url = args.backend or settings.backend_url
        client = DispatchClient(http, url)
        outbox = Outbox(
            await asyncio.to_thread(OutboxFile, outbox_path(url, demo)),
            client,
            console.notifier.error,
            console.window.status.show_pending_commands,
        )
        console.commands.attach(outbox)
        console.window.status.show_pending_commands(outbox.pending_count)

        def on_status(status: ConnectionStatus) -> None:
            console.window.status.show_status(status)
            if status.state is LinkState.LOGIN_REQUIRED:
                ask_login(status.reason if client.has_credentials else "")

        stream = EventStream(client, console.store, on_status)
        login = LoginDialog(url, console.window)
        console.login = login

        def on_credentials(username: str, password: str) -> None:
            client.set_credentials(username, password)
            stream.credentials_changed()

        def ask_login(reason: str) -> None:
            if not login.isVisible():
                login.ask(reason, args.user or settings.username)

        login.credentials_entered.connect(on_credentials)
        if demo is not None:
            client.set_credentials(DEMO_USER, DEMO_USER)
        elif args.user and os.environ.get("CONSOLE_PASSWORD"):
            client.set_credentials(args.user, os.environ["CONSOLE_PASSWORD"])
        tasks = [asyncio.ensure_future(stream.run()), asyncio.ensure_future(outbox.run())]
        await quit_requested.wait()
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    return 0


def outbox_path(backend_url: str, demo: DemoBackend | None) -> Path:
    """One outbox per backend (a command is never sent to another one); the demo's goes with the demo."""
    if demo is not None:
        return demo.data_dir.parent / "outbox.jsonl"
    return data_dir() / f"outbox-{hashlib.sha256(backend_url.encode()).hexdigest()[:12]}.jsonl"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    setup_logging(args.log_level)
    enable_crash_traces(data_dir())
    settings = Settings.load()
    demo = DemoBackend(settings.demo_seed, settings.demo_incident_interval_s) if args.demo else None
    if demo is not None:
        demo.start()  # before Qt starts: the backend boots while the window opens
    try:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        app.setApplicationName("command-console")
        app.setApplicationVersion(__version__)
        apply_dark_theme(app)
        wake = QTimer()  # lets Python run its signal handlers while Qt waits
        wake.timeout.connect(lambda: None)
        wake.start(250)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            code: int = loop.run_until_complete(run(args, app, settings, demo))
            return code
    finally:
        if demo is not None:
            demo.stop()
