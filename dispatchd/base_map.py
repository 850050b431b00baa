"""The centre's base map: one MBTiles file that dispatchd keeps in its data folder and serves to its consoles
(whole, for them to keep offline, and tile by tile), so that no console needs a tile server of its own.

`dispatchd import-map FILE` checks the file (an SQLite MBTiles with tiles and metadata), copies it in place
and records what it is (`map.updated` event: every console fetches the new one).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from dispatch_protocol.files import sha256_of
from dispatchd.clock import utc_now
from dispatchd.storage.interface import Transaction

MAP, BASE = "map", "base"
FILE_NAME = "basemap.mbtiles"


class MapFileError(ValueError):
    """An MBTiles file that cannot be the centre's base map; the message says why."""


def describe(path: Path) -> dict[str, Any]:
    """What the file holds (its metadata, zooms, tile count and sha256), or MapFileError."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise MapFileError(f"{path.name} cannot be opened: {exc}") from None
    try:
        metadata = {name: value for name, value in db.execute("SELECT name, value FROM metadata")}
        count, low, high = db.execute("SELECT COUNT(*), MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
    except sqlite3.Error as exc:
        raise MapFileError(f"{path.name} is not an MBTiles file (no tiles or metadata table: {exc})") from None
    finally:
        db.close()
    if not count:
        raise MapFileError(f"{path.name} holds no tiles")
    fmt = metadata.get("format", "png")
    if fmt not in ("png", "jpg", "jpeg", "webp"):
        raise MapFileError(f"{path.name} holds {fmt} tiles; the consoles draw png, jpg or webp raster tiles")
    return {
        "id": BASE,
        "name": metadata.get("name", path.stem),
        "format": fmt,
        "bounds": metadata.get("bounds"),
        "center": metadata.get("center"),
        "min_zoom": int(low),
        "max_zoom": int(high),
        "tiles": int(count),
        "size": path.stat().st_size,
        "sha256": sha256_of(path),
        "attribution": metadata.get("attribution"),
    }


def install_file(source: Path, data_dir: Path) -> tuple[Path, dict[str, Any]]:
    """Check `source` and copy it into the data folder (whole or not at all)."""
    description = describe(source)
    target = data_dir / FILE_NAME
    data_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    shutil.copyfile(source, partial)
    os.replace(partial, target)
    return target, description


def record(tx: Transaction, actor: str, description: dict[str, Any]) -> dict[str, Any]:
    """Remember the map and tell every console (`map.updated`); the same file again changes nothing."""
    existing = tx.get(MAP, BASE)
    if existing is not None and existing.get("sha256") == description["sha256"]:
        return existing
    entry = {**description, "version": (existing or {}).get("version", 0) + 1, "updated_at": utc_now()}
    tx.put(MAP, BASE, entry)
    tx.append_event("map.updated", MAP, BASE, entry["version"], actor, {"map": entry})
    return entry


def tile(path: Path, z: int, x: int, y: int) -> bytes | None:
    """XYZ tile (z, x, y) of the map (MBTiles rows are TMS: y flipped), or None."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = db.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (z, x, (1 << z) - 1 - y),
        ).fetchone()
    finally:
        db.close()
    return None if row is None else bytes(row[0])
