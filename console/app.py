"""Entry point: builds the QApplication, the qasync loop and the services, and wires them together."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import hashlib
import logging
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import qasync
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QWidget

from console import __version__
from console.alerting.panel import AlertCenter, AlertLogPanel
from console.alerting.sound import AlertSound
from console.backend.client import DispatchClient
from console.backend.commands import Commands
from console.backend.connection import ConnectionStatus, LinkState
from console.backend.demo_backend import DemoBackend
from console.backend.event_stream import EventStream
from console.backend.outbox import Outbox
from console.backend.outbox_file import OutboxFile
from console.backend.queries import Queries
from console.diagnostics import enable_crash_traces, setup_logging
from console.domain.priority import priority_label
from console.event_loop import async_generators_closed_on
from console.evidence.bookmarks_panel import BookmarksPanel
from console.evidence.cli import verify_main
from console.i18n import N_, tr
from console.i18n.formats import number
from console.i18n.qt_language import Language, choose_language
from console.layout.manager import LayoutManager
from console.layout.profile import BUILT_IN
from console.layout.profile import names as profile_names
from console.map.panel import MapPanel
from console.map.profile import release_map_profile
from console.map.scheme import register_scheme
from console.notifications import Notifier
from console.palette.dialog import CommandPalette
from console.palette.matching import Entry
from console.recording.player import SessionPlayer
from console.recording.recorder import SessionRecorder
from console.recording.replay_bar import ReplayBanner, ReplayBar
from console.recording.report import write_report
from console.recording.session_file import SessionFileError, SessionReader
from console.recording.wall_replay import WallReplay
from console.settings import Settings, config_dir, data_dir
from console.social_watch.alert_bar import SpikeAlertBar, alert_text
from console.social_watch.panel import SocialWatchPanel
from console.social_watch.watch_model import SocialWatchModel
from console.store import Store
from console.theme import apply_theme
from console.theme_colours import THEMES
from console.videowall.layouts import DEFAULT_LAYOUT, LAYOUTS
from console.videowall.panel import VideoWallPanel
from console.videowall.wall_state import WallState, wall_to_dict
from console.views.alerts import AlertBar, HighPriorityAlerts
from console.views.create_incident import CreateIncidentDialog
from console.views.dispatch_panel import DispatchPanel
from console.views.exercise_banner import ExerciseBanner
from console.views.incident_detail import IncidentDetail
from console.views.incident_queue import IncidentQueue
from console.views.login_dialog import LoginDialog
from console.views.main_window import MainWindow
from console.views.major_events_panel import MajorEventsPanel
from console.views.selection import Selection
from console.views.status_bar import ConsoleStatusBar
from console.views.unit_board import UnitBoard

log = logging.getLogger("console")
THEME_NAMES = {"dark": N_("Dark theme"), "light": N_("Light theme"), "high-contrast": N_("High-contrast theme")}
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
    where.add_argument("--replay", metavar="FILE", type=Path, help="replay a recorded session (no backend needed)")
    p.add_argument("--record", metavar="FILE", type=Path, help="record this session into FILE (a new file)")
    p.add_argument("--profile", metavar="NAME", help="apply a saved layout profile (View ▸ Layout) at start")
    p.add_argument("--user", help="user name (the password is asked, or read from $CONSOLE_PASSWORD)")
    p.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    return p.parse_args(argv)


@dataclass
class Console:
    """The services of one running console, built once and passed to whoever needs them."""

    store: Store
    notifier: Notifier
    commands: Commands
    queries: Queries
    selection: Selection
    window: MainWindow
    create_dialog: CreateIncidentDialog
    map: MapPanel
    wall: VideoWallPanel
    social: SocialWatchModel
    layout: LayoutManager
    login: LoginDialog | None = None

    async def close(self) -> None:
        """Stop the video feeds and the map's traffic with its page; after this the window can go (tests let
        qtbot delete it)."""
        self.wall.close_feeds()
        await self.map.view.dispose()

    async def shutdown(self) -> None:
        """The end of a console process: the window (and the map's page) go, then the web profile."""
        await self.close()
        shiboken6.delete(self.window)
        release_map_profile()

    def panel(self, name: str) -> QWidget:
        widget = self.window.docks[name].widget()
        assert widget is not None
        return widget


def build_console(
    title: str, tile_url: str | None = None, mbtiles: Path | None = None, fill_wall: bool = True
) -> Console:
    """The store, the notification bridge, commands, queries, selection and the main window with its panels.

    The map is the central widget; `tile_url` (the centre's tile server) or `mbtiles` (offline) feed its base map.
    """
    store = Store()
    notifier = Notifier()
    commands = Commands(notifier.error)
    queries = Queries(notifier.error, data_dir() / "media-cache")
    selection = Selection()
    alerts = HighPriorityAlerts(store)
    status_bar = ConsoleStatusBar(store, notifier)
    window = MainWindow(status_bar, title)
    queue = IncidentQueue(store, commands, selection, alerts)
    detail = IncidentDetail(store, commands, queries, selection, notifier)
    dispatch = DispatchPanel(store, commands, selection)
    units = UnitBoard(store, commands)
    major = MajorEventsPanel(store, commands, selection)
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    queue_dock = window.add_panel("incidents", tr("Incident queue"), queue, left)
    units_dock = window.add_panel("units", tr("Units"), units, left)
    major_dock = window.add_panel("major_events", tr("Major events"), major, left)
    detail_dock = window.add_panel("detail", tr("Incident"), detail, right)
    dispatch_dock = window.add_panel("dispatch", tr("Dispatch"), dispatch, right)
    window.splitDockWidget(queue_dock, units_dock, Qt.Orientation.Vertical)
    window.tabifyDockWidget(units_dock, major_dock)
    units_dock.raise_()
    window.splitDockWidget(detail_dock, dispatch_dock, Qt.Orientation.Vertical)
    window.add_top_bar(ExerciseBanner(store))
    alert_bar = AlertBar(store, alerts)
    window.add_top_bar(alert_bar)
    social = SocialWatchModel(store)
    spike_bar = SpikeAlertBar(social)
    window.add_top_bar(spike_bar)
    create_dialog = CreateIncidentDialog(commands, window)
    map_panel = MapPanel(store, selection, commands, alerts, create_dialog, tile_url, mbtiles, social)
    window.setCentralWidget(map_panel)
    wall = VideoWallPanel(store, queries, selection, notifier, commands, fill_at_start=fill_wall)
    # The wall sits under the map; the queue and the incident keep the full height of the window.
    window.setCorner(Qt.Corner.BottomLeftCorner, left)
    window.setCorner(Qt.Corner.BottomRightCorner, right)
    wall_dock = window.add_panel("wall", tr("Video wall"), wall, Qt.DockWidgetArea.BottomDockWidgetArea)
    wall_dock.setMinimumHeight(220)

    def show_on_wall(show: Callable[[str], None], source_id: str) -> None:
        window.show_panel("wall")
        show(source_id)

    clips = BookmarksPanel(store, commands, queries, selection, notifier)
    clips_dock = window.add_panel("bookmarks", tr("Clips"), clips, left)
    window.tabifyDockWidget(major_dock, clips_dock)
    units_dock.raise_()
    social_panel = SocialWatchPanel(social, store, commands, selection, notifier)
    social_dock = window.add_panel("social", tr("Social watch"), social_panel, right)
    window.tabifyDockWidget(dispatch_dock, social_dock)
    dispatch_dock.raise_()
    social_panel.location_requested.connect(lambda lat, lon: map_panel.view.focus(lat, lon, 17))
    social_panel.draw_requested.connect(map_panel.view.start_drawing)
    social_panel.geofence_shown.connect(map_panel.view.show_geofence)
    map_panel.view.bridge.geofence_drawn.connect(social_panel.area_drawn)

    def show_spike(rule_id: str) -> None:
        window.show_panel("social")
        social_panel.show_rule(rule_id)
        spike_bar.acknowledge(rule_id)

    spike_bar.show_requested.connect(show_spike)
    social.spike_detected.connect(lambda alert: notifier.warning(alert_text(alert)))
    alert_center = AlertCenter(store, alerts, social, spike_bar, wall.grid, queries.user_name, AlertSound(data_dir()))
    alert_log = AlertLogPanel(alert_center)
    log_dock = window.add_panel("alert_log", tr("Alerts"), alert_log, left)
    window.tabifyDockWidget(units_dock, log_dock)
    units_dock.raise_()
    clips.play_requested.connect(functools.partial(show_on_wall, wall.play_bookmark))
    map_panel.camera_requested.connect(functools.partial(show_on_wall, wall.show_camera))
    detail.video_requested.connect(functools.partial(show_on_wall, wall.play_media))

    def open_incident(incident_id: str) -> None:
        alerts.acknowledge(incident_id)
        selection.select(incident_id)
        window.show_panel("detail")

    queue.incident_opened.connect(open_incident)
    alert_bar.open_requested.connect(open_incident)

    def focus_note() -> None:
        window.show_panel("detail")
        detail.focus_note()

    def focus_dispatch() -> None:
        window.show_panel("dispatch")
        dispatch.focus_candidates()

    def focus_queue() -> None:
        window.show_panel("incidents")
        queue.table.setFocus()

    def open_session(path: str) -> None:
        subprocess.Popen([sys.executable, "-m", "console", "--replay", path], start_new_session=True)

    def ask_session_file() -> None:
        chooser = QFileDialog(window, tr("Open a recorded session"), str(data_dir() / "sessions"))
        chooser.setNameFilter(tr("Sessions (*.session);;All files (*)"))
        chooser.fileSelected.connect(open_session)
        chooser.open()

    window.add_action(window.file_menu, tr("Open session… (replay in a new window)"), "Ctrl+O", ask_session_file)
    menu = window.incident_menu
    window.add_action(menu, tr("New incident from a call…"), "Ctrl+I", lambda: create_dialog.start())
    window.add_action(menu, tr("Add a note to the selected incident"), "Ctrl+N", focus_note)
    window.add_action(menu, tr("Dispatch to the selected incident"), "Ctrl+D", focus_dispatch)
    window.add_action(menu, tr("Go to the incident queue"), "Ctrl+1", focus_queue)
    window.add_action(menu, tr("Next incident"), "F8", lambda: queue.step(1))
    window.add_action(menu, tr("Previous incident"), "Shift+F8", lambda: queue.step(-1))
    layouts = window.view_menu.addMenu(tr("Wall layout"))

    def show_layout(name: str) -> Callable[[], None]:
        return lambda: wall.show_layout(name)

    for key, name in enumerate(LAYOUTS, start=1):
        window.add_action(layouts, tr(name), f"Alt+{key}", show_layout(name))
    palette = CommandPalette(lambda: palette_entries(window, store), window)
    window.add_action(window.view_menu, tr("Go to… (command palette)"), "Ctrl+K", palette.open_palette)

    def chosen(entry: Entry) -> None:
        if entry.kind == "action":
            action = next((a for a in window.findChildren(QAction) if a.text() == entry.key), None)
            if action is not None:
                action.trigger()
        elif entry.kind == "incident":
            open_incident(entry.key)
        elif entry.kind == "unit":
            unit = store.units.get(entry.key)
            window.show_panel("units")
            if unit is not None and unit.position is not None:
                map_panel.view.focus(unit.position.lat, unit.position.lon, 17)
        elif entry.kind == "camera":
            show_on_wall(wall.show_camera, entry.key)

    palette.chosen.connect(chosen)
    window.resize(1600, 900)
    layout = LayoutManager(window, wall, notifier, config_dir() / "profiles")
    add_layout_menus(window, layout)
    return Console(
        store, notifier, commands, queries, selection, window, create_dialog, map_panel, wall, social, layout
    )


def palette_entries(window: MainWindow, store: Store) -> list[Entry]:
    """What the palette can find: the window's actions, open incidents, units and cameras."""
    entries = [
        Entry("action", action.text().replace("&", ""), action.shortcut().toString(), action.text())
        for action in window.findChildren(QAction)
        if action.text() and not action.isSeparator() and action.menu() is None and action.isEnabled()
    ]
    for incident in sorted(store.incidents.values(), key=lambda i: (-i.priority, i.number)):
        if incident.is_open:
            detail = f"{priority_label(incident.priority)}, {incident.location.address_text or ''}"
            entries.append(Entry("incident", f"{incident.number} {incident.type_text}", detail, incident.id))
    for unit in sorted(store.units.values(), key=lambda u: u.callsign):
        entries.append(Entry("unit", unit.callsign, f"{unit.agency}, {unit.secondary_status}", unit.id))
    for camera in sorted(store.cameras.values(), key=lambda c: c.name):
        entries.append(Entry("camera", camera.name, f"{camera.kind}, {camera.status}", camera.id))
    return entries


def add_layout_menus(window: MainWindow, layout: LayoutManager) -> None:
    """View ▸ Layout (save, the saved profiles, restore) and View ▸ Send panel to screen."""
    menu = window.view_menu.addMenu(tr("Layout"))

    def ask_name() -> None:
        dialog = QInputDialog(window)
        dialog.setWindowTitle(tr("Save the layout"))
        dialog.setLabelText(tr("Profile name (e.g. Supervisor — 3 screens):"))
        dialog.textValueSelected.connect(lambda name: name.strip() and layout.save(name.strip()))
        dialog.open()

    def fill() -> None:
        menu.clear()
        menu.addAction(tr("Save layout as…")).triggered.connect(ask_name)
        if layout.current is not None:
            current = layout.current
            menu.addAction(tr("Restore «{name}»", name=tr(current.name))).triggered.connect(
                lambda: layout.apply(current)
            )
        saved = profile_names(layout.folder)
        menu.addSeparator()
        for name in [*saved, *(b for b in BUILT_IN if b not in saved)]:
            menu.addAction(tr(name)).triggered.connect(lambda _=False, n=name: layout.load(n))

    menu.aboutToShow.connect(fill)
    fill()
    send = window.view_menu.addMenu(tr("Send panel to screen"))

    def fill_send() -> None:
        send.clear()
        screens = layout.qscreens()
        for panel, dock in window.docks.items():
            sub = send.addMenu(dock.windowTitle())
            for index, screen in enumerate(screens):
                action = sub.addAction(tr("Screen {index} ({name})", index=index + 1, name=screen.name()))
                action.triggered.connect(lambda _=False, p=panel, i=index: layout.send_to_screen(p, i))

    send.aboutToShow.connect(fill_send)
    looks = window.view_menu.addMenu(tr("Look"))
    for name in THEMES:
        looks.addAction(tr(THEME_NAMES.get(name, name))).triggered.connect(lambda _=False, n=name: _set_look(theme=n))
    looks.addSeparator()
    for scale in (1.0, 1.25, 1.5):
        looks.addAction(tr("Text {scale}%", scale=int(scale * 100))).triggered.connect(
            lambda _=False, s=scale: _set_look(scale=s)
        )


def _set_look(theme: str | None = None, scale: float | None = None) -> None:
    """Change the look now and keep it in the settings."""
    settings = Settings.load()
    settings.theme = theme or settings.theme
    settings.text_scale = scale or settings.text_scale
    settings.save()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, settings.theme, settings.text_scale)


@dataclass
class Link:
    """A console's live connection: client, event stream and outbox, with their tasks."""

    client: DispatchClient
    stream: EventStream
    outbox: Outbox
    tasks: list[asyncio.Task[None]]

    def log_in(self, username: str, password: str) -> None:
        self.client.set_credentials(username, password)
        self.stream.credentials_changed()

    async def close(self) -> None:
        for task in self.tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def connect(
    console: Console, http: httpx.AsyncClient, url: str, outbox_file: Path, default_user: str = ""
) -> Link:
    """Wire a built console to a backend: stream into its store, commands through a durable outbox, queries,
    login when asked. Returns at once; the link keeps trying until it is closed."""
    client = DispatchClient(http, url)
    outbox = Outbox(
        await asyncio.to_thread(OutboxFile, outbox_file),
        client,
        console.notifier.error,
        console.window.status.show_pending_commands,
    )
    console.commands.attach(outbox)
    console.queries.attach(client)
    console.window.status.show_pending_commands(outbox.pending_count)
    login = LoginDialog(url, console.window)
    console.login = login
    types_loaded = False

    def on_types(types: list[dict[str, Any]]) -> None:
        console.create_dialog.set_incident_types(types)
        detail = console.panel("detail")
        assert isinstance(detail, IncidentDetail)
        detail.set_incident_types(types)

    def on_status(status: ConnectionStatus) -> None:
        nonlocal types_loaded
        console.window.status.show_status(status)
        if status.state is LinkState.CONNECTED and not types_loaded:
            types_loaded = True
            console.queries.incident_types(on_types)
            console.queries.sectors(console.map.set_sectors)
        if status.state is LinkState.LOGIN_REQUIRED and not login.isVisible():
            login.ask(status.reason if client.has_credentials else "", default_user)

    stream = EventStream(client, console.store, on_status)
    link = Link(client, stream, outbox, [])
    login.credentials_entered.connect(link.log_in)
    link.tasks = [asyncio.ensure_future(stream.run()), asyncio.ensure_future(outbox.run())]
    return link


async def replay(path: Path, app: QApplication, settings: Settings) -> int:
    """A recorded session in the console: the same store and panels, fed by the player; commands off."""
    reader = SessionReader(path, check=False)  # main() checked it before Qt started
    console = build_console(
        tr("Command console {version} — replay of {name}", version=__version__, name=path.name),
        tile_url=settings.map_tile_url or None,
        mbtiles=Path(settings.map_mbtiles) if settings.map_mbtiles else _demo_basemap(settings),
        fill_wall=False,
    )
    console.commands.read_only = True
    player = SessionPlayer(console.store, reader)
    console.queries.history = player.history
    WallReplay(player, console.wall)
    console.window.add_top_bar(ReplayBanner(player))
    console.window.add_bottom_bar(ReplayBar(player))
    console.window.status.show_starting(
        tr("Replaying {name}: {count} records", name=path.name, count=number(reader.count))
    )
    console.window.setGeometry(app.primaryScreen().availableGeometry())
    console.window.show()
    report_task: list[asyncio.Future[Path]] = []

    def export_report(destination: str) -> None:
        target = Path(destination)
        future = asyncio.ensure_future(asyncio.to_thread(write_report, path, target))
        report_task[:] = [future]
        future.add_done_callback(
            lambda f: (
                console.notifier.error(tr("Could not write the report: {exception}", exception=f.exception()))
                if f.exception()
                else console.notifier.info(tr("Session report written to {target}", target=target))
            )
        )

    def ask_report_file() -> None:
        chooser = QFileDialog(console.window, tr("Export the session report"), str(path.with_suffix(".html")))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setNameFilter(tr("HTML pages (*.html)"))
        chooser.fileSelected.connect(export_report)
        chooser.open()

    console.window.add_action(console.window.file_menu, tr("Export session report…"), "", ask_report_file)
    player.seek(reader.first_state_time())
    await _until_quit(app)
    player.close()
    await console.shutdown()
    return 0


def _demo_basemap(settings: Settings) -> Path | None:
    """A replay of a demo session draws on the demo city's map when this machine has it."""
    path = data_dir() / f"demo-basemap-{settings.demo_seed}.mbtiles"
    return path if path.exists() else None


async def _until_quit(app: QApplication) -> None:
    quit_requested = asyncio.Event()
    app.setQuitOnLastWindowClosed(False)  # the caller ends the loop itself, after cleaning up
    app.lastWindowClosed.connect(quit_requested.set)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: loop.call_soon_threadsafe(quit_requested.set))
    await quit_requested.wait()


def session_file_in(folder: str) -> Path | None:
    """A new session file in the folder of the `session_folder` setting (None when it is empty)."""
    if not folder:
        return None
    return Path(folder).expanduser() / f"session-{datetime.now().strftime('%Y%m%d-%H%M%S')}.session"


def start_recording(console: Console, path: Path, backend: str) -> SessionRecorder:
    """Record the store's snapshots and events and the operator's commands and selections into `path`."""
    recorder = SessionRecorder(
        console.store,
        path,
        {"console_version": __version__, "backend": backend, "started_at": datetime.now(UTC).isoformat()},
    )
    console.commands.sent_listeners.append(recorder.record_command)

    def selected(incident_id: str) -> None:
        incident = console.store.incidents.get(incident_id)
        label = incident.number if incident else tr("nothing")
        recorder.record_action("select", tr("selected {label}", label=label), incident_id=incident_id)

    console.selection.incident_selected.connect(selected)
    last_wall: list[dict[str, Any]] = []

    def wall_shown(state: WallState) -> None:
        recorded = wall_to_dict(state)
        if last_wall and last_wall[0] == recorded:
            return
        last_wall[:] = [recorded]
        names = {camera.id: camera.name for camera in console.store.cameras.values()}
        shown = ", ".join(names.get(ref.id, ref.describe()) for ref in state.visible() if ref is not None)
        shown = shown or tr("empty")
        recorder.record_action(
            "wall", tr("wall {layout_name}: {shown}", layout_name=state.layout_name, shown=shown), state=recorded
        )

    console.wall.grid.state_shown.connect(wall_shown)
    console.notifier.message.connect(
        lambda level, text: recorder.record_action("message", f"{level}: {text}", level=level)
    )  # what the console told the operator, refusals of commands included
    wall_shown(console.wall.grid.state)
    log.info("recording this session into %s", path)
    return recorder


async def run(args: argparse.Namespace, app: QApplication, settings: Settings, demo: DemoBackend | None) -> int:
    if args.replay:
        return await replay(args.replay, app, settings)
    mbtiles = demo.basemap if demo is not None else (Path(settings.map_mbtiles) if settings.map_mbtiles else None)
    console = build_console(
        tr("Command console {version}", version=__version__) + (tr(" — demo") if demo else ""),
        tile_url=None if demo is not None else (settings.map_tile_url or None),
        mbtiles=mbtiles,
    )
    if settings.problem:
        console.notifier.warning(settings.problem_message())
    if settings.wall_layout in LAYOUTS:
        console.wall.set_state(console.wall.grid.state.with_layout(settings.wall_layout))
    else:
        log.warning("unknown wall layout %r in the settings; using %s", settings.wall_layout, DEFAULT_LAYOUT)
    screen = app.primaryScreen().availableGeometry()
    console.window.setGeometry(screen)
    docks = console.window.docks
    console.layout.proportion_columns()
    console.window.resizeDocks(
        [docks["incidents"], docks["units"]],
        [int(screen.height() * 0.5), int(screen.height() * 0.4)],
        Qt.Orientation.Vertical,
    )
    console.window.resizeDocks([docks["wall"]], [int(screen.height() * 0.42)], Qt.Orientation.Vertical)
    console.window.resizeDocks(
        [docks["detail"], docks["dispatch"]],
        [int(screen.height() * 0.38), int(screen.height() * 0.52)],
        Qt.Orientation.Vertical,
    )
    console.window.show()
    if args.profile:
        console.layout.load(args.profile)
    screens = app.screens()
    if 1 <= settings.wall_screen <= len(screens):
        console.wall.go_full_screen(screens[settings.wall_screen - 1])
    elif settings.wall_screen:
        log.warning(
            "no screen %d for the video wall (%d screens); it stays in the window", settings.wall_screen, len(screens)
        )
    quit_task = asyncio.ensure_future(_until_quit(app))
    async with httpx.AsyncClient(timeout=httpx.Timeout(10.0)) as http:
        if demo is not None:
            console.window.status.show_starting(tr("Starting the demo backend…"))
            try:
                url = await demo.wait_ready(http)
            except RuntimeError as exc:
                console.notifier.error(str(exc))
                console.window.status.show_starting(tr("Demo backend failed: {exc}", exc=exc))
                await quit_task
                await console.shutdown()
                return 1
        else:
            url = args.backend or settings.backend_url
        record_into = args.record or session_file_in(settings.session_folder)
        recorder = None
        if record_into:
            try:
                recorder = start_recording(console, record_into, url)
            except (SessionFileError, OSError, sqlite3.Error) as exc:
                console.notifier.error(tr("This session is not recorded: {exc}", exc=exc))
        link = await connect(console, http, url, outbox_path(url, demo), default_user=args.user or settings.username)
        if demo is not None:
            link.log_in(DEMO_USER, DEMO_USER)
        elif args.user and os.environ.get("CONSOLE_PASSWORD"):
            link.log_in(args.user, os.environ["CONSOLE_PASSWORD"])
        await quit_task
        await link.close()
    if recorder is not None:
        recorder.close()
    await console.shutdown()
    return 0


def outbox_path(backend_url: str, demo: DemoBackend | None) -> Path:
    """One outbox per backend (a command is never sent to another one); the demo's goes with the demo."""
    if demo is not None:
        return demo.data_dir.parent / "outbox.jsonl"
    return data_dir() / f"outbox-{hashlib.sha256(backend_url.encode()).hexdigest()[:12]}.jsonl"


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
