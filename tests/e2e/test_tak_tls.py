"""dispatchd's link to a TAK server over TLS with a client certificate (`--tak-server tls://…`).

TAK servers take streaming clients on TLS ports that demand a client certificate from the server's CA. The far
side here is a TLS listener made with Python's ssl module and a CA made by trustme, demanding a client certificate
and recording what arrives: it checks our TLS client (its certificate, its trust in the server's CA), not TAK's
routing, which tests/qt/test_tak_server.py checks against OpenTAKServer.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import trustme

from tests.support.asyncwait import until
from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e


class TlsSink:
    """A TLS listener on loopback that demands a client certificate and keeps what each client sent."""

    def __init__(self, ca: trustme.CA, folder: Path) -> None:
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ca.issue_cert("127.0.0.1").configure_cert(self.context)
        ca.configure_trust(self.context)
        self.context.verify_mode = ssl.CERT_REQUIRED
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.received = bytearray()
        self.peers: list[str] = []
        self.refused: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                raw, _ = self.server.accept()
            except TimeoutError:
                continue
            try:
                conn = self.context.wrap_socket(raw, server_side=True)
            except (ssl.SSLError, OSError) as error:
                self.refused.append(str(error))
                raw.close()
                continue
            subject = dict(pair[0] for pair in conn.getpeercert()["subject"])  # type: ignore[index]
            self.peers.append(str(subject.get("organizationName", "")))
            conn.settimeout(0.2)
            while not self._stop.is_set():
                try:
                    data = conn.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not data:
                    break
                self.received += data
            conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.server.close()


@pytest.fixture
def tak_ca() -> trustme.CA:
    return trustme.CA(organization_name="Valmont TAK")


@pytest.fixture
def sink(tak_ca: trustme.CA, tmp_path: Path) -> Iterator[TlsSink]:
    server = TlsSink(tak_ca, tmp_path)
    yield server
    server.stop()


def _until(condition: Callable[[], object], what: str, timeout: float = 20) -> None:
    asyncio.run(until(condition, timeout, what))


def test_the_link_presents_its_certificate_and_sends_the_picture(
    sink: TlsSink, tak_ca: trustme.CA, tmp_path: Path
) -> None:
    client = tak_ca.issue_cert("dispatchd.police.valmont.example", organization_name="Valmont dispatch")
    cert, key, ca = tmp_path / "client.pem", tmp_path / "client.key", tmp_path / "ca.pem"
    client.cert_chain_pems[0].write_to_path(str(cert))
    client.private_key_pem.write_to_path(str(key))
    tak_ca.cert_pem.write_to_path(str(ca))
    backend = DispatchdProcess(
        tmp_path / "d", "--demo", "--no-simulation", "--agency-domain", "police.valmont.example",
        "--tak-server", f"tls://127.0.0.1:{sink.port}", "--tak-cert", str(cert), "--tak-key", str(key),
        "--tak-ca", str(ca),
    )  # fmt: skip
    backend.start(port=0)
    try:
        with backend.api("supervisor") as api:
            _until(lambda: api.get("/tak/status").json()["state"] == "connected", "the TLS link")
            assert sink.peers == ["Valmont dispatch"], "our certificate was presented and accepted"
            _until(lambda: b"police.valmont.example.dispatchd" in sink.received, "the centre's hello")
            incident = api.post("/incidents", json={"type_code": "FIRE-BLD", "priority": 9,
                                                    "location": {"lat": 45.759, "lon": 4.834}}).json()  # fmt: skip
            _until(lambda: f"police.valmont.example.incident.{incident['number']}".encode() in sink.received,
                   "the incident on the link")  # fmt: skip
    finally:
        backend.stop()


def test_without_a_client_certificate_the_link_says_why_and_retries(
    sink: TlsSink, tak_ca: trustme.CA, tmp_path: Path
) -> None:
    ca = tmp_path / "ca.pem"
    tak_ca.cert_pem.write_to_path(str(ca))
    backend = DispatchdProcess(
        tmp_path / "d", "--demo", "--no-simulation", "--tak-server", f"tls://127.0.0.1:{sink.port}", "--tak-ca", str(ca)
    )
    backend.start(port=0)
    try:
        with backend.api("supervisor") as api:
            _until(lambda: api.get("/tak/status").json()["state"] == "retrying", "the refusal")
            status = api.get("/tak/status").json()
            assert status["error"] and status["retry_in_s"] >= 1, status
            assert sink.refused and not sink.peers
    finally:
        backend.stop()
