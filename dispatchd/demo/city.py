"""Valmont, the demo city: a street grid with names, stations and sectors, built from a seed."""

from __future__ import annotations

import heapq
import math
import random
from dataclasses import dataclass, field
from typing import Any

from dispatch_protocol.geo import distance_m

LAT0, LON0 = 45.7560, 4.8320
SPACING_M = 230.0
COLS, ROWS = 16, 12
_M_PER_DEG_LAT = 111_320.0

STREETS_EW = [
    "Rue Pasteur",
    "Rue de la République",
    "Avenue Jean Jaurès",
    "Rue Victor Hugo",
    "Rue des Tanneurs",
    "Boulevard Gambetta",
    "Rue Émile Zola",
    "Rue du Marché",
    "Avenue de la Gare",
    "Rue Voltaire",
    "Rue des Lilas",
    "Quai du Rhône",
]
STREETS_NS = [
    "Rue Molière",
    "Rue de Verdun",
    "Rue Jean Moulin",
    "Cours Lafayette",
    "Rue Sainte-Anne",
    "Rue Danton",
    "Avenue Foch",
    "Rue de la Poste",
    "Rue Carnot",
    "Rue des Écoles",
    "Rue Paul Bert",
    "Rue Montesquieu",
    "Rue Garibaldi",
    "Rue Saint-Jean",
    "Rue du Stade",
    "Chemin des Vignes",
]
SECTOR_NAMES = [["Nord-Ouest", "Centre-Nord", "Université"], ["Gare", "Centre", "Port"]]


@dataclass(frozen=True, slots=True)
class Node:
    """A street crossing."""

    index: int
    col: int
    row: int
    lat: float
    lon: float


@dataclass
class City:
    """The street graph, its stations and its sectors."""

    name: str
    nodes: list[Node]
    edges: dict[int, list[tuple[int, float]]]
    stations: dict[str, list[int]]
    sectors_geojson: dict[str, Any]
    _rng: random.Random = field(repr=False, default_factory=random.Random)

    def node_at(self, col: int, row: int) -> Node:
        return self.nodes[row * COLS + col]

    def address_of(self, a: int, b: int, fraction: float) -> str:
        """A postal-looking address on the street between two crossings."""
        na, nb = self.nodes[a], self.nodes[b]
        if na.row == nb.row:
            street = STREETS_EW[na.row % len(STREETS_EW)]
            number = int((min(na.col, nb.col) + fraction) * 14) + 1
        else:
            street = STREETS_NS[na.col % len(STREETS_NS)]
            number = int((min(na.row, nb.row) + fraction) * 14) + 1
        return f"{number} {street}, {self.name}"

    def random_point(self, rng: random.Random) -> tuple[float, float, str, int]:
        """A random place on a street: (lat, lon, address, nearest node)."""
        a = rng.randrange(len(self.nodes))
        b, _ = rng.choice(self.edges[a])
        f = rng.random()
        na, nb = self.nodes[a], self.nodes[b]
        lat, lon = na.lat + (nb.lat - na.lat) * f, na.lon + (nb.lon - na.lon) * f
        return lat, lon, self.address_of(a, b, f), a if f < 0.5 else b

    def nearest_node(self, lat: float, lon: float) -> int:
        return min(self.nodes, key=lambda n: (n.lat - lat) ** 2 + (n.lon - lon) ** 2).index

    def route(self, start: int, goal: int) -> list[int]:
        """Shortest path over the streets (Dijkstra), as node indices from start to goal."""
        dist = {start: 0.0}
        prev: dict[int, int] = {}
        heap = [(0.0, start)]
        while heap:
            d, node = heapq.heappop(heap)
            if node == goal:
                break
            if d > dist.get(node, math.inf):
                continue
            for nxt, length in self.edges[node]:
                nd = d + length
                if nd < dist.get(nxt, math.inf):
                    dist[nxt], prev[nxt] = nd, node
                    heapq.heappush(heap, (nd, nxt))
        path = [goal]
        while path[-1] != start:
            path.append(prev[path[-1]])
        return path[::-1]


def _sectors(lat_min: float, lat_max: float, lon_min: float, lon_max: float) -> dict[str, Any]:
    features = []
    rows, cols = len(SECTOR_NAMES), len(SECTOR_NAMES[0])
    for r in range(rows):
        for c in range(cols):
            la0 = lat_max - (lat_max - lat_min) * (r + 1) / rows
            la1 = lat_max - (lat_max - lat_min) * r / rows
            lo0 = lon_min + (lon_max - lon_min) * c / cols
            lo1 = lon_min + (lon_max - lon_min) * (c + 1) / cols
            ring = [[lo0, la0], [lo1, la0], [lo1, la1], [lo0, la1], [lo0, la0]]
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": SECTOR_NAMES[r][c]},
                    "geometry": {"type": "Polygon", "coordinates": [ring]},
                }
            )
    return {"type": "FeatureCollection", "features": features}


def build_city(seed: int) -> City:
    """The same city for the same seed."""
    rng = random.Random(seed)
    dlat = SPACING_M / _M_PER_DEG_LAT
    dlon = SPACING_M / (_M_PER_DEG_LAT * math.cos(math.radians(LAT0)))
    nodes = []
    for row in range(ROWS):
        for col in range(COLS):
            jitter_lat = rng.uniform(-0.12, 0.12) * dlat
            jitter_lon = rng.uniform(-0.12, 0.12) * dlon
            nodes.append(
                Node(row * COLS + col, col, row, LAT0 - row * dlat + jitter_lat, LON0 + col * dlon + jitter_lon)
            )
    edges: dict[int, list[tuple[int, float]]] = {n.index: [] for n in nodes}
    for n in nodes:
        for dc, dr in ((1, 0), (0, 1)):
            c, r = n.col + dc, n.row + dr
            if c < COLS and r < ROWS:
                m = nodes[r * COLS + c]
                length = distance_m(n.lat, n.lon, m.lat, m.lon)
                edges[n.index].append((m.index, length))
                edges[m.index].append((n.index, length))
    margin_lat, margin_lon = dlat * 0.5, dlon * 0.5
    sectors = _sectors(
        min(n.lat for n in nodes) - margin_lat,
        max(n.lat for n in nodes) + margin_lat,
        min(n.lon for n in nodes) - margin_lon,
        max(n.lon for n in nodes) + margin_lon,
    )
    stations = {
        "police": [3 * COLS + 4, 8 * COLS + 11, 2 * COLS + 13],
        "gendarmerie": [10 * COLS + 1],
        "fire": [6 * COLS + 2, 4 * COLS + 12],
        "ems": [5 * COLS + 7, 9 * COLS + 14],
    }
    return City("Valmont", nodes, edges, stations, sectors, rng)
