"""A recording console killed with SIGKILL mid-write: its session file opens and holds every event up to the
last second before the kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from console.domain.state import DispatchState
from console.recording.logic.session_file import SessionReader


def test_a_killed_recorder_leaves_a_file_with_everything_but_the_last_second(tmp_path: Path) -> None:
    path = tmp_path / "killed.session"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.recording_child", str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout is not None
    handed: list[tuple[int, float]] = []
    started = time.monotonic()
    while time.monotonic() - started < 3.0:  # three seconds of a busy recording
        line = child.stdout.readline()
        assert line, "the recording process ended by itself"
        seq, at = line.split()
        handed.append((int(seq), float(at)))
    child.send_signal(signal.SIGKILL)
    killed_at = time.monotonic()
    child.wait(timeout=10)
    rest = child.stdout.read().split("\n")
    child.stdout.close()
    handed += [(int(x.split()[0]), float(x.split()[1])) for x in rest if x.strip()]
    must_have = max(seq for seq, at in handed if at <= killed_at - 1.0)
    assert must_have > 500, "a busy session: hundreds of events a second"

    reader = SessionReader(path)  # opens: no "damaged" message
    seqs = [r.body["seq"] for r in reader.records(0, 10**9, kinds=("event",))]
    assert seqs == list(range(1, len(seqs) + 1)), "in order, none missing"
    assert len(seqs) >= must_have, f"every event up to the last second: {len(seqs)} of {must_have}"
    snapshot, _ = reader.state_at(reader.end)
    state = DispatchState()
    state.load_snapshot(snapshot)
    assert state.last_seq == len(seqs) and state.incidents["i1"].version == len(seqs) + 1
    reader.close()


def test_the_console_refuses_a_bad_session_file_with_its_reason_before_any_window(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.session"
    damaged.write_bytes(b"SQLite format 3\x00" + os.urandom(3000))
    taken = tmp_path / "taken.session"
    taken.write_text("already here")
    for args, reason in (
        (["--replay", str(damaged)], "damaged.session is not a session file, or a damaged one"),
        (["--replay", str(tmp_path / "missing.session")], "There is no session file at"),
        (["--demo", "--record", str(taken)], "taken.session already exists: record into a new file."),
    ):
        answer = subprocess.run(
            [sys.executable, "-m", "console", *args],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert answer.returncode == 2 and reason in answer.stderr, answer.stderr
        assert "Traceback" not in answer.stderr
