"""A second factor: a code from an authenticator app (TOTP, RFC 6238), per account or per role."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pyotp

from tests.unit.dispatchd.conftest import make_client

TOKEN = "/api/v1/auth/token"


def test_an_enrolled_account_needs_its_code_once_per_login(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        uri = client.app.state.ctx.auth.enrol_totp("operator")
        assert uri.startswith("otpauth://totp/dispatchd:operator?secret=")
        totp = pyotp.parse_uri(uri)
        asked = client.post(TOKEN, data={"username": "operator", "password": "operator"})
        assert asked.status_code == 401 and asked.json()["code"] == "otp_required"
        now = time.time()
        valid = {totp.at(now + offset) for offset in (-30, 0, 30)}
        not_valid = next(c for c in ("000000", "111111", "222222", "333333") if c not in valid)
        wrong = client.post(TOKEN, data={"username": "operator", "password": "operator", "otp": not_valid})
        code = totp.now()
        assert wrong.status_code == 401 and wrong.json()["code"] == "otp_wrong"
        good = client.post(TOKEN, data={"username": "operator", "password": "operator", "otp": code})
        assert good.status_code == 200 and good.json()["role"] == "operator"
        again = client.post(TOKEN, data={"username": "operator", "password": "operator", "otp": code})
        assert again.status_code == 401 and again.json()["detail"] == (
            "The code is wrong, or was already used: type the next one."
        )
        trail = client.get("/api/v1/audit", headers={"Authorization": f"Bearer {good.json()['access_token']}"})
        assert trail.status_code == 403, "an operator does not read the audit"


def test_a_role_that_needs_a_second_factor_is_refused_without_one(tmp_path: Path) -> None:
    with make_client(tmp_path, mfa_roles=frozenset({"supervisor"})) as client:
        refused = client.post(TOKEN, data={"username": "supervisor", "password": "supervisor"})
        assert refused.status_code == 403 and refused.json()["code"] == "otp_not_enrolled"
        assert client.post(TOKEN, data={"username": "operator", "password": "operator"}).status_code == 200
        wrong_password = client.post(TOKEN, data={"username": "supervisor", "password": "nope"})
        assert wrong_password.status_code == 401 and wrong_password.json()["code"] == "bad_credentials"


def test_enrol_totp_prints_the_uri_to_scan(tmp_path: Path) -> None:
    data = tmp_path / "centre"
    command = [sys.executable, "-m", "dispatchd", "--data-dir", str(data)]
    subprocess.run([*command, "--create-user", "chief", "--role", "supervisor"], input="Night-watch-long-1\n",
                   text=True, check=True, capture_output=True)  # fmt: skip
    done = subprocess.run([*command, "--enrol-totp", "chief"], text=True, capture_output=True, check=True)
    uri = done.stdout.strip().splitlines()[-1]
    assert pyotp.parse_uri(uri).name == "chief"
    missing = subprocess.run([*command, "--enrol-totp", "nobody"], text=True, capture_output=True, check=False)
    assert missing.returncode == 1 and "there is no account nobody" in missing.stderr
