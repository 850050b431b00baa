"""The console logs in with a code from an authenticator app when its account needs one."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import httpx
import pyotp
import pytest

from console.backend.client import DispatchClient
from console.backend.errors import AuthenticationFailed
from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e


def test_the_console_is_asked_for_the_code_then_logs_in_with_it(tmp_path: Path) -> None:
    data = tmp_path / "centre"
    command = [sys.executable, "-m", "dispatchd", "--data-dir", str(data)]
    subprocess.run([*command, "--create-user", "chief", "--role", "supervisor"], input="Night-watch-long-1\n",
                   text=True, check=True, capture_output=True)  # fmt: skip
    uri = subprocess.run([*command, "--enrol-totp", "chief"], text=True, capture_output=True, check=True).stdout
    totp = pyotp.parse_uri(uri.strip().splitlines()[-1])
    process = DispatchdProcess(data, "--require-mfa", "supervisor,admin")
    process.start(port=0)

    async def session() -> tuple[str, str]:
        async with httpx.AsyncClient(timeout=10) as http:
            client = DispatchClient(http, process.url)
            client.set_credentials("chief", "Night-watch-long-1")
            try:
                await client.login()
            except AuthenticationFailed as exc:
                asked = str(exc)
            client.set_credentials("chief", "Night-watch-long-1", totp.now())
            session = await client.login()
            return asked, session.role

    try:
        asked, role = asyncio.run(session())
    finally:
        process.stop()
    assert asked == "Type the 6-digit code of your authenticator app." and role == "supervisor"
