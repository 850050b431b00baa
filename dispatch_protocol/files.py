"""The sha256 the contract carries for files (media, clips, the base map), computed the same way on both sides,
and a camera's stream address with its login in it."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit


def sha256_of(path: Path) -> str:
    """The file's sha256, read a megabyte at a time (a base map may weigh gigabytes)."""
    digest = hashlib.sha256()
    with path.open("rb") as source:
        for chunk in iter(lambda: source.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def with_login(url: str, username: str, password: str) -> str:
    """`rtsp://host/x` → `rtsp://user:pass@host/x`, the login quoted (a password may hold `@` or `:`)."""
    parts = urlsplit(url)
    netloc = f"{quote(username, safe='')}:{quote(password, safe='')}@{parts.hostname or ''}"
    if parts.port is not None:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
