"""Bring the catalogues up to date with the source, then compile them for Qt:

    python -m console.i18n.update

Every string marked `tr("…")`/`N_("…")` in console/ and dispatch_protocol/ goes into each `console_<lang>.ts`
(new ones unfinished, for a translator to fill in with Qt Linguist or any editor), then lrelease (shipped with
PySide6) compiles the `.qm` files the console loads."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from console.i18n import catalogue
from console.i18n.extract import scan, source_roots
from console.resources import resource

log = logging.getLogger("console.i18n")
LANGUAGES = {"fr": "fr_FR"}


def catalogue_path(language: str) -> Path:
    return resource("translations", f"console_{language}.ts")


def used_strings() -> dict[str, list[str]]:
    """Each marked string and where it is, relative to the catalogue's folder (as Qt Linguist reads it)."""
    marked, _ = scan(*source_roots())
    used: dict[str, list[str]] = {}
    for found in marked:
        used.setdefault(found.text, []).append(Path(os.path.relpath(found.path, resource("translations"))).as_posix())
    return used


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    return found


def compile_catalogue(ts: Path, qm: Path) -> None:
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    used = used_strings()
    for language, locale_name in LANGUAGES.items():
        path = catalogue_path(language)
        old = catalogue.read(path) if path.exists() else catalogue.Catalogue(locale_name)
        new = catalogue.merge(old, used)
        catalogue.write(new, path)
        compile_catalogue(path, path.with_suffix(".qm"))
        log.info("%s: %d strings, %d unfinished", path.name, len(new.translations), len(new.unfinished()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
