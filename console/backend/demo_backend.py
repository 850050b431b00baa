"""The embedded demo backend: `dispatchd --demo --port 0` as a child process that dies with the console."""

from __future__ import annotations

import asyncio
import logging
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from console.child_process import PREEXEC
from console.i18n import tr

log = logging.getLogger("console.demo")
_READY_PREFIX = "dispatchd listening on "  # i18n: not shown (dispatchd's start line)


class DemoBackend:
    """Starts the child at once (non-blocking); `wait_ready()` awaits its URL and its health."""

    def __init__(
        self,
        seed: int = 17,
        incident_interval_s: float = 45.0,
        extra_args: list[str] | None = None,
        basemap: Path | None = None,
        language: str = "en",
    ) -> None:
        self._tmp = Path(tempfile.mkdtemp(prefix="console-demo-"))
        self.data_dir = self._tmp / "dispatchd"
        self._args = [
            sys.executable,
            "-m",
            "dispatchd",
            "--demo",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--data-dir",
            str(self.data_dir),
            "--seed",
            str(seed),
            "--incident-interval",
            str(incident_interval_s),
            "--log-level",
            "warning",
            "--demo-language",
            language,
            *(extra_args or []),
        ]
        self.basemap = basemap
        if basemap is not None:
            self._args += ["--basemap", str(basemap)]
        self._process: subprocess.Popen[str] | None = None
        self._url: str | None = None
        self._url_ready = threading.Event()
        self.log_path = self._tmp / "dispatchd.log"

    @property
    def url(self) -> str | None:
        return self._url

    def start(self) -> None:
        log.info("starting the demo backend: %s", " ".join(self._args))
        self._log_file = self.log_path.open("w", encoding="utf-8")
        self._process = subprocess.Popen(
            self._args,
            stdout=subprocess.PIPE,
            stderr=self._log_file,
            text=True,
            preexec_fn=PREEXEC,
        )
        threading.Thread(target=self._read_stdout, name="demo-backend-stdout", daemon=True).start()

    def _read_stdout(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            if line.startswith(_READY_PREFIX) and self._url is None:
                self._url = line[len(_READY_PREFIX) :].strip()
                log.info("demo backend (pid %d) listening on %s", self._process.pid, self._url)
                self._url_ready.set()
            else:
                log.debug("dispatchd: %s", line.rstrip())
        self._url_ready.set()  # the child ended: wake the waiter

    async def wait_ready(self, http: httpx.AsyncClient, timeout_s: float = 60.0) -> str:
        """The backend's URL once it answers its health check; raises RuntimeError if it died."""
        deadline = time.monotonic() + timeout_s
        while not self._url_ready.is_set():
            if time.monotonic() > deadline:
                raise RuntimeError(tr("the demo backend did not start in time"))
            await asyncio.sleep(0.05)
        if self._url is None:
            raise RuntimeError(tr("the demo backend stopped at start; see {log_path}", log_path=self.log_path))
        while time.monotonic() < deadline:
            try:
                if (await http.get(f"{self._url}/api/v1/health")).status_code == 200:
                    return self._url
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
        raise RuntimeError(tr("the demo backend did not become healthy in time"))

    def stop(self) -> None:
        """Stop the child (SIGTERM, then SIGKILL after 5 s) and remove its data folder."""
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process is not None and process.stdout is not None:
            process.stdout.close()
        if hasattr(self, "_log_file"):
            self._log_file.close()
        shutil.rmtree(self._tmp, ignore_errors=True)
