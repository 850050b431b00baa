"""The player feeds the console's store from a session file: seek anywhere, play at speed, markers, notes;
the replay bar and the REPLAY banner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.domain.events import MalformedEvent, event_from_dict
from console.recording.install import start_recording
from console.recording.logic.session_file import SessionReader, SessionWriter
from console.recording.player import SessionPlayer
from console.recording.replay_bar import ReplayBanner, ReplayBar, replay_time
from console.state.store import Store
from tests.conftest import INCIDENT
from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until
from tests.support.consoles import running
from tests.support.dispatchd_process import DispatchdProcess
from tests.unit.console.factories import event, incident, snapshot, unit

T0 = 1_790_000_000.0


@pytest.fixture
def recorded(tmp_path: Path) -> Iterator[tuple[Path, Store]]:
    """A minute of session: a snapshot, an event a second, a high-priority incident at +10 s, an action at +20 s;
    also applied to a live store, to compare with."""
    path = tmp_path / "one-minute.session"
    live = Store()
    base = snapshot(1, incidents=[incident("i1")], units=[unit("PS-01@police")])
    live.reset(base)
    writer = SessionWriter(path, {"user": "operator"}, checkpoint_every=7)
    writer.append(T0, "snapshot", "snapshot", base)
    for n in range(60):
        seq = 2 + n
        if n == 30:  # an event the live console skipped as malformed: replay skips it too and goes on
            live.malformed(MalformedEvent(seq, "incident.number has the wrong type"))
            writer.append(T0 + 1 + n, "skip", "skip", {"seq": seq, "reason": "incident.number has the wrong type"})
            continue
        if n == 10:
            raw = event(seq, "incident.created", "i2", {"incident": incident("i2", priority=9, type_text="Cardiac")})
        else:
            raw = event(seq, "incident.updated", "i1", {"incident": incident("i1", version=seq, priority=n % 9 + 1)})
        writer.append(T0 + 1 + n, "event", raw["type"], raw)
        live.apply(event_from_dict(raw, seq))
        if n == 20:
            writer.append(T0 + 1.5 + n, "action", "select", {"description": "selected 2026-i2"})
    writer.close()
    yield path, live


def test_seek_then_play_at_16x_reaches_the_live_end_state(
    qtbot: QtBot, qloop: QtAsync, recorded: tuple[Path, Store]
) -> None:
    path, live = recorded
    store = Store()
    player = SessionPlayer(store, SessionReader(path))
    actions: list[str] = []
    player.action_replayed.connect(lambda name, body: actions.append(body["description"]))
    player.seek(T0 + 30.5)
    qtbot.waitUntil(lambda: store.last_seq == 31, timeout=5000)
    assert store.incidents["i1"].version == 31 and "i2" in store.incidents, "the state 30 s in"
    history = qloop.run(player.history("i2"), timeout_s=10)
    assert [e.seq for e in history] == [12], "an incident's timeline comes from the file, up to the replayed time"
    player.seek(T0 + 5)
    qtbot.waitUntil(lambda: store.last_seq == 6, timeout=5000)
    assert "i2" not in store.incidents, "seeking back forgets what came after"
    player.set_speed(16.0)
    player.play()
    qtbot.waitUntil(lambda: not player.clock.playing and store.last_seq == live.last_seq, timeout=10_000)
    assert store.incidents == live.incidents and store.units == live.units
    assert store.malformed_count == 1, "the skipped event is skipped again, and the events after it apply"
    assert store.now().timestamp() == T0 + 60, "views see the replayed time (ages, stale positions)"
    assert actions == ["selected 2026-i2"], "the operator's action is replayed once, in its place"
    assert player.seeks_ms and max(player.seeks_ms) < 250
    player.close()


def test_markers_notes_the_bar_and_the_banner(qtbot: QtBot, recorded: tuple[Path, Store]) -> None:
    path, _live = recorded
    player = SessionPlayer(Store(), SessionReader(path))
    bar, banner = ReplayBar(player), ReplayBanner(player)
    qtbot.addWidget(bar)
    qtbot.addWidget(banner)
    assert [(m.kind, m.t) for m in player.markers] == [("alert", T0 + 11), ("action", T0 + 21.5)]
    assert banner.text() == f"REPLAY of one-minute.session — {replay_time(T0)} — commands are disabled"
    player.next_marker()
    assert player.clock.position == T0 + 11
    player.seek(T0 + 15)
    bar.note.setText("Dispatch took <b>too</b> long")
    bar.note.returnPressed.emit()
    assert [(m.kind, m.label) for m in player.markers if m.kind == "note"] == [
        ("note", "Dispatch took <b>too</b> long")
    ]
    assert "&lt;b&gt;too&lt;/b&gt;" in bar.slider.toolTip(), "note text is escaped in the slider's tooltip"
    assert bar.notes.text() == "Notes (1) ▾" and [a.text()[10:] for a in bar.notes.menu().actions()] == [
        "Dispatch took <b>too</b> long"
    ]
    player.seek(T0 + 50)
    bar.notes.menu().actions()[0].trigger()
    assert player.clock.position == T0 + 15, "a note in the list takes the replay to its time"
    player.previous_marker()
    assert player.clock.position == T0 + 11
    assert banner.text().endswith(f"{replay_time(T0 + 11)} — commands are disabled")
    player.close()
    assert SessionReader(path).notes() == [(T0 + 15, "Dispatch took <b>too</b> long")], "the note stays in the file"


def test_a_console_records_its_events_commands_selections_and_wall(
    qloop: QtAsync, qtbot: QtBot, dispatchd: DispatchdProcess, tmp_path: Path
) -> None:
    path = tmp_path / "live.session"

    async def body() -> None:
        async with running(qtbot, dispatchd.url, "supervisor", tmp_path) as (console, _link):
            recorder = start_recording(console, console.wall, path, dispatchd.url)
            console.commands.create_incident(INCIDENT)
            await until(lambda: console.store.incidents, what="the incident")
            incident = next(iter(console.store.incidents.values()))
            console.selection.select(incident.id)
            console.wall.panel.show_camera(next(iter(console.store.cameras)))
            await until(lambda: recorder.recorded >= 5, what="written")
            recorder.close()

    qloop.run(body())
    reader = SessionReader(path)
    records = list(reader.records(0, 10**9))
    kinds = [(r.kind, r.type) for r in records]
    assert ("event", "incident.created") in kinds
    assert ("action", "command:POST /incidents") in kinds and ("action", "select") in kinds
    walls = [r.body for r in records if r.type == "wall"]
    assert len(walls) == 2 and walls[-1]["state"]["assignments"][0]["kind"] == "camera", "the wall before and after"
    assert reader.meta["backend"] == dispatchd.url
    reader.close()
