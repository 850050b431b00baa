"""The demo city's offline base map: its streets rendered into an MBTiles file (no network, no tile server).

Tiles are 256 px PNG in the Web Mercator grid, stored TMS-style (y flipped) as the MBTiles spec says.
"""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from dispatchd.demo.city import COLS, ROWS, STREETS_EW, STREETS_NS, City

TILE = 256
BACKGROUND = (42, 36, 32)  # BGR of a dark slate: the console's map is dark for night shifts
BLOCK = (58, 50, 45)
STREET = (120, 110, 100)
AVENUE = (150, 138, 125)
LABEL = (215, 210, 200)


def lonlat_to_pixel(lon: float, lat: float, zoom: int) -> tuple[float, float]:
    """Global Web Mercator pixel coordinates at a zoom."""
    scale = TILE * 2**zoom
    x = (lon + 180.0) / 360.0 * scale
    s = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale
    return x, y


def _street_width(zoom: int) -> int:
    return max(1, int(2 ** (zoom - 14) * 2.5))


def _render_tile(city: City, zoom: int, tx: int, ty: int) -> npt.NDArray[np.uint8]:
    img = np.zeros((TILE, TILE, 3), np.uint8)
    img[:] = BACKGROUND
    ox, oy = tx * TILE, ty * TILE

    def px(lon: float, lat: float) -> tuple[int, int]:
        x, y = lonlat_to_pixel(lon, lat, zoom)
        return round(x - ox), round(y - oy)

    for row in range(ROWS - 1):  # blocks between streets
        for col in range(COLS - 1):
            corners = [
                city.node_at(col, row),
                city.node_at(col + 1, row),
                city.node_at(col + 1, row + 1),
                city.node_at(col, row + 1),
            ]
            cv2.fillPoly(img, [np.array([px(n.lon, n.lat) for n in corners], np.int32)], BLOCK)
    width = _street_width(zoom)
    for a, neighbours in city.edges.items():
        for b, _ in neighbours:
            if b < a:
                continue
            na, nb = city.nodes[a], city.nodes[b]
            avenue = (na.row == nb.row and na.row % 4 == 1) or (na.col == nb.col and na.col % 5 == 3)
            cv2.line(
                img,
                px(na.lon, na.lat),
                px(nb.lon, nb.lat),
                AVENUE if avenue else STREET,
                width + (1 if avenue else 0),
                cv2.LINE_AA,
            )
    if zoom >= 16:  # street names along the rows and columns
        scale = 0.35 if zoom == 16 else 0.45
        for row in range(ROWS):
            n = city.node_at(COLS // 2, row)
            x, y = px(n.lon, n.lat)
            cv2.putText(
                img,
                STREETS_EW[row % len(STREETS_EW)],
                (x + 4, y - width - 2),
                cv2.FONT_HERSHEY_SIMPLEX,
                scale,
                LABEL,
                1,
                cv2.LINE_AA,
            )
        for col in range(COLS):
            n = city.node_at(col, ROWS // 2)
            x, y = px(n.lon, n.lat)
            label = np.zeros((20, 220, 3), np.uint8)
            cv2.putText(
                label,
                STREETS_NS[col % len(STREETS_NS)],
                (0, 14),
                cv2.FONT_HERSHEY_SIMPLEX,
                scale,
                LABEL,
                1,
                cv2.LINE_AA,
            )
            rotated = cv2.rotate(label, cv2.ROTATE_90_COUNTERCLOCKWISE)
            x0, y0 = x + width + 2, y - 110
            sub = img[max(0, y0) : max(0, min(TILE, y0 + 220)), max(0, x0) : max(0, min(TILE, x0 + 20))]
            src = rotated[max(0, -y0) : max(0, -y0) + sub.shape[0], max(0, -x0) : max(0, -x0) + sub.shape[1]]
            if sub.size and src.shape == sub.shape:
                np.maximum(sub, src, out=sub)
    return img


def write_mbtiles(city: City, path: Path, zooms: range = range(12, 18)) -> int:
    """Render every tile over the city at each zoom into `path`; returns the number of tiles."""
    lats = [n.lat for n in city.nodes]
    lons = [n.lon for n in city.nodes]
    margin = 0.004
    west, east, south, north = min(lons) - margin, max(lons) + margin, min(lats) - margin, max(lats) + margin
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    count = 0
    with sqlite3.connect(tmp) as db:
        db.executescript(
            "CREATE TABLE metadata (name TEXT, value TEXT);"
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
            "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);"
        )
        db.executemany(
            "INSERT INTO metadata VALUES (?, ?)",
            [
                ("name", f"{city.name} (demo)"),
                ("format", "png"),
                ("type", "baselayer"),
                ("bounds", f"{west},{south},{east},{north}"),
                ("minzoom", str(zooms.start)),
                ("maxzoom", str(zooms.stop - 1)),
                ("attribution", "Demo city generated by dispatchd"),
            ],
        )
        for zoom in zooms:
            x0, y0 = (int(v // TILE) for v in lonlat_to_pixel(west, north, zoom))
            x1, y1 = (int(v // TILE) for v in lonlat_to_pixel(east, south, zoom))
            for tx in range(x0, x1 + 1):
                for ty in range(y0, y1 + 1):
                    _ok, png = cv2.imencode(".png", _render_tile(city, zoom, tx, ty))
                    db.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (zoom, tx, 2**zoom - 1 - ty, png.tobytes()))
                    count += 1
    tmp.replace(path)
    return count
