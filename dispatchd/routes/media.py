"""Cameras and media: camera list, multipart upload attached to an incident, content with Range."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse
from starlette.concurrency import run_in_threadpool

from dispatchd import audit
from dispatchd.auth import Principal
from dispatchd.context import AppContext, CommandDep, CtxDep, PrincipalDep
from dispatchd.media_check import safe_name, text_refusal
from dispatchd.media_intake import media_item, save_checked, save_text
from dispatchd.problems import Problem, not_found
from dispatchd.service import CAMERA, MEDIA

router = APIRouter(prefix="/api/v1", tags=["cameras", "media"])

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
    if kind == "text":
        if not text:
            raise Problem(422, "Invalid request", "A text message needs its text.")
        if why := text_refusal(text):
            raise Problem(415, "Not accepted", why)
        saved = await run_in_threadpool(save_text, ctx.media, text, limit)
    else:
        if file is None:
            raise Problem(422, "Invalid request", f"A {kind} needs its file.")
        saved = await run_in_threadpool(save_checked, ctx.media, kind, file.file, limit, file.filename)
    location = {"lat": lat, "lon": lon} if lat is not None and lon is not None else None
    media = media_item(incident_id, kind, saved, source, captured_at, location, text if kind == "text" else None)
    sha = saved.sha256
    body = {"sha256": sha, "kind": kind, "incident_id": incident_id, "captured_at": captured_at}
    return await run_in_threadpool(
        ctx.run_command,
        request,
        principal,
        body,
        lambda tx: ctx.service.add_media(tx, principal.username, media),
        201,
    )


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
