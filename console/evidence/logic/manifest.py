"""An export's manifest: what the clip is, who exported it, and the sha256 of every file; and its check.

The folder holds the clip files, `manifest.json` (canonical JSON: sorted keys, UTF-8) and
`manifest.json.sha256` (the manifest's own hash, in `sha256sum` format, so that `sha256sum -c` agrees).
Anyone can recompute everything with `console verify-export DIR` or with sha256sum and the JSON.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.i18n import tr
from dispatch_protocol.files import sha256_of

MANIFEST = "manifest.json"
MANIFEST_HASH = "manifest.json.sha256"
FORMAT = "command-console-evidence/1"


def write_manifest(folder: Path, files: list[Path], description: dict[str, Any]) -> str:
    """Hash `files` (inside `folder`), write the manifest and its hash; returns the manifest's sha256."""
    entries = []
    for path in sorted(files, key=lambda p: p.name):
        if path.parent.resolve() != folder.resolve():
            raise ValueError(tr("{path} is not in the export folder {folder}", path=path, folder=folder))
        entries.append({"name": path.name, "sha256": sha256_of(path), "size": path.stat().st_size})
    manifest = {**description, "format": FORMAT, "files": entries}
    text = json.dumps(manifest, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    (folder / MANIFEST).write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    (folder / MANIFEST_HASH).write_text(f"{digest}  {MANIFEST}\n", encoding="utf-8")
    return digest


@dataclass
class Verdict:
    """`problems` name the files that do not match (empty: the export is intact)."""

    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        return ["OK"] if self.ok else [tr("TAMPERED: {problem}", problem=problem) for problem in self.problems]


def verify_export(folder: Path) -> Verdict:
    """Recompute the manifest's hash and every file's; name whatever differs, is missing or was added."""
    verdict = Verdict()
    manifest_path, hash_path = folder / MANIFEST, folder / MANIFEST_HASH
    if not manifest_path.is_file() or not hash_path.is_file():
        missing = MANIFEST if not manifest_path.is_file() else MANIFEST_HASH
        verdict.problems.append(tr("{missing} (missing: is this an export folder?)", missing=missing))
        return verdict
    words = hash_path.read_text(encoding="utf-8").split()
    recorded = words[0] if words else ""
    if hashlib.sha256(manifest_path.read_bytes()).hexdigest() != recorded:
        verdict.problems.append(
            tr(
                "{manifest} (its sha256 is not the one recorded in {manifest_hash})",
                manifest=MANIFEST,
                manifest_hash=MANIFEST_HASH,
            )
        )
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        entries = {entry["name"]: entry for entry in manifest["files"]}
    except (ValueError, KeyError, TypeError):
        verdict.problems.append(tr("{manifest} (unreadable)", manifest=MANIFEST))
        return verdict
    for name, entry in sorted(entries.items()):
        path = folder / name
        if not path.is_file():
            verdict.problems.append(tr("{name} (missing)", name=name))
        elif path.stat().st_size != entry.get("size") or sha256_of(path) != entry.get("sha256"):
            verdict.problems.append(name)
    for path in sorted(folder.iterdir()):
        if path.name not in entries and path.name not in (MANIFEST, MANIFEST_HASH):
            verdict.problems.append(tr("{name} (not in the manifest)", name=path.name))
    return verdict
