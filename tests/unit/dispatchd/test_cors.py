"""Browsers may call the API only from the origins a centre lists: none by default."""

from __future__ import annotations

from pathlib import Path

from tests.unit.dispatchd.conftest import make_client

PREFLIGHT = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}


def test_a_preflight_from_an_unlisted_origin_is_refused(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        answer = client.options("/api/v1/incidents", headers=PREFLIGHT)
        assert answer.status_code == 400 and "access-control-allow-origin" not in answer.headers
        plain = client.get("/api/v1/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in plain.headers


def test_a_listed_origin_may_call_with_its_headers(tmp_path: Path) -> None:
    page = "https://media.centre.example"
    with make_client(tmp_path, cors_origins=(page,)) as client:
        answer = client.options(
            "/api/v1/incidents",
            headers={**PREFLIGHT, "Origin": page, "Access-Control-Request-Headers": "Authorization, Idempotency-Key"},
        )
        assert answer.status_code == 200 and answer.headers["access-control-allow-origin"] == page
        assert client.options("/api/v1/incidents", headers=PREFLIGHT).status_code == 400
