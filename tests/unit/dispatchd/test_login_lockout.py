"""Guessing passwords: the account locks, the guesser cannot tell, its owner is told; addresses are slowed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dispatchd.login_guard import FREE_FAILURES, AddressThrottle
from tests.unit.dispatchd.conftest import make_client

TOKEN = "/api/v1/auth/token"


def test_five_failures_lock_the_account_and_only_the_right_password_learns_it(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        wrong = [client.post(TOKEN, data={"username": "supervisor", "password": f"guess-{n}"}) for n in range(5)]
        assert [answer.status_code for answer in wrong] == [401] * 5
        after_lock = client.post(TOKEN, data={"username": "supervisor", "password": "guess-6"})
        unknown = client.post(TOKEN, data={"username": "nobody-at-all", "password": "guess-6"})
        assert (after_lock.status_code, after_lock.json()["detail"]) == (401, unknown.json()["detail"])
        owner = client.post(TOKEN, data={"username": "supervisor", "password": "supervisor"})
        assert owner.status_code == 403 and owner.json()["code"] == "account_locked"
        assert "ask a supervisor to unlock it" in owner.json()["detail"] and owner.json()["locked_until"]
        other = client.post(TOKEN, data={"username": "operator", "password": "operator"})
        assert other.status_code == 200, "one account's lock is not another's"
        assert client.app.state.ctx.storage.unlock("supervisor")  # what dispatchd --unlock-user does
        assert client.post(TOKEN, data={"username": "supervisor", "password": "supervisor"}).status_code == 200


def test_a_lock_lasts_its_time_and_a_good_login_starts_the_count_again(tmp_path: Path) -> None:
    with make_client(tmp_path, lock_s=0.0) as client:  # a lock that is already over when it is checked
        for n in range(5):
            client.post(TOKEN, data={"username": "operator", "password": f"guess-{n}"})
        assert client.post(TOKEN, data={"username": "operator", "password": "operator"}).status_code == 200
        assert client.app.state.ctx.storage.account("operator").failed_logins == 0


def test_an_address_spraying_many_accounts_is_slowed(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        for n in range(FREE_FAILURES):
            assert client.post(TOKEN, data={"username": f"user{n}", "password": "Password1"}).status_code == 401
        slowed = client.post(TOKEN, data={"username": "operator", "password": "operator"})
        assert slowed.status_code == 429 and slowed.headers["Retry-After"] == "1"
        assert "try again in 1 s" in slowed.json()["detail"]


def test_the_throttle_doubles_the_wait_and_forgets() -> None:
    throttle, t = AddressThrottle(), 1000.0
    for _ in range(FREE_FAILURES):
        throttle.failed("10.0.0.9", t)
    assert throttle.wait_s("10.0.0.9", t) == 1 and throttle.wait_s("10.0.0.8", t) == 0
    throttle.failed("10.0.0.9", t + 1)
    throttle.failed("10.0.0.9", t + 3)
    assert throttle.wait_s("10.0.0.9", t + 3) == 4
    assert throttle.wait_s("10.0.0.9", t + 3 + 15 * 60 + 1) == 0, "forgotten after a quiet quarter of an hour"
    throttle.succeeded("10.0.0.9")
    assert throttle.wait_s("10.0.0.9", t + 4) == 0


def test_create_user_refuses_a_short_password_or_one_holding_the_name(tmp_path: Path) -> None:
    def create(name: str, password: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "dispatchd", "--data-dir", str(tmp_path), "--create-user", name]
        return subprocess.run(command, input=password + "\n", text=True, capture_output=True, check=False)

    short = create("nightchief", "Short-pw-1")
    assert short.returncode == 2 and "at least 12 characters" in short.stderr
    named = create("nightchief", "NightChief-2026-x")
    assert named.returncode == 2 and "cannot contain the user name" in named.stderr
    assert create("nightchief", "Long-enough-passphrase").returncode == 0


def test_logout_revokes_the_token_everywhere(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        token = client.post(TOKEN, data={"username": "operator", "password": "operator"}).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/v1/incidents", headers=auth).status_code == 200
        assert client.post("/api/v1/auth/logout", headers=auth).status_code == 204
        after = client.get("/api/v1/incidents", headers=auth)
        assert after.status_code == 401 and after.json()["code"] == "bad_token"
        assert client.post("/api/v1/auth/logout", headers=auth).status_code == 401
