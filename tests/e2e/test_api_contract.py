"""The API as its OpenAPI document says: schemathesis, every check, against a live dispatchd."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e
CONFIG = Path(__file__).parent / "contract" / "schemathesis.toml"


@pytest.mark.timeout(300)  # every operation of the API, each with its examples: ~2 min on a quiet machine
def test_schemathesis_finds_no_failure(dispatchd: DispatchdProcess, tmp_path: Path) -> None:
    """Every operation but login and logout (they spend the token), 5 examples each, a fixed seed."""
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "--config-file", str(CONFIG),
        "run", f"{dispatchd.url}/openapi.json",
        "--checks", "all",
        "--header", f"Authorization: Bearer {dispatchd.token()}",
        "--max-examples", "5",
        "--phases", "examples,coverage,fuzzing",
        "--workers", "1",
        "--exclude-path-regex", "/auth/",
        "--seed", "41539814515493713210280171277755800342",
        "--no-color",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False, cwd=tmp_path)
    summary = done.stdout[-3000:]
    assert done.returncode == 0, summary
    assert "No issues found" in done.stdout or " passed" in summary, summary
