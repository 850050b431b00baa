"""Cameras and media: camera list, multipart upload attached to an incident, content with Range."""

from __future__ import annotations

import io
import uuid
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse
from starlette.concurrency import run_in_threadpool

from dispatchd import audit, exif
from dispatchd.auth import Principal
from dispatchd.clock import utc_now
from dispatchd.context import AppContext, CommandDep, CtxDep, PrincipalDep
from dispatchd.media_check import FileType, identify, refusal, safe_name, text_refusal
from dispatchd.media_probe import video_problem
from dispatchd.problems import Problem, not_found
from dispatchd.service import CAMERA, MEDIA

router = APIRouter(prefix="/api/v1", tags=["cameras", "media"])

EXIF_BYTES = 128 * 1024  # a JPEG's Exif segment is at most 64 kB, and comes first
MEDIA_KINDS = {"photo", "video", "audio", "text"}
MEDIA_SOURCES = {"citizen", "officer", "social", "vms"}


@router.get("/cameras")
def list_cameras(ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> list[dict[str, Any]]:
    with ctx.storage.read() as tx:
        return tx.list(CAMERA)


@router.get("/cameras/{camera_id}")
def get_camera(camera_id: str, ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> dict[str, Any]:
    with ctx.storage.read() as tx:
        camera = tx.get(CAMERA, camera_id)
    if camera is None:
        raise not_found("camera", camera_id)
    return camera


@router.post("/incidents/{incident_id}/media", status_code=201)
async def upload_media(
    incident_id: str,
    request: Request,
    kind: Literal["photo", "video", "audio", "text"] = Form(...),
    source: Literal["citizen", "officer", "social", "vms"] = Form("citizen"),
    captured_at: str | None = Form(None),
    text: str | None = Form(None),
    lat: float | None = Form(None),
    lon: float | None = Form(None),
    file: UploadFile | None = File(None),
    ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> JSONResponse:
    if kind not in MEDIA_KINDS:
        raise Problem(422, "Invalid request", f"kind must be one of {', '.join(sorted(MEDIA_KINDS))}.")
    if source not in MEDIA_SOURCES:
        raise Problem(422, "Invalid request", f"source must be one of {', '.join(sorted(MEDIA_SOURCES))}.")
    limit = dict(ctx.config.upload_limits).get(kind, ctx.config.max_upload_bytes)
    facts: dict[str, Any] | None = None
    if kind == "text":
        if not text:
            raise Problem(422, "Invalid request", "A text message needs its text.")
        if why := text_refusal(text):
            raise Problem(415, "Not accepted", why)
        sha, size = await run_in_threadpool(ctx.media.save, io.BytesIO(text.encode()), limit)
        mime, name = "text/plain; charset=utf-8", "message.txt"
    else:
        if file is None:
            raise Problem(422, "Invalid request", f"A {kind} needs its file.")
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

        sha, size = await run_in_threadpool(ctx.media.save, file.file, limit, check_head, check_file)
        if not found:
            raise Problem(422, "Invalid request", f"The {kind} file is empty.")
        mime, name = found[0].mime, safe_name(file.filename, found[0], kind)
        if kind == "photo":
            facts = await run_in_threadpool(_photo_facts, ctx.media.path_of(sha))
    media = {
        "id": str(uuid.uuid4()),
        "incident_id": incident_id,
        "kind": kind,
        "mime_type": mime,
        "name": name,
        "size": size,
        "sha256": sha,
        "source": source,
        "captured_at": captured_at,
        "received_at": utc_now(),
        "location": {"lat": lat, "lon": lon} if lat is not None and lon is not None else None,
        "text": text if kind == "text" else None,
        "exif": facts,
    }
    body = {"sha256": sha, "kind": kind, "incident_id": incident_id, "captured_at": captured_at}
    return await run_in_threadpool(
        ctx.run_command,
        request,
        principal,
        body,
        lambda tx: ctx.service.add_media(tx, principal.username, media),
        201,
    )


def _photo_facts(path: Path) -> dict[str, Any] | None:
    """The EXIF time and position of a stored photo (read, never written: the original's hash is the evidence)."""
    with path.open("rb") as stored:
        facts = exif.read(stored.read(EXIF_BYTES))
    if facts.taken_at is None and facts.lat is None:
        return None
    taken = facts.taken_at.isoformat() if facts.taken_at else None
    return {"taken_at": taken, "lat": facts.lat, "lon": facts.lon}


@router.get("/media/{media_id}")
def get_media(media_id: str, ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> dict[str, Any]:
    with ctx.storage.read() as tx:
        media = tx.get(MEDIA, media_id)
    if media is None:
        raise not_found("media item", media_id)
    return media


@router.get("/media/{media_id}/content")
def media_content(
    media_id: str, request: Request, ctx: AppContext = CtxDep, principal: Principal = PrincipalDep
) -> FileResponse:
    """The file itself; Range requests are answered with 206 (video players seek with them). Every read is in
    the audit trail (who saw which evidence, when), a video player's range requests counted once."""
    media = get_media(media_id, ctx, principal)
    path = ctx.media.path_of(media["sha256"])
    if not path.exists():
        raise Problem(410, "Gone", f"The content of media {media_id} is no longer stored.")
    asked = request.headers.get("range", "").replace(" ", "")
    if not asked or asked.startswith("bytes=0-"):  # a whole read, or a player's first request
        with ctx.storage.transaction() as tx:
            audit.record(tx, principal.username, "read", entity_type="media", entity_id=media_id,
                         incident_id=media["incident_id"], sha256=media["sha256"])  # fmt: skip
    return FileResponse(path, media_type=media["mime_type"], filename=safe_name(media["name"], None, "media"))
