"""A small MBTiles file made on the spot: one solid colour over an area, at a few zooms."""

from __future__ import annotations

import math
import sqlite3
import struct
import zlib
from pathlib import Path


def solid_png(rgb: tuple[int, int, int], size: int = 256) -> bytes:
    """A PNG of one colour (written by hand: no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(rgb) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * size)) + chunk(b"IEND", b"")
    )


def tile_of(lat: float, lon: float, z: int) -> tuple[int, int]:
    n = 1 << z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return x, y


def make_mbtiles(
    path: Path, rgb: tuple[int, int, int], bounds: tuple[float, float, float, float], zooms: range = range(12, 16)
) -> Path:
    """`bounds`: west, south, east, north. Tiles are written in MBTiles' TMS rows."""
    west, south, east, north = bounds
    png = solid_png(rgb)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    db.executemany(
        "INSERT INTO metadata VALUES (?, ?)",
        [("name", "Test city"), ("format", "png"), ("bounds", f"{west},{south},{east},{north}"),
         ("minzoom", str(zooms.start)), ("maxzoom", str(zooms.stop - 1)), ("attribution", "test tiles")],
    )  # fmt: skip
    for z in zooms:
        x0, y0 = tile_of(north, west, z)
        x1, y1 = tile_of(south, east, z)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                db.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, (1 << z) - 1 - y, png))
    db.commit()
    db.close()
    return path
