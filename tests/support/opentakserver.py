"""OpenTAKServer (PyPI `opentakserver`), the real TAK server of the tests, with everything it stands on.

It needs a RabbitMQ broker (Debian's `rabbitmq-server`, a throw-away node in a folder of its own), a PostgreSQL
database with PostGIS (Debian's `postgresql-postgis`, in the suite's throw-away cluster), and its own Python
environment (`.venv-ots`, made by `./dev test`: it needs Python 3.12+ and pins its own libraries). Started here:
the server itself (which migrates its database and makes its certificate authority), its CoT parser, and its
TCP streaming handler on a free loopback port, to which field clients and dispatchd connect.

OpenTAKServer's broker client connects to RabbitMQ's standard port 5672 on loopback (it has no setting for the
port), so the node listens there.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg

from tests.support.postgres import PostgresCluster
from tests.support.streams import free_port

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-ots"
RABBIT_PORT = 5672


class OpenTakServerMissing(RuntimeError):
    """What is missing to run OpenTAKServer here, in a sentence."""


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _wait_port(port: int, what: str, process: subprocess.Popen[bytes] | None, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not _listening(port):
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} ended ({process.returncode}): {log.read_text(errors='replace')[-3000:]}")
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"{what} did not listen on {port} in {timeout} s: {log.read_text(errors='replace')[-3000:]}"
            )
        time.sleep(0.2)


def check_available() -> None:
    """Raises OpenTakServerMissing when this machine cannot run it (with what to do)."""
    if not (VENV / ".installed").exists():
        raise OpenTakServerMissing(
            "OpenTAKServer is not installed in .venv-ots (./dev test installs it; it needs Python 3.12 or newer)"
        )
    if shutil.which("rabbitmq-server") is None and not Path("/usr/sbin/rabbitmq-server").exists():
        raise OpenTakServerMissing("RabbitMQ is not installed (Debian's rabbitmq-server; ./dev test installs it)")


class OpenTakServer:
    """A running OpenTAKServer: `cot_port` is its TCP streaming port (plain CoT, no TLS)."""

    def __init__(self, cluster: PostgresCluster) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="ots-"))
        self.cluster = cluster
        self.cot_port = free_port()
        self.api_port = free_port()
        self._processes: list[subprocess.Popen[bytes]] = []
        self._node = f"dispatchd-tests-{os.getpid()}-{self.cot_port}@localhost"

    def _spawn(self, name: str, command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        with (self.folder / f"{name}.log").open("wb") as log:
            process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=self.folder)
        self._processes.append(process)
        return process

    def start(self) -> None:
        check_available()
        if _listening(RABBIT_PORT):
            raise OpenTakServerMissing(f"port {RABBIT_PORT} is taken (another RabbitMQ?): OpenTAKServer needs it")
        self._start_rabbitmq()
        database = self.cluster.new_database()
        with psycopg.connect(database, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        data = self.folder / "data"
        data.mkdir()
        env = {
            **os.environ,
            "HOME": str(self.folder),
            "OTS_DATA_FOLDER": str(data),
            "SQLALCHEMY_DATABASE_URI": database.replace("postgresql://", "postgresql+psycopg://"),
            "OTS_LISTENER_ADDRESS": "127.0.0.1",
            "OTS_LISTENER_PORT": str(self.api_port),
            "OTS_TCP_STREAMING_PORT": str(self.cot_port),
            "OTS_SSL_STREAMING_PORT": str(free_port()),
            "OTS_UDP_PORT": str(free_port()),
            "OTS_STREAMING_INTERFACE": "127.0.0.1",
            "OTS_MARTI_HTTP_PORT": str(free_port()),
            "OTS_MARTI_HTTPS_PORT": str(free_port()),
        }
        for name in ("LD_PRELOAD", "QT_QPA_PLATFORM"):
            env.pop(name, None)  # the server runs on the real clock: certificates, broker TTLs
        server = self._spawn("opentakserver", [str(VENV / "bin" / "opentakserver")], env)
        _wait_port(self.api_port, "OpenTAKServer", server, self.folder / "opentakserver.log", 180)
        self._spawn("cot_parser", [str(VENV / "bin" / "cot_parser")], env)
        handler = self._spawn("eud_handler", [str(VENV / "bin" / "eud_handler")], env)
        _wait_port(self.cot_port, "OpenTAKServer's TCP streaming handler", handler, self.folder / "eud_handler.log", 60)

    def _start_rabbitmq(self) -> None:
        node = self.folder / "rabbitmq"
        (node / "mnesia").mkdir(parents=True)
        (node / "log").mkdir()
        (node / "enabled_plugins").write_text("[].\n")
        (node / "rabbitmq.conf").write_text(f"listeners.tcp.default = 127.0.0.1:{RABBIT_PORT}\n")
        if os.geteuid() == 0:  # Debian's wrapper runs the broker as the rabbitmq user
            for path in (self.folder, *node.rglob("*"), node):
                shutil.chown(path, "rabbitmq", "rabbitmq")
            self.folder.chmod(0o755)
        env = {
            **{k: v for k, v in os.environ.items() if k != "LD_PRELOAD"},
            "RABBITMQ_NODENAME": self._node,
            "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
            "RABBITMQ_NODE_PORT": str(RABBIT_PORT),
            "RABBITMQ_DIST_PORT": str(free_port()),
            "ERL_EPMD_ADDRESS": "127.0.0.1",
            "RABBITMQ_MNESIA_BASE": str(node / "mnesia"),
            "RABBITMQ_LOG_BASE": str(node / "log"),
            "RABBITMQ_CONFIG_FILE": str(node / "rabbitmq"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(node / "enabled_plugins"),
            "RABBITMQ_FEATURE_FLAGS_FILE": str(node / "feature_flags"),
            "HOME": str(node),
        }
        broker = self._spawn("rabbitmq", ["rabbitmq-server"], env)
        _wait_port(RABBIT_PORT, "RabbitMQ", broker, self.folder / "rabbitmq.log", 120)

    def stop(self) -> None:
        for process in reversed(self._processes):
            if process.poll() is None:
                process.terminate()
        for process in reversed(self._processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        _end_node(f"RABBITMQ_NODENAME={self._node}".encode())
        shutil.rmtree(self.folder, ignore_errors=True)


def _end_node(marker: bytes) -> None:
    """The broker's Erlang VM outlives its wrapper (it runs as another user): end the processes whose environment
    names our node."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            environ = (proc / "environ").read_bytes()
        except OSError:
            continue
        if marker in environ.split(b"\0"):
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(proc.name), signal.SIGTERM)
