"""The map page, built once with folium, every script and style served locally by the `console:` scheme."""

from __future__ import annotations

import folium

from console.map.scheme import ORIGIN

LOCAL_TILES = f"{ORIGIN}/tiles/{{z}}/{{x}}/{{y}}.png"


def build_page(center: tuple[float, float], zoom: int, tile_url: str | None, attribution: str) -> str:
    """HTML of the map; `tile_url` is an XYZ template, or None for the offline MBTiles served locally."""
    fmap = folium.Map(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
        min_zoom=3,
        max_zoom=19,
    )
    # folium points these at CDNs, which a command centre cannot reach: local copies, in load order, below.
    fmap.default_js = []
    fmap.default_css = []
    folium.TileLayer(
        tiles=tile_url or LOCAL_TILES,
        attr=attribution,
        name="base",
        max_zoom=19,
        max_native_zoom=19 if tile_url else 17,
        min_zoom=3,
    ).add_to(fmap)
    header = fmap.get_root().header  # type: ignore[attr-defined]
    for tag in (
        f'<link rel="stylesheet" href="{ORIGIN}/assets/leaflet/leaflet.css"/>',
        f'<script src="{ORIGIN}/assets/leaflet/leaflet.js"></script>',
        f'<link rel="stylesheet" href="{ORIGIN}/assets/markercluster/MarkerCluster.css"/>',
        f'<link rel="stylesheet" href="{ORIGIN}/assets/markercluster/MarkerCluster.Default.css"/>',
        f'<link rel="stylesheet" href="{ORIGIN}/assets/console/console-map.css"/>',
        f'<script src="{ORIGIN}/assets/markercluster/leaflet.markercluster.js"></script>',
        f'<script src="{ORIGIN}/assets/qwebchannel.js"></script>',
        f'<script src="{ORIGIN}/assets/console/console-map.js"></script>',
    ):
        header.add_child(folium.Element(tag))
    return str(fmap.get_root().render())
