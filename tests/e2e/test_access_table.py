"""docs/security.md's access table, walked whole against a running dispatchd: every route × every role."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e
DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"
ROLES = ("admin", "supervisor", "operator", "trainer", "no token")
ROW = re.compile(r"^\| (GET|POST|PUT|PATCH|DELETE) \| `([^`]+)` \| (.+) \|$")
ADMIN_PASSWORD = "Walk-every-route-7"


def table() -> list[tuple[str, str, dict[str, str]]]:
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if match := ROW.match(line):
            cells = [cell.strip() for cell in match.group(3).split("|")]
            rows.append((match.group(1), match.group(2), dict(zip(ROLES, cells, strict=True))))
    return rows


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[DispatchdProcess]:
    data = tmp_path / "dispatchd"
    create = [sys.executable, "-m", "dispatchd", "--data-dir", str(data), "--create-user", "admin", "--role", "admin"]
    subprocess.run(create, input=f"{ADMIN_PASSWORD}\n", text=True, check=True, capture_output=True)
    process = DispatchdProcess(data, "--demo", "--no-simulation")
    process.start(port=0)
    yield process
    process.stop()


def test_every_route_answers_every_role_as_the_table_says(centre: DispatchdProcess) -> None:
    rows = table()
    with httpx.Client(base_url=centre.url, timeout=20) as http:
        documented = {(method, path) for method, path, _ in rows}
        spec = http.get("/openapi.json").json()["paths"]
        routes = {
            (method.upper(), path.replace("{collection}", kind))
            for path, operations in spec.items()
            for method in operations
            for kind in (("units", "cameras", "sectors", "incident-types") if "{collection}" in path else ("",))
        }
        assert routes == documented, f"not in the table: {routes - documented}; gone: {documented - routes}"

        def token(role: str) -> str | None:
            if role == "no token":
                return None
            password = ADMIN_PASSWORD if role == "admin" else role
            answer = http.post("/api/v1/auth/token", data={"username": role, "password": password})
            return str(answer.json()["access_token"])

        tokens = {role: token(role) for role in ROLES}
        wrong = []
        for method, path, expected in rows:
            url = re.sub(r"\{[^}]+\}", "x", path)
            for role, want in expected.items():
                fresh = token(role) if url.endswith("/auth/logout") else tokens[role]  # logging out spends it
                headers = {"Authorization": f"Bearer {fresh}"} if fresh else {}
                body = {"json": {}} if method in ("POST", "PUT", "PATCH") else {}
                if url.endswith("/events/stream"):
                    with http.stream(method, url, headers=headers, params={"after": -5}) as answer:
                        status = answer.status_code
                else:
                    status = http.request(method, url, headers=headers, **body).status_code
                got = str(status) if status in (401, 403) else "yes"
                if got != want:
                    wrong.append(f"{method} {path} as {role}: {status}, the table says {want}")
        assert wrong == []
