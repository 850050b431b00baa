"""Recording a session (the store's events, the operator's commands, selections, wall and messages) and
replaying one in a console of its own: File ▸ Open session…, the replay bar, the session report."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

from console import __version__
from console.core import Core
from console.i18n import tr
from console.i18n.formats import number
from console.recording.logic.report import write_report
from console.recording.logic.session_file import SessionReader
from console.recording.player import SessionPlayer
from console.recording.recorder import SessionRecorder
from console.recording.replay_bar import ReplayBanner, ReplayBar
from console.recording.wall_replay import WallReplay
from console.settings import data_dir
from console.videowall.install import VideoWall
from console.videowall.logic.wall_state import WallState, wall_to_dict

log = logging.getLogger("console")


def install(core: Core) -> None:
    """File ▸ Open session…: a recorded session replays in a new window (a console process of its own)."""

    def open_session(path: str) -> None:
        subprocess.Popen([sys.executable, "-m", "console", "--replay", path], start_new_session=True)

    def ask_session_file() -> None:
        chooser = QFileDialog(core.window, tr("Open a recorded session"), str(data_dir() / "sessions"))
        chooser.setNameFilter(tr("Sessions (*.session);;All files (*)"))
        chooser.fileSelected.connect(open_session)
        chooser.open()

    core.window.add_action(
        core.window.file_menu, tr("Open session… (replay in a new window)"), "Ctrl+O", ask_session_file
    )


def session_file_in(folder: str) -> Path | None:
    """A new session file in the folder of the `session_folder` setting (None when it is empty)."""
    if not folder:
        return None
    return Path(folder).expanduser() / f"session-{datetime.now().strftime('%Y%m%d-%H%M%S')}.session"


def start_recording(core: Core, wall: VideoWall, path: Path, backend: str) -> SessionRecorder:
    """Record the store's snapshots and events and the operator's commands and selections into `path`."""
    recorder = SessionRecorder(
        core.store,
        path,
        {"console_version": __version__, "backend": backend, "started_at": datetime.now(UTC).isoformat()},
    )
    core.commands.sent_listeners.append(recorder.record_command)

    def selected(incident_id: str) -> None:
        incident = core.store.incidents.get(incident_id)
        label = incident.number if incident else tr("nothing")
        recorder.record_action("select", tr("selected {label}", label=label), incident_id=incident_id)

    core.selection.incident_selected.connect(selected)
    last_wall: list[dict[str, Any]] = []

    def wall_shown(state: WallState) -> None:
        recorded = wall_to_dict(state)
        if last_wall and last_wall[0] == recorded:
            return
        last_wall[:] = [recorded]
        names = {camera.id: camera.name for camera in core.store.cameras.values()}
        shown = ", ".join(names.get(ref.id, ref.describe()) for ref in state.visible() if ref is not None)
        shown = shown or tr("empty")
        recorder.record_action(
            "wall", tr("wall {layout_name}: {shown}", layout_name=state.layout_name, shown=shown), state=recorded
        )

    wall.panel.grid.state_shown.connect(wall_shown)
    core.notifier.message.connect(
        lambda level, text: recorder.record_action("message", f"{level}: {text}", level=level)
    )  # what the console told the operator, refusals of commands included
    wall_shown(wall.panel.grid.state)
    log.info("recording this session into %s", path)
    return recorder


def install_replay(core: Core, wall: VideoWall, reader: SessionReader, path: Path) -> SessionPlayer:
    """A console fed by the session's player instead of a backend: commands off, the replay bar, the report."""
    core.commands.read_only = True
    player = SessionPlayer(core.store, reader)
    core.queries.history = player.history
    WallReplay(player, wall.panel)
    core.window.add_top_bar(ReplayBanner(player))
    core.window.add_bottom_bar(ReplayBar(player))
    core.window.status.show_starting(
        tr("Replaying {name}: {count} records", name=path.name, count=number(reader.count))
    )
    report_task: list[asyncio.Future[Path]] = []

    def export_report(destination: str) -> None:
        target = Path(destination)
        future = asyncio.ensure_future(asyncio.to_thread(write_report, path, target))
        report_task[:] = [future]
        future.add_done_callback(
            lambda f: (
                core.notifier.error(tr("Could not write the report: {exception}", exception=f.exception()))
                if f.exception()
                else core.notifier.info(tr("Session report written to {target}", target=target))
            )
        )

    def ask_report_file() -> None:
        chooser = QFileDialog(core.window, tr("Export the session report"), str(path.with_suffix(".html")))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setNameFilter(tr("HTML pages (*.html)"))
        chooser.fileSelected.connect(export_report)
        chooser.open()

    core.window.add_action(core.window.file_menu, tr("Export session report…"), "", ask_report_file)
    player.seek(reader.first_state_time())
    return player
