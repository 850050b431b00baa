"""`dispatchd import FILE…`, `dispatchd export DIR`: a centre's reference data in and out of its database.

Run them while dispatchd is stopped (or restart it after): consoles learn of the changes from the events the
import appends, when dispatchd next runs.
"""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dispatchd import base_map
from dispatchd.reference_files import apply_plan, export_files, plan_files
from dispatchd.storage import Storage, open_storage

log = logging.getLogger("dispatchd")
IMPORTER = "import"


@contextmanager
def database(args: argparse.Namespace) -> Iterator[Storage]:
    """The centre's database (PostgreSQL with --database or DISPATCHD_DATABASE, else the data folder's SQLite),
    closed after."""
    storage = open_storage(args.database or os.environ.get("DISPATCHD_DATABASE"), args.data_dir)
    try:
        yield storage
    finally:
        storage.close()


def _where(p: argparse.ArgumentParser) -> None:
    """Which centre: its data folder, and its PostgreSQL when it has one."""
    p.add_argument("--data-dir", type=Path, default=Path("var/dispatchd"), help="dispatchd's data folder")
    p.add_argument("--database", metavar="URL", help="the centre's PostgreSQL (as dispatchd --database)")


def import_main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="dispatchd import", description="Import units, cameras, incident types "
                                "(CSV) and sectors or camera positions (GeoJSON); all or nothing.")  # fmt: skip
    p.add_argument("files", nargs="+", type=Path)
    _where(p)
    p.add_argument("--language", default="en", choices=["en", "fr"], help="the centre's language for type names")
    p.add_argument("--dry-run", action="store_true", help="check the files, write nothing")
    args = p.parse_args(argv)
    plan = plan_files(args.files)
    if plan.errors:
        for error in plan.errors:
            log.error("%s", error)
        log.error("nothing imported: %d problem(s) in the files", len(plan.errors))
        return 1
    if args.dry_run:
        log.info("the files are good: %d entities (nothing written: --dry-run)", len(plan.items))
        return 0
    with database(args) as storage, storage.transaction() as tx:
        changed = apply_plan(tx, IMPORTER, plan, args.language)
    for line in changed:
        log.info("saved %s", line)
    log.info("%d of %d entities changed (the others were already so)", len(changed), len(plan.items))
    return 0


def export_main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="dispatchd export", description="Write the reference data in the import's "
                                "formats (camera logins are never exported).")  # fmt: skip
    p.add_argument("folder", type=Path)
    _where(p)
    args = p.parse_args(argv)
    with database(args) as storage, storage.read() as tx:
        written = export_files(tx, args.folder)
    for path in written:
        log.info("wrote %s", path)
    return 0


def import_map_main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="dispatchd import-map", description="Make an MBTiles file the centre's base "
                                "map, served by dispatchd to every console.")  # fmt: skip
    p.add_argument("file", type=Path)
    _where(p)
    args = p.parse_args(argv)
    try:
        target, description = base_map.install_file(args.file, args.data_dir)
    except (base_map.MapFileError, OSError) as exc:
        log.error("%s", exc)
        return 1
    with database(args) as storage, storage.transaction() as tx:
        base_map.record(tx, IMPORTER, description)
    log.info(
        "the base map is %s: %s, zoom %d–%d, %d tiles (%s)", target, description["name"], description["min_zoom"],
        description["max_zoom"], description["tiles"], description["sha256"][:12],
    )  # fmt: skip
    return 0
