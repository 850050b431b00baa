"""Chunked, resumable uploads: a file comes in pieces (`PUT` with `Content-Range`), each written whole or not at
all, so a phone whose network drops asks where it stopped (`GET`) and goes on from there. The offset is the part
file's size on disk: it survives a restart of dispatchd."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dispatchd.citizen.content_range import ChunkRange
from dispatchd.media_check import refusal
from dispatchd.media_store import size_text
from dispatchd.problems import Problem

UPLOAD = "upload"
MAX_CHUNK = 8 << 20
"""A chunk's largest size (the command-body limit of `http_guard`); the page sends 1 MB."""


@dataclass(frozen=True, slots=True)
class Outcome:
    offset: int
    complete: bool


class PartFiles:
    """The part files under `data_dir/uploads/`, one per upload id."""

    def __init__(self, root: Path) -> None:
        self._root = root
        root.mkdir(parents=True, exist_ok=True)

    def path(self, upload_id: str) -> Path:
        return self._root / f"{upload_id}.part"

    def offset(self, upload_id: str) -> int:
        try:
            return self.path(upload_id).stat().st_size
        except FileNotFoundError:
            return 0

    def append(self, upload: dict[str, Any], chunk: ChunkRange, data: bytes) -> Outcome:
        """Write one chunk at the end of the part; a chunk that is not where the part ends is refused (409, the
        offset in the problem's `offset`) and writes nothing. Blocking: run it in a worker thread."""
        if chunk.total != upload["size"]:
            raise Problem(422, "Invalid request", f"This upload is {upload['size']} bytes, not {chunk.total}.")
        if len(data) != chunk.length:
            raise Problem(422, "Invalid request", f"The chunk has {len(data)} bytes; its range says {chunk.length}.")
        if chunk.length > MAX_CHUNK:
            raise Problem(413, "Too large", f"A chunk is at most {size_text(MAX_CHUNK)}.")
        offset = self.offset(upload["id"])
        if chunk.start != offset:
            raise Problem(409, "Wrong offset", f"This upload has {offset} bytes: send from there.", offset=offset)
        if offset == 0 and (why := refusal(upload["kind"], data[:64])):
            raise Problem(415, "Not accepted", why)
        with self.path(upload["id"]).open("ab") as part:
            part.write(data)
            part.flush()
            os.fsync(part.fileno())
        return Outcome(offset + len(data), offset + len(data) == upload["size"])

    def drop(self, upload_id: str) -> None:
        self.path(upload_id).unlink(missing_ok=True)

    def prune(self, before: float) -> int:
        """Drop the parts last written before `before` (epoch seconds): uploads a phone gave up on."""
        dropped = 0
        for part in self._root.glob("*.part"):
            try:
                if part.stat().st_mtime < before:
                    part.unlink()
                    dropped += 1
            except FileNotFoundError:
                continue
        return dropped


def new_upload(incident_id: str, owner: str, source: str, body: dict[str, Any], limit: int, now: str) -> dict[str, Any]:
    """The record of an upload about to start (refused at once when larger than its kind's limit)."""
    if body["size"] > limit:
        raise Problem(413, "Too large", f"This file is larger than {size_text(limit)}: not accepted.")
    location = None
    if body.get("lat") is not None and body.get("lon") is not None:
        location = {"lat": body["lat"], "lon": body["lon"]}
        if body.get("accuracy_m") is not None:
            location["uncertainty_m"] = body["accuracy_m"]
    return {
        "id": secrets.token_urlsafe(16),
        "incident_id": incident_id,
        "owner": owner,
        "source": source,
        "kind": body["kind"],
        "size": body["size"],
        "name": body.get("name"),
        "captured_at": body.get("captured_at"),
        "location": location,
        "created_at": now,
        "media_id": None,
    }
