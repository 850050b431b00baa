"""A feed's source as the capture thread needs it: where to read, live or playback, and its time base."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode, urlsplit, urlunsplit

from console.domain.model import Camera
from console.i18n import tr
from console.videowall.logic.diagnosis import local_path


@dataclass(frozen=True)
class FeedSource:
    """`playback` sources (files, camera archives, uploaded videos) can pause, seek and change speed;
    live sources always show the newest picture. `start_time` is the wall time of position 0 (archives)."""

    url: str
    label: str
    playback: bool
    start_time: datetime | None = None
    loop: bool = False
    """A playback source that starts again at its end (a tagged clip under review)."""
    clip_from_s: float = 0.0
    clip_to_s: float | None = None
    """A stretch of a file to play (a tagged clip of an uploaded video), in seconds from its start."""
    missing: str = ""
    """What a 404 means for this source, in words ("no recording for this time" for a camera archive)."""
    decode_threads: int = 1
    """1 for grid tiles (a thread per feed already; frame threads only add latency), 0 (one per core) for the
    enlarged tile's main stream."""

    @property
    def is_file(self) -> bool:
        return local_path(self.url) is not None

    @property
    def shown(self) -> str:
        """The address as logs may show it: without a camera's login."""
        return redacted(self.url)


SECRET_PARAMETERS = frozenset({"key", "token", "access_token", "password"})


def redacted(url: str) -> str:
    """`rtsp://user:secret@host/x` → `rtsp://***@host/x`; a stream's key (`?key=…`, a caller's live video) → `***`."""
    parts = urlsplit(url)
    query = "&".join(
        f"{name}=***" if name.lower() in SECRET_PARAMETERS else pair
        for pair in parts.query.split("&")
        if pair
        for name in (pair.split("=", 1)[0],)
    )
    netloc = "***@" + parts.netloc.rsplit("@", 1)[1] if "@" in parts.netloc else parts.netloc
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


Logins = dict[str, str | None]
"""A camera's stream addresses with its login in them (`main_url`, `sub_url`, `archive_url`), for this session."""


def camera_source(camera: Camera, main: bool, logins: Logins | None = None) -> FeedSource | None:
    """The camera's live stream: the main stream for an enlarged tile, the sub-stream for the grid (with the
    camera's login when it needs one)."""
    main_url = (logins or {}).get("main_url") or camera.main_url
    sub_url = (logins or {}).get("sub_url") or camera.sub_url
    url = (main_url or sub_url) if main else (sub_url or main_url)
    return FeedSource(url, camera.name, playback=False, decode_threads=0 if main else 1) if url else None


def archive_source(
    camera: Camera, start: datetime, end: datetime, loop: bool = False, label: str = "", logins: Logins | None = None
) -> FeedSource | None:
    """The camera's recording between two times (`archive_url?start=&end=` → MP4)."""
    archive_url = (logins or {}).get("archive_url") or camera.archive_url
    if not archive_url:
        return None
    sep = "&" if "?" in archive_url else "?"
    query = urlencode({"start": start.isoformat(), "end": end.isoformat()})
    label = label or tr("{name} — recording", name=camera.name)
    return FeedSource(
        f"{archive_url}{sep}{query}",
        label,
        playback=True,
        start_time=start,
        loop=loop,
        missing=tr("no recording for this time"),
    )
