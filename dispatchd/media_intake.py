"""A media file taken in: its kind checked from its own header, its size limited, videos probed, photos' EXIF
read; then the media item as it is stored. Shared by the API's upload and the citizens' chunked uploads."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from dispatchd import exif
from dispatchd.clock import utc_now
from dispatchd.media_check import FileType, identify, refusal, safe_name
from dispatchd.media_probe import video_problem
from dispatchd.media_store import MediaStore
from dispatchd.problems import Problem

EXIF_BYTES = 128 * 1024  # a JPEG's Exif segment is at most 64 kB, and comes first


@dataclass(frozen=True, slots=True)
class SavedFile:
    sha256: str
    size: int
    mime_type: str
    name: str
    exif: dict[str, Any] | None


def save_checked(store: MediaStore, kind: str, source: BinaryIO, limit: int, sent_name: str | None) -> SavedFile:
    """Store a photo, video or sound after its checks (415 or 413 Problem, and nothing kept, when refused).
    Blocking: run it in a worker thread."""
    found: list[FileType] = []

    def check_head(head: bytes) -> None:
        if why := refusal(kind, head):
            raise Problem(415, "Not accepted", why)
        file_type = identify(head)
        assert file_type is not None
        found.append(file_type)

    def check_file(path: Path) -> None:
        if kind == "video" and (why := video_problem(path)):
            raise Problem(415, "Not accepted", why)

    sha, size = store.save(source, limit, check_head, check_file)
    if not found:
        raise Problem(422, "Invalid request", f"The {kind} file is empty.")
    facts = photo_facts(store.path_of(sha)) if kind == "photo" else None
    return SavedFile(sha, size, found[0].mime, safe_name(sent_name, found[0], kind), facts)


def save_text(store: MediaStore, text: str, limit: int) -> SavedFile:
    """A text message kept as a file like any item (its hash is the evidence). Blocking."""
    sha, size = store.save(io.BytesIO(text.encode()), limit)
    return SavedFile(sha, size, "text/plain; charset=utf-8", "message.txt", None)


def photo_facts(path: Path) -> dict[str, Any] | None:
    """The EXIF time and position of a stored photo (read, never written: the original's hash is the evidence)."""
    with path.open("rb") as stored:
        facts = exif.read(stored.read(EXIF_BYTES))
    if facts.taken_at is None and facts.lat is None:
        return None
    taken = facts.taken_at.isoformat() if facts.taken_at else None
    return {"taken_at": taken, "lat": facts.lat, "lon": facts.lon}


def media_item(
    incident_id: str,
    kind: str,
    saved: SavedFile,
    source: str,
    captured_at: str | None,
    location: dict[str, Any] | None,
    text: str | None = None,
) -> dict[str, Any]:
    """The media item as storage keeps it and `media.added` carries it."""
    return {
        "id": str(uuid.uuid4()),
        "incident_id": incident_id,
        "kind": kind,
        "mime_type": saved.mime_type,
        "name": saved.name,
        "size": saved.size,
        "sha256": saved.sha256,
        "source": source,
        "captured_at": captured_at,
        "received_at": utc_now(),
        "location": location,
        "text": text,
        "exif": saved.exif,
    }
