"""Server settings, from the command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """How one dispatchd instance runs."""

    data_dir: Path
    demo: bool = False
    seed: int = 17
    heartbeat_s: float = 15.0
    retention_s: float = 24 * 3600.0
    token_ttl_s: float = 12 * 3600.0
    poll_s: float = 1.0
    max_upload_bytes: int = 512 * 1024 * 1024
    simulate: bool = True
    basemap: Path | None = None  # demo: where to write the city's offline map (kept if already there)

    @property
    def database_path(self) -> Path:
        return self.data_dir / "dispatchd.sqlite3"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"
