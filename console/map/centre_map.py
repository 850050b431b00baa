"""The centre's base map, as dispatchd serves it, kept in a local file: fetched whole at the first connection
and again when an administrator imports a new one (`map.updated`), checked against its sha256, then drawn.
The map keeps working from that file when the backend is out of reach."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

from console.backend.client import DispatchClient
from console.backend.errors import BackendError
from console.backend.link import backend_key
from console.backend.queries import Queries
from console.domain.model import BaseMap
from console.i18n import tr
from console.map.surface import MapSurface
from console.settings import data_dir
from dispatch_protocol.files import sha256_of

log = logging.getLogger("console.map")


def centre_map_file(backend_url: str) -> Path:
    """Where this console keeps the base map of the centre at `backend_url`."""
    return data_dir() / f"centre-basemap-{backend_key(backend_url)}.mbtiles"


class CentreMap:
    """Keeps `path` the centre's current base map."""

    def __init__(self, queries: Queries, path: Path, surface: MapSurface) -> None:
        self._queries, self.path, self._surface = queries, path, surface
        self._fetching: str | None = None

    def _have(self) -> str | None:
        sidecar = self.path.with_suffix(".sha256")
        return sidecar.read_text().strip() if sidecar.exists() and self.path.exists() else None

    def update(self, wanted: BaseMap | None) -> None:
        """The backend's map changed (or was first seen): fetch it unless this file is it already."""
        if wanted is None or self._fetching == wanted.sha256 or self._have() == wanted.sha256:
            return
        self._fetching = sha256 = wanted.sha256
        path = self.path

        async def fetch(client: DispatchClient) -> Path:
            partial = path.with_suffix(".partial")
            try:
                await client.download_to("/map/file", partial, lambda _received: None)
                if await asyncio.to_thread(sha256_of, partial) != sha256:
                    raise BackendError(
                        tr("the base map arrived damaged (sha256): fetched again at the next connection")
                    )
                await asyncio.to_thread(os.replace, partial, path)
                await asyncio.to_thread(path.with_suffix(".sha256").write_text, sha256)
                return path
            finally:
                self._fetching = None

        def fetched(target: Path) -> None:
            log.info("the centre's base map %s (%s) is at %s", wanted.name, sha256[:12], target)
            self._surface.reload_base_map()

        if self._queries.run(tr("download the centre's base map"), fetch, fetched) is None:
            self._fetching = None  # not connected yet: asked again at the next snapshot
