"""A server host installs dispatchd without the desktop: `pip install .` into a new virtual environment, at the
lock's versions, brings no Qt and no OpenCV; dispatchd starts there and answers; the `console` command and
`dispatchd --demo` say what they need instead of failing on an import."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).parents[2]
PIN = re.compile(r"^([A-Za-z0-9._-]+==[^\s\\;]+)", re.MULTILINE)


def test_dispatchd_installs_and_runs_without_the_desktop(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python, bin_dir = venv / "bin" / "python", venv / "bin"
    constraints = tmp_path / "constraints.txt"  # the lock's versions (its hashes are for the whole set)
    constraints.write_text("\n".join(PIN.findall((ROOT / "requirements.lock").read_text())) + "\n")
    # The registry's TLS certificates are checked against the real clock, not the shifted one of `./dev test`.
    env = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "FAKETIME")}
    source = tmp_path / "src"  # what a source distribution holds: the build leaves nothing in the working tree
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for package in ("console", "dispatchd", "dispatch_protocol"):
        shutil.copytree(ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "-c", str(constraints), str(source)],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr[-3000:]
    present = subprocess.run(
        [str(python), "-c", "import importlib.util as u; print([m for m in ('PySide6', 'cv2', 'numpy', 'pyqtgraph', "
         "'qasync', 'folium', 'fastapi', 'uvicorn') if u.find_spec(m)])"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout.strip()  # fmt: skip
    assert present == "['fastapi', 'uvicorn']", "the backend's packages and none of the desktop's"

    backend = DispatchdProcess(tmp_path / "d", python=python)
    backend.start(port=0)
    try:
        assert httpx.get(f"{backend.url}/api/v1/health", timeout=10).status_code == 200
        assert httpx.get(f"{backend.url}/api/v1/snapshot", timeout=10).status_code == 401, "tokens are required"
    finally:
        backend.stop()

    console = subprocess.run([str(bin_dir / "console")], capture_output=True, text=True, timeout=60, check=False)
    assert console.returncode == 2 and "pip install 'command-console[console]'" in console.stderr, console.stderr
    demo = subprocess.run(
        [str(bin_dir / "dispatchd"), "--demo", "--port", "0", "--data-dir", str(tmp_path / "demo")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert demo.returncode == 2 and "pip install 'command-console[demo]'" in demo.stderr, demo.stderr
