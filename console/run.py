"""The console's two lives: live on a backend (the demo's or the centre's), or replaying a recorded session."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sqlite3
import ssl
from pathlib import Path

import httpx
from PySide6.QtWidgets import QApplication

from console import __version__
from console.app import Console, build_console, connect
from console.backend.demo_backend import DemoBackend
from console.backend.link import outbox_path
from console.backend.transport import plain_http_problem, tls_context
from console.i18n import tr
from console.layout import install as layout
from console.lock.logic.idle import lock_after_s
from console.map.centre_map import centre_map_file
from console.recording import install as recording
from console.recording.logic.session_file import SessionFileError, SessionReader
from console.settings import Settings, data_dir
from console.videowall.logic.layouts import DEFAULT_LAYOUT, LAYOUTS

log = logging.getLogger("console")
DEMO_USER = "supervisor"


async def replay(path: Path, app: QApplication, settings: Settings) -> int:
    """A recorded session in the console: the same store and panels, fed by the player; commands off."""
    reader = SessionReader(path, check=False)  # main() checked it before Qt started
    demo_map = data_dir() / f"demo-basemap-{settings.demo_seed}.mbtiles"  # a replay of a demo session
    console = build_console(
        tr("Command console {version} — replay of {name}", version=__version__, name=path.name),
        tile_url=settings.map_tile_url or None,
        mbtiles=Path(settings.map_mbtiles) if settings.map_mbtiles else (demo_map if demo_map.exists() else None),
        fill_wall=False,
        idle_lock_s=None,
    )
    player = recording.install_replay(console, console.wall, reader, path)
    console.window.setGeometry(app.primaryScreen().availableGeometry())
    console.window.show()
    await until_quit(app)
    player.close()
    await console.shutdown()
    return 0


async def run(args: argparse.Namespace, app: QApplication, settings: Settings, demo: DemoBackend | None) -> int:
    """A live console, on the demo backend or the centre's."""
    if args.replay:
        return await replay(args.replay, app, settings)
    # The base map: the demo city's; else this console's own setting; else the one the centre's dispatchd serves.
    from_backend = demo is None and not settings.map_tile_url and not settings.map_mbtiles
    if demo is not None:
        mbtiles: Path | None = demo.basemap
    elif settings.map_mbtiles:
        mbtiles = Path(settings.map_mbtiles)
    else:
        mbtiles = centre_map_file(args.backend or settings.backend_url) if from_backend else None
    console = build_console(
        tr("Command console {version}", version=__version__) + (tr(" — demo") if demo else ""),
        tile_url=None if demo is not None else (settings.map_tile_url or None),
        mbtiles=mbtiles,
        map_from_backend=from_backend,
        idle_lock_s=lock_after_s(settings.idle_lock_minutes),
    )
    if settings.problem:
        console.notifier.warning(settings.problem_message())
    apply_wall_settings(console, settings, app, args.profile)
    quit_task = asyncio.ensure_future(until_quit(app))
    target = args.backend or settings.backend_url
    if demo is None and (refused := plain_http_problem(target, args.insecure)):
        console.notifier.error(refused)
        console.window.status.show_starting(refused)
        await quit_task
        await console.shutdown()
        return 2
    ca_file = args.ca_file or settings.ca_file or None
    try:
        verify = tls_context(ca_file)
    except (OSError, ssl.SSLError) as exc:
        said = tr("The certificate authority file {path} cannot be used: {exc}", path=ca_file, exc=exc)
        console.notifier.error(said)
        console.window.status.show_starting(said)
        await quit_task
        await console.shutdown()
        return 2
    async with httpx.AsyncClient(timeout=httpx.Timeout(10.0), verify=verify) as http:
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
        recorder = None
        if record_into := args.record or recording.session_file_in(settings.session_folder):
            try:
                recorder = recording.start_recording(console, console.wall, record_into, url)
            except (SessionFileError, OSError, sqlite3.Error) as exc:
                console.notifier.error(tr("This session is not recorded: {exc}", exc=exc))
        outbox = demo.data_dir.parent / "outbox.jsonl" if demo is not None else outbox_path(url, data_dir())
        link = await connect(console, http, url, outbox, default_user=args.user or settings.username)
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


def apply_wall_settings(console: Console, settings: Settings, app: QApplication, profile: str | None) -> None:
    """The wall's layout and screen from the settings, the first arrangement, then the window and a profile."""
    wall = console.wall.panel
    if settings.wall_layout in LAYOUTS:
        wall.set_state(wall.grid.state.with_layout(settings.wall_layout))
    else:
        log.warning("unknown wall layout %r in the settings; using %s", settings.wall_layout, DEFAULT_LAYOUT)
    layout.arrange(console.window, console.layout, app.primaryScreen().availableGeometry())
    console.window.show()
    if profile:
        console.layout.load(profile)
    screens = app.screens()
    if 1 <= settings.wall_screen <= len(screens):
        wall.go_full_screen(screens[settings.wall_screen - 1])
    elif settings.wall_screen:
        log.warning(
            "no screen %d for the video wall (%d screens); it stays in the window", settings.wall_screen, len(screens)
        )


async def until_quit(app: QApplication) -> None:
    """Until the last window closes or the process is asked to stop (the caller cleans up after)."""
    quit_requested = asyncio.Event()
    app.setQuitOnLastWindowClosed(False)
    app.lastWindowClosed.connect(quit_requested.set)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: loop.call_soon_threadsafe(quit_requested.set))
    await quit_requested.wait()
