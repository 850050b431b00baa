from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dispatchd.app import create_app
from dispatchd.config import ServerConfig


def make_client(tmp_path: Path, **overrides: object) -> TestClient:
    config = ServerConfig(data_dir=tmp_path / "backend", demo=True, simulate=False, **overrides)  # type: ignore[arg-type]
    return TestClient(create_app(config))


@pytest.fixture
def api(tmp_path: Path) -> Iterator[TestClient]:
    """The backend in-process with a still demo city, logged in as supervisor."""
    with make_client(tmp_path) as client:
        token = client.post("/api/v1/auth/token", data={"username": "supervisor", "password": "supervisor"})
        client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        yield client
