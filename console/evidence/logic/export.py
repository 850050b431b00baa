"""Export a tagged clip as evidence: the MP4 from the backend, and a manifest anyone can check.

Runs on the asyncio loop; the download streams to disk and the hashing runs in a thread, so the GUI never
waits. Cancelled (the task), it leaves nothing half-written behind.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console import __version__
from console.backend.client import DispatchClient
from console.backend.errors import BackendError
from console.backend.queries import Queries
from console.domain.clip_range import ClipRange
from console.domain.model import Bookmark, Incident
from console.domain.timefmt import format_utc
from console.evidence.logic.manifest import MANIFEST, MANIFEST_HASH, write_manifest
from console.i18n import tr

CLIP_FILE = "clip.mp4"


class ExportRefused(ValueError):
    """The export cannot start, with the reason in words."""


def describe(
    bookmark: Bookmark, incident: Incident, source_name: str, exported_by: str, exported_at: datetime
) -> dict[str, Any]:
    """What the manifest says besides the files' hashes."""
    start, end = ClipRange(bookmark.start, bookmark.end).rfc3339()
    source_kind = "camera" if bookmark.camera_id else "media"
    lock = bookmark.lock
    return {
        "bookmark": {"id": bookmark.id, "labels": list(bookmark.labels), "note": bookmark.note},
        "incident": {"id": incident.id, "number": incident.number, "type": incident.type_text},
        source_kind: {"id": bookmark.camera_id or bookmark.media_id, "name": source_name},
        "start": start,
        "end": end,
        "tagged_by": bookmark.created_by,
        "evidence_lock": {"by": lock.by, "at": format_utc(lock.at), "reason": lock.reason} if lock else None,
        "exported_by": exported_by,
        "exported_at": format_utc(exported_at),
        "software": f"command-console {__version__}",  # i18n: not shown (manifest)
    }


async def export_clip(
    client: DispatchClient,
    bookmark: Bookmark,
    incident: Incident,
    source_name: str,
    exported_by: str,
    folder: Path,
    on_progress: Callable[[int], None] = lambda _n: None,
) -> str:
    """Write the clip and its manifest into `folder` (new or empty); returns the manifest's sha256."""
    if await asyncio.to_thread(lambda: folder.exists() and any(folder.iterdir())):
        raise ExportRefused(tr("{folder} is not empty: export into a new or empty folder.", folder=folder))
    await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
    clip = folder / CLIP_FILE
    try:
        await client.download_to(f"/bookmarks/{bookmark.id}/export", clip, on_progress)
        description = describe(bookmark, incident, source_name, exported_by, datetime.now(UTC))
        return await asyncio.to_thread(write_manifest, folder, [clip], description)
    except BaseException:
        for name in (CLIP_FILE, MANIFEST, MANIFEST_HASH):  # a few unlinks, even when cancelled
            with contextlib.suppress(OSError):
                (folder / name).unlink()
        raise


def export_bookmark(
    queries: Queries,
    bookmark: Bookmark,
    incident: Incident,
    source_name: str,
    folder: Path,
    on_progress: Callable[[int], None],
    done: Callable[[str], None],
) -> asyncio.Task[None] | None:
    """Export a clip as evidence into `folder` on the console's loop; `done` gets the manifest's sha256. Cancel
    the task to stop. None when the console is not connected yet."""

    async def call(client: DispatchClient) -> str:
        user = client.session.username if client.session else ""
        try:
            return await export_clip(client, bookmark, incident, source_name, user, folder, on_progress)
        except ExportRefused as exc:
            raise BackendError(str(exc)) from exc

    return queries.run(tr("export the clip"), call, done)
