"""Bookmarks: clips tagged to incidents, the evidence lock, and the audit trail."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse

from dispatch_protocol.commands import BookmarkCreate, BookmarkLock, BookmarkUpdate
from dispatchd import evidence
from dispatchd.auth import Principal
from dispatchd.clock import parse_utc
from dispatchd.context import AppContext, AuditDep, CommandDep, CtxDep, PrincipalDep
from dispatchd.problems import Problem
from dispatchd.service import CAMERA, MEDIA

router = APIRouter(prefix="/api/v1", tags=["bookmarks"])


@router.get("/bookmarks")
def list_bookmarks(
    incident_id: str | None = None,
    camera_id: str | None = None,
    label: str | None = None,
    created_by: str | None = None,
    ctx: AppContext = CtxDep,
    _: Principal = PrincipalDep,
) -> list[dict[str, Any]]:
    with ctx.storage.read() as tx:
        bookmarks = tx.list(evidence.BOOKMARK)
    return [
        b
        for b in sorted(bookmarks, key=lambda b: (b["start"], b["id"]))
        if (incident_id is None or b["incident_id"] == incident_id)
        and (camera_id is None or b["camera_id"] == camera_id)
        and (label is None or label in b["labels"])
        and (created_by is None or b["created_by"] == created_by)
    ]


@router.post("/bookmarks", status_code=201)
def create_bookmark(
    body: BookmarkCreate, request: Request, ctx: AppContext = CtxDep, principal: Principal = CommandDep
) -> JSONResponse:
    return ctx.run_command(
        request,
        principal,
        body.model_dump(),
        lambda tx: evidence.create_bookmark(tx, principal.username, body.model_dump()),
        status=201,
    )


@router.get("/bookmarks/{bookmark_id}")
def get_bookmark(bookmark_id: str, ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> dict[str, Any]:
    with ctx.storage.read() as tx:
        return evidence.get_bookmark(tx, bookmark_id)


@router.patch("/bookmarks/{bookmark_id}")
def update_bookmark(
    bookmark_id: str,
    body: BookmarkUpdate,
    request: Request,
    ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> JSONResponse:
    changes = body.model_dump()
    return ctx.run_command(
        request, principal, changes, lambda tx: evidence.update_bookmark(tx, principal.username, bookmark_id, changes)
    )


@router.delete("/bookmarks/{bookmark_id}")
def delete_bookmark(
    bookmark_id: str, request: Request, ctx: AppContext = CtxDep, principal: Principal = CommandDep
) -> JSONResponse:
    return ctx.run_command(
        request, principal, {}, lambda tx: evidence.delete_bookmark(tx, principal.username, bookmark_id)
    )


@router.post("/bookmarks/{bookmark_id}/lock")
def lock_bookmark(
    bookmark_id: str,
    body: BookmarkLock,
    request: Request,
    ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> JSONResponse:
    return ctx.run_command(
        request,
        principal,
        body.model_dump(),
        lambda tx: evidence.lock_bookmark(tx, principal.username, bookmark_id, body.reason),
    )


@router.get("/bookmarks/{bookmark_id}/export")
async def export_bookmark(
    bookmark_id: str, ctx: AppContext = CtxDep, principal: Principal = PrincipalDep
) -> StreamingResponse:
    """The clip as MP4: the camera's recording of the window (from its `archive_url`) or the tagged video.
    Every export is written in the audit trail."""
    with ctx.storage.read() as tx:
        bookmark = evidence.get_bookmark(tx, bookmark_id)
        camera = tx.get(CAMERA, bookmark["camera_id"]) if bookmark["camera_id"] else None
        media = tx.get(MEDIA, bookmark["media_id"]) if bookmark["media_id"] else None
    if camera is not None:
        if not camera.get("archive_url"):
            raise Problem(409, "No recording", f"Camera {camera['name']} keeps no recording to export.")
        source = f"{camera['archive_url']}?{urlencode({'start': bookmark['start'], 'end': bookmark['end']})}"
        chunks = _relay(source)
        first = await anext(chunks)  # fail here, with a problem, rather than after the headers
    elif media is not None:
        path = ctx.media.path_of(media["sha256"])
        filmed = parse_utc(media.get("captured_at") or media["received_at"])
        offset = max(0.0, (parse_utc(bookmark["start"]) - filmed).total_seconds())
        length = (parse_utc(bookmark["end"]) - parse_utc(bookmark["start"])).total_seconds()
        chunks = _cut(path, offset, length)
        first = await anext(chunks)
    else:
        raise Problem(409, "Nothing to export", "The bookmarked camera or video no longer exists.")
    with ctx.storage.transaction() as tx:
        evidence.audit(tx, principal.username, "export", bookmark_id, {"incident_id": bookmark["incident_id"]})

    async def body() -> AsyncIterator[bytes]:
        if first:
            yield first
        async for chunk in chunks:
            yield chunk

    name = f"clip-{bookmark_id}.mp4"
    return StreamingResponse(
        body(), media_type="video/mp4", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


async def _relay(url: str) -> AsyncIterator[bytes]:
    async with httpx.AsyncClient(timeout=httpx.Timeout(30.0)) as http, http.stream("GET", url) as answer:
        if answer.status_code != 200:
            detail = (await answer.aread()).decode(errors="replace")[:300]
            raise Problem(502, "Recording unavailable", f"The camera's recording could not be read: {detail}")
        async for chunk in answer.aiter_bytes():
            yield chunk


async def _cut(path: Path, offset_s: float, length_s: float) -> AsyncIterator[bytes]:
    """The tagged stretch of an uploaded video (its times counted from when it was filmed), re-encoded to
    H.264 in fragmented MP4 by Debian's ffmpeg so that it starts exactly at the tagged frame."""
    process = await asyncio.create_subprocess_exec(
        *("ffmpeg", "-v", "error", "-ss", f"{offset_s:.3f}", "-t", f"{length_s:.3f}", "-i", str(path)),
        *("-an", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"),
        *("-movflags", "frag_keyframe+empty_moov+default_base_moof", "-f", "mp4", "-"),
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None
    try:
        while chunk := await process.stdout.read(1 << 16):
            yield chunk
    finally:
        if process.returncode is None:
            process.kill()
        await process.wait()


@router.get("/audit")
def audit_trail(
    bookmark_id: str | None = None,
    entity_type: str | None = None,
    ctx: AppContext = CtxDep,
    principal: Principal = AuditDep,
) -> list[dict[str, Any]]:
    """Who tagged, locked, changed or exported which clip, and who changed the centre's reference data (units,
    cameras, sectors, incident types), when (supervisors and admins). `entity_type`: `bookmark`, `unit`…"""
    with ctx.storage.read() as tx:
        entries = tx.list(evidence.AUDIT)

    def kind(entry: dict[str, Any]) -> str:
        return str(entry.get("entity_type") or ("bookmark" if "bookmark_id" in entry else ""))

    chosen = (
        e
        for e in entries
        if (bookmark_id is None or e.get("bookmark_id") == bookmark_id)
        and (entity_type is None or kind(e) == entity_type)
    )
    return sorted(chosen, key=lambda e: (e["at"], e.get("n", 0), e["id"]))  # n: the chain's order
