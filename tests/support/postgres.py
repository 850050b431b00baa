"""A throw-away PostgreSQL cluster for the tests: Debian's `postgresql` server, made in a temporary folder.

`initdb` refuses to run as root (CI runs as root): then the cluster belongs to the `postgres` user that
Debian's package creates, and its commands run through `runuser`.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg


def _bin_dir() -> Path:
    """The newest Debian PostgreSQL's programs (not on PATH there), or the ones on PATH."""
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if debian:
        return Path(debian[-1]).parent
    found = shutil.which("initdb")
    if found is None:
        raise RuntimeError("PostgreSQL's initdb was not found: `./dev test` installs Debian's postgresql package")
    return Path(found).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresCluster:
    """initdb, pg_ctl start on a free loopback port; `new_database()` gives each test a database of its own."""

    def __init__(self) -> None:
        # Not under pytest's tmp folder: as root the server runs as `postgres`, who may not enter root's folders.
        self.folder = Path(tempfile.mkdtemp(prefix="dispatchd-pg-"))
        self.bin = _bin_dir()
        self.port = _free_port()
        self.user = "dispatchd"
        self._as_postgres = os.geteuid() == 0
        self._names = itertools.count(1)

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self._as_postgres else []
        done = subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stdout}{done.stderr}")

    def start(self) -> None:
        data = self.folder / "data"
        if self._as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(data), "-U", self.user, "--auth=trust", "-E", "UTF8", "-N")
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        log_file = str(self.folder / "log")
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-o", options, "-l", log_file, "-w", "start")

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """An empty database of its own; its URL."""
        name = f"test_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)
