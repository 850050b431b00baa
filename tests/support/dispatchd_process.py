"""A real dispatchd process on a loopback port, for end-to-end tests."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx

READY = "dispatchd listening on "


class DispatchdProcess:
    """Starts `python -m dispatchd`, waits for its 'listening' line; can be killed and started again."""

    def __init__(
        self, data_dir: Path, *args: str, python: Path | str = sys.executable, env: dict[str, str] | None = None
    ) -> None:
        """`python`: the interpreter to run it with (another virtual environment's); `env`: its environment."""
        self.env = env
        self.data_dir = data_dir
        self.args = list(args)
        self.python = str(python)
        self.url = ""
        self.port = 0
        self._process: subprocess.Popen[str] | None = None

    def start(self, port: int | None = None, timeout_s: float = 60.0) -> str:
        chosen = port if port is not None else self.port
        cmd = [
            self.python,
            "-m",
            "dispatchd",
            "--host",
            "127.0.0.1",
            "--port",
            str(chosen),
            "--data-dir",
            str(self.data_dir),
            "--log-level",
            "warning",
            *self.args,
        ]
        self._process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=self.env)
        lines: queue.Queue[str | None] = queue.Queue()

        stdout = self._process.stdout
        assert stdout is not None

        def pump() -> None:
            with stdout:
                for line in stdout:
                    lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        seen = []
        while True:
            line = lines.get(timeout=timeout_s)
            if line is None:
                raise RuntimeError("dispatchd exited before it was ready:\n" + "".join(seen))
            seen.append(line)
            if line.startswith(READY):
                self.url = line[len(READY) :].strip()
                self.port = int(self.url.rsplit(":", 1)[1])
                return self.url

    @property
    def pid(self) -> int:
        """The running process's id (benchmarks read its CPU time and memory from /proc)."""
        assert self._process is not None, "not started"
        return self._process.pid

    def last_seq_now(self) -> int:
        """The seq of the last event committed, as its health answer says."""
        return int(httpx.get(f"{self.url}/api/v1/health", timeout=10).json()["last_seq"])

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, as a crash or a power cut."""
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGKILL)
            self._process.wait(timeout=10)

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def token(self, username: str = "supervisor", password: str | None = None) -> str:
        answer = httpx.post(
            f"{self.url}/api/v1/auth/token", data={"username": username, "password": password or username}
        )
        answer.raise_for_status()
        return str(answer.json()["access_token"])

    def api(self, username: str = "supervisor") -> httpx.Client:
        """A synchronous client logged in as `username`, for driving the backend from a test."""
        return httpx.Client(
            base_url=f"{self.url}/api/v1", headers={"Authorization": f"Bearer {self.token(username)}"}, timeout=10
        )
