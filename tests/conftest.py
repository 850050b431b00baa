"""Shared fixtures: the user's folders point at tmp_path; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

from console.map.scheme import register_scheme
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.postgres import PostgresCluster

register_scheme()  # Chromium learns custom schemes at start: before pytest-qt creates the QApplication


def pytest_report_header() -> str:
    """The date the suite runs at (`./dev test` runs it a second time a year ahead)."""
    shifted = (
        f" (the system's clock moved by libfaketime: FAKETIME={os.environ['FAKETIME']})"
        if "FAKETIME" in os.environ
        else ""
    )
    return f"clock: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC{shifted}"


@pytest.fixture(autouse=True)
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A test never reads or writes the user's real settings or data."""
    monkeypatch.setenv("CONSOLE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CONSOLE_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """One throw-away PostgreSQL server for the session, in a temporary folder of its own."""
    cluster = PostgresCluster()
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> str:
    """A new, empty PostgreSQL database for this test."""
    return postgres_cluster.new_database()


@pytest.fixture
def dispatchd(tmp_path: Path) -> Iterator[DispatchdProcess]:
    """A quiet real backend (demo accounts, no simulation) on a free loopback port."""
    process = DispatchdProcess(tmp_path / "dispatchd", "--demo", "--no-simulation")
    process.start(port=0)
    yield process
    process.stop()


INCIDENT = {
    "type_code": "FIGHT",
    "type_text": "Fight on the public way",
    "priority": 6,
    "location": {"lat": 45.75, "lon": 4.84, "address_text": "12 Rue Pasteur, Valmont"},
    "note": "Two men fighting outside the bakery.",
}
