"""`console --demo` as a user runs it: its dispatchd child and its video decoding process come up, and
never outlive the console."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
_PID = re.compile(r"demo backend \(pid (\d+)\) listening on (http://\S+)")
_DECODER_PID = re.compile(r"video decoding process started \(pid (\d+)\)")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())


def _wait(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        threading.Event().wait(0.05)


class RunningConsole:
    def __init__(self, tmp_path: Path) -> None:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "CONSOLE_CONFIG_DIR": str(tmp_path / "c"),
            "CONSOLE_DATA_DIR": str(tmp_path / "d"),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "console", "--demo"],
            env=env,
            text=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.log: list[str] = []
        self.child_pid = 0
        self.decoder_pid = 0
        self.connected = threading.Event()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stderr is not None
        with self.process.stderr:
            for line in self.process.stderr:
                self.log.append(line)
                if match := _PID.search(line):
                    self.child_pid = int(match.group(1))
                if match := _DECODER_PID.search(line):
                    self.decoder_pid = int(match.group(1))
                if "snapshot loaded at seq" in line:
                    self.connected.set()


@pytest.fixture
def console(tmp_path: Path) -> Iterator[RunningConsole]:
    running = RunningConsole(tmp_path)
    assert running.connected.wait(60), "".join(running.log)
    assert running.child_pid and _alive(running.child_pid)
    _wait(lambda: running.decoder_pid, 20, "the video decoding process (the wall shows the demo cameras)")
    assert _alive(running.decoder_pid)
    yield running
    if running.process.poll() is None:
        running.process.kill()
        running.process.wait()


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_quitting_the_console_stops_its_demo_backend(console: RunningConsole, how: signal.Signals) -> None:
    console.process.send_signal(how)
    assert console.process.wait(timeout=20) == 0, "".join(console.log)
    _wait(lambda: not _alive(console.child_pid), 10, "the demo backend to stop")
    _wait(lambda: not _alive(console.decoder_pid), 10, "the video decoding process to stop")


def test_a_crashed_console_leaves_no_orphan_backend(console: RunningConsole) -> None:
    console.process.kill()  # SIGKILL: no Python cleanup runs
    console.process.wait(timeout=10)
    _wait(lambda: not _alive(console.child_pid), 10, "the orphaned demo backend to stop")
    _wait(lambda: not _alive(console.decoder_pid), 10, "the orphaned video decoding process to stop")
