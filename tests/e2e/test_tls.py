"""dispatchd over HTTPS, and a console that checks whom it talks to (a CA and certificates made here)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import trustme

from console.backend.client import DispatchClient
from console.backend.errors import BackendUnreachable
from console.backend.transport import plain_http_problem, tls_context
from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e


@pytest.fixture
def centre_ca(tmp_path: Path) -> trustme.CA:
    return trustme.CA(organization_name="Valmont command centre")


def _serve(tmp_path: Path, ca: trustme.CA, *names: str) -> DispatchdProcess:
    cert = ca.issue_cert(*names)
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    for extra in cert.cert_chain_pems[1:]:
        extra.write_to_path(str(cert_file), append=True)
    cert.private_key_pem.write_to_path(str(key_file))
    process = DispatchdProcess(
        tmp_path / "dispatchd", "--demo", "--no-simulation", "--tls-cert", str(cert_file), "--tls-key", str(key_file)
    )
    process.start(port=0)
    return process


@pytest.fixture
def https_backend(tmp_path: Path, centre_ca: trustme.CA) -> Iterator[DispatchdProcess]:
    process = _serve(tmp_path, centre_ca, "127.0.0.1", "localhost")
    yield process
    process.stop()


def _health(url: str, ca_file: Path) -> dict[str, object] | str:
    """What the console's client gets from the backend's health, or the sentence it says when refused."""

    async def ask() -> dict[str, object] | str:
        async with httpx.AsyncClient(verify=tls_context(str(ca_file)), timeout=10) as http:
            try:
                return await DispatchClient(http, url).health()
            except BackendUnreachable as exc:
                return str(exc)

    return asyncio.run(ask())


def test_a_good_certificate_connects_and_answers_carry_hsts(
    https_backend: DispatchdProcess, centre_ca: trustme.CA, tmp_path: Path
) -> None:
    ca_file = tmp_path / "centre-ca.pem"
    centre_ca.cert_pem.write_to_path(str(ca_file))
    assert https_backend.url.startswith("https://127.0.0.1:")
    answer = _health(https_backend.url, ca_file)
    assert isinstance(answer, dict) and answer["status"] == "ok"
    with httpx.Client(verify=tls_context(str(ca_file))) as http:
        headers = http.get(f"{https_backend.url}/api/v1/health").headers
    assert headers["strict-transport-security"] == "max-age=31536000"


def test_an_unknown_authority_is_refused_with_a_sentence(https_backend: DispatchdProcess, tmp_path: Path) -> None:
    stranger = tmp_path / "other-ca.pem"
    trustme.CA(organization_name="Someone else").cert_pem.write_to_path(str(stranger))
    answer = _health(https_backend.url, stranger)
    assert answer == (
        f"cannot reach the dispatch backend at {https_backend.url}: its certificate is not trusted "
        "(unable to get local issuer certificate)"
    )


def test_a_certificate_for_another_host_is_refused_with_a_sentence(tmp_path: Path, centre_ca: trustme.CA) -> None:
    process = _serve(tmp_path, centre_ca, "dispatch.other-centre.example")
    try:
        ca_file = tmp_path / "centre-ca.pem"
        centre_ca.cert_pem.write_to_path(str(ca_file))
        answer = _health(process.url, ca_file)
        assert isinstance(answer, str) and "its certificate is not trusted" in answer
        assert "IP address mismatch" in answer or "Hostname mismatch" in answer, answer
    finally:
        process.stop()


def test_plain_http_is_for_this_machine_only_unless_the_operator_says_so() -> None:
    assert plain_http_problem("http://127.0.0.1:8765,http://[::1]:8766,http://localhost:1", insecure=False) is None
    refused = plain_http_problem("https://a.centre.example,http://10.20.0.5:8765", insecure=False)
    assert refused == (
        "The backend address http://10.20.0.5:8765 is not encrypted: use https://, or start the console with "
        "--insecure on a network you trust."
    )
    assert plain_http_problem("http://10.20.0.5:8765", insecure=True) is None
    assert plain_http_problem("ftp://10.20.0.5", insecure=True) is not None
