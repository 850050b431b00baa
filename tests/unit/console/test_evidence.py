"""Clip ranges from an operator's marks, and exports whose integrity anyone can check."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.evidence.logic.clip import ClipError, from_marks, last
from console.evidence.logic.manifest import MANIFEST, MANIFEST_HASH, verify_export, write_manifest

T = datetime(2026, 11, 25, 18, 30, 12, 440000, tzinfo=UTC)


def test_marks_in_either_order_make_a_clip_to_the_frame() -> None:
    clip = from_marks(T + timedelta(seconds=10.04), T)
    assert clip.start == T and clip.seconds == pytest.approx(10.04)
    assert clip.rfc3339() == ("2026-11-25T18:30:12.440Z", "2026-11-25T18:30:22.480Z")


def test_tag_the_last_30_seconds_ends_at_the_frame_shown() -> None:
    clip = last(30, T)
    assert (clip.start, clip.end) == (T - timedelta(seconds=30), T)


@pytest.mark.parametrize(
    ("mark_in", "mark_out", "words"),
    [
        (None, T, "Mark the start (I) and the end (O)"),
        (T, T, "the same frame"),
        (T, T + timedelta(hours=3), "at most 2 hours"),
    ],
)
def test_a_clip_that_cannot_be_tagged_says_why(mark_in: datetime | None, mark_out: datetime, words: str) -> None:
    with pytest.raises(ClipError, match=re.escape(words)):
        from_marks(mark_in, mark_out)
    with pytest.raises(ClipError, match="no picture with a time"):
        last(30, None)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "clip.mp4").write_bytes(bytes(range(256)) * 400)
    (folder / "snapshot.jpg").write_bytes(b"\xff\xd8\xff" + b"x" * 1000)
    write_manifest(
        folder,
        [folder / "clip.mp4", folder / "snapshot.jpg"],
        {"incident": {"id": "i-1", "number": "2026-000042"}, "camera": {"id": "cam-02", "name": "Gare — parvis"}},
    )
    return folder


def test_an_untouched_export_verifies(export: Path) -> None:
    assert verify_export(export).lines() == ["OK"]
    text = (export / MANIFEST_HASH).read_text()
    assert text == f"{hashlib.sha256((export / MANIFEST).read_bytes()).hexdigest()}  {MANIFEST}\n"


def test_one_changed_byte_names_the_file(export: Path) -> None:
    data = bytearray((export / "clip.mp4").read_bytes())
    data[5000] ^= 0x01
    (export / "clip.mp4").write_bytes(bytes(data))
    assert verify_export(export).lines() == ["TAMPERED: clip.mp4"]


def test_an_edited_manifest_a_missing_file_and_an_added_file_are_named(export: Path) -> None:
    manifest = (export / MANIFEST).read_text().replace("2026-000042", "2026-000043")
    (export / MANIFEST).write_text(manifest)
    (export / "snapshot.jpg").unlink()
    (export / "extra.mp4").write_bytes(b"\x00")
    assert verify_export(export).lines() == [
        f"TAMPERED: {MANIFEST} (its sha256 is not the one recorded in {MANIFEST_HASH})",
        "TAMPERED: snapshot.jpg (missing)",
        "TAMPERED: extra.mp4 (not in the manifest)",
    ]


def test_the_command_prints_and_exits_as_documented(export: Path, tmp_path: Path) -> None:
    def run(folder: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "console", "verify-export", str(folder)], capture_output=True, text=True, timeout=60
        )

    good = run(export)
    assert (good.returncode, good.stdout) == (0, "OK\n")
    (export / "clip.mp4").write_bytes(b"changed")
    bad = run(export)
    assert (bad.returncode, bad.stdout) == (1, "TAMPERED: clip.mp4\n")
    assert run(tmp_path / "nowhere").returncode == 2
