"""The Outbox file keeps pending commands across restarts and crashes."""

from __future__ import annotations

from pathlib import Path

from console.backend.outbox_file import OutboxEntry, OutboxFile


def _entry(key: str) -> OutboxEntry:
    return OutboxEntry(
        key=key, method="PATCH", path="/incidents/x", body={"priority": 9}, description=f"change {key}", if_match=3
    )


def test_pending_entries_survive_a_restart_in_order(tmp_path: Path) -> None:
    path = tmp_path / "outbox.jsonl"
    first = OutboxFile(path)
    for key in ("a", "b", "c"):
        first.add(_entry(key))
    first.done("b")
    assert [e.key for e in OutboxFile(path).pending] == ["a", "c"]
    assert OutboxFile(path).pending[0] == _entry("a")


def test_the_file_is_compacted_when_nothing_is_pending(tmp_path: Path) -> None:
    path = tmp_path / "outbox.jsonl"
    box = OutboxFile(path)
    box.add(_entry("a"))
    box.done("a")
    assert path.read_text(encoding="utf-8") == ""
    assert OutboxFile(path).pending == []


def test_a_torn_last_line_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "outbox.jsonl"
    box = OutboxFile(path)
    box.add(_entry("a"))
    with path.open("a", encoding="utf-8") as out:
        out.write('{"add": {"key": "b", "meth')  # the power went off here
    assert [e.key for e in OutboxFile(path).pending] == ["a"]
