"""The console, assembled: the core services, then each capability installed in order, each returning the
typed handle the ones after it use. `connect` ties it to a backend; `run` and `replay` are its two lives."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path

import httpx
import shiboken6

from console.admin import install as admin
from console.admin.install import Administration
from console.alerting import install as alerting
from console.alerting.install import Alerting
from console.backend.connection import ConnectionStatus, LinkState
from console.backend.link import Link, open_link
from console.core import Core
from console.evidence import install as evidence
from console.evidence.bookmarks_panel import BookmarksPanel
from console.layout import install as layout
from console.layout.manager import LayoutManager
from console.lock import install as lock
from console.lock.install import IdleLock
from console.lock.logic.idle import DEFAULT_MINUTES, lock_after_s
from console.map import install as live_map
from console.map.profile import release_map_profile
from console.map.surface import MapSurface
from console.palette import install as palette
from console.palette.dialog import CommandPalette
from console.recording import install as recording
from console.social_watch import install as social_watch
from console.social_watch.install import SocialWatch
from console.videowall import install as videowall
from console.videowall.install import VideoWall
from console.views import install as views
from console.views.install import IncidentOperations
from console.views.login_dialog import LoginDialog

log = logging.getLogger("console")


@dataclass
class Console(Core):
    """The services of one running console and the handle of each capability."""

    operations: IncidentOperations
    map: MapSurface
    social: SocialWatch
    wall: VideoWall
    clips: BookmarksPanel
    alerting: Alerting
    palette: CommandPalette
    layout: LayoutManager
    admin: Administration
    idle_lock: IdleLock
    login: LoginDialog | None = None

    async def close(self) -> None:
        """Stop the video feeds and the map's traffic with its page; after this the window can go."""
        self.wall.panel.close_feeds()
        await self.map.dispose()

    async def shutdown(self) -> None:
        """The end of a console process: the window (and the map's page) go, then the web profile."""
        await self.close()
        shiboken6.delete(self.window)
        release_map_profile()


def build_console(
    title: str,
    tile_url: str | None = None,
    mbtiles: Path | None = None,
    fill_wall: bool = True,
    map_stand_in: bool = False,
    map_from_backend: bool = False,
    idle_lock_s: float | None = lock_after_s(DEFAULT_MINUTES),
) -> Console:
    """Every capability, in order. `map_stand_in`: a light map without Chromium (tests not about the map)."""
    core = Core.build(title)
    operations = views.install(core)
    map_surface = live_map.install(core, operations, tile_url, mbtiles, map_stand_in, map_from_backend)
    social = social_watch.install(core, map_surface)
    wall = videowall.install(core, map_surface, operations, fill_at_start=fill_wall)
    clips = evidence.install(core, wall)
    alerts = alerting.install(core, social, wall)
    administration = admin.install(core, map_surface, wall)
    recording.install(core)
    command_palette = palette.install(core, operations, map_surface, wall)
    layouts = layout.install(core, wall)
    idle_lock = lock.install(core, wall, idle_lock_s)
    core.window.resize(1600, 900)
    return Console(
        **vars(core),
        operations=operations,
        map=map_surface,
        social=social,
        wall=wall,
        clips=clips,
        alerting=alerts,
        palette=command_palette,
        layout=layouts,
        admin=administration,
        idle_lock=idle_lock,
    )


async def connect(
    console: Console, http: httpx.AsyncClient, url: str, outbox_file: Path, default_user: str = ""
) -> Link:
    """Tie a built console to a backend: events into its store (the centre's sectors and incident types with
    the rest), commands through the outbox, the login dialog when asked."""
    login = console.login = LoginDialog(url, console.window)

    def on_status(status: ConnectionStatus) -> None:
        console.window.status.show_status(status)
        if status.state is LinkState.LOGIN_REQUIRED and not login.isVisible():
            login.ask(status.reason if link.client.has_credentials else "", default_user)

    link = await open_link(
        http,
        url,
        outbox_file,
        console.store,
        console.commands,
        console.queries,
        console.notifier.error,
        console.window.status.show_pending_commands,
        on_status,
    )
    login.credentials_entered.connect(link.log_in)
    console.idle_lock.password_matches = link.client.password_matches

    def log_out() -> None:
        link.tasks.append(asyncio.ensure_future(link.log_out()))

    console.idle_lock.log_out = log_out
    return link
