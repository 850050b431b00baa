"""The citizens' page and what it sends through a link (no login, no cookie), and the same for a field officer
logged in on the field page. A link grants uploads to its incident only: nothing of the incident is read back.

    GET  /c/{link}                   the page (its own CSP: scripts and styles from here only)
    GET  /c/{link}/status            open, or 404/410 with `state` (unknown, expired, revoked)
    POST /c/{link}/position          the phone's position and its accuracy
    POST /c/{link}/messages          a text
    POST /c/{link}/uploads           a file about to come in chunks → its upload id
    PUT  /c/{link}/uploads/{id}      one chunk (`Content-Range: bytes START-END/TOTAL`)
    GET  /c/{link}/uploads/{id}      where it stands (the offset to resume from)
    POST /c/{link}/live              a WebRTC offer → the answer
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from dispatch_protocol.commands import CallerMessage, CallerPositionIn, LiveOffer, UploadStart
from dispatchd.citizen.content_range import parse_content_range
from dispatchd.citizen.page import PAGE_HEADERS, asset_path, page_path
from dispatchd.context import AppContext, CtxDep
from dispatchd.media_check import text_refusal
from dispatchd.problems import Problem

router = APIRouter(tags=["citizens' page"])
CHUNK_BYTES = 1 << 20


@router.get("/c/{link}", include_in_schema=False)
def page(link: str) -> FileResponse:
    return FileResponse(page_path("citizen"), media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)


@router.get("/field", include_in_schema=False)
def field_page() -> FileResponse:
    return FileResponse(page_path("field"), media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)


@router.get("/citizen-page/{name}", include_in_schema=False)
def asset(name: str) -> FileResponse:
    path, media_type = asset_path(name)
    return FileResponse(path, media_type=media_type, headers={**PAGE_HEADERS, "Cache-Control": "no-cache"})


def _invite(ctx: AppContext, link: str, limited: bool = True) -> dict[str, Any]:
    """The link's invite, if open; each request counts against the link's rate, but a chunk of an upload already
    started (its size declared, and counted against the link's bytes, at its start)."""
    invite = ctx.citizens.invite_for(link)
    if limited:
        ctx.citizens.limit(invite["ref"])
    return invite


@router.get("/c/{link}/status")
def link_status(link: str, ctx: AppContext = CtxDep) -> dict[str, Any]:
    invite = _invite(ctx, link)
    return {"state": "open", "expires_at": invite["expires_at"], "chunk_bytes": CHUNK_BYTES}


@router.post("/c/{link}/position")
async def caller_position(link: str, body: CallerPositionIn, ctx: AppContext = CtxDep) -> dict[str, Any]:
    invite = _invite(ctx, link)
    await run_in_threadpool(ctx.citizens.position, invite, body.model_dump())
    return {"ok": True}


@router.post("/c/{link}/messages", status_code=201)
async def caller_message(link: str, body: CallerMessage, ctx: AppContext = CtxDep) -> dict[str, Any]:
    invite = _invite(ctx, link)
    if why := text_refusal(body.text):
        raise Problem(415, "Not accepted", why)
    actor = f"caller:{invite['ref']}"
    await run_in_threadpool(ctx.citizens.message, invite["incident_id"], actor, "citizen", body.text, invite)
    return {"ok": True}


@router.post("/c/{link}/uploads", status_code=201)
async def caller_upload_start(link: str, body: UploadStart, ctx: AppContext = CtxDep) -> dict[str, Any]:
    invite = _invite(ctx, link)
    fields = body.model_dump(mode="json")
    return await run_in_threadpool(
        ctx.citizens.start_upload, invite["incident_id"], f"invite:{invite['ref']}", "citizen", fields, invite
    )


@router.get("/c/{link}/uploads/{upload_id}")
def caller_upload_status(link: str, upload_id: str, ctx: AppContext = CtxDep) -> dict[str, Any]:
    invite = _invite(ctx, link, limited=False)
    return ctx.citizens.status(ctx.citizens.upload_of(upload_id, f"invite:{invite['ref']}"))


@router.put("/c/{link}/uploads/{upload_id}")
async def caller_chunk(link: str, upload_id: str, request: Request, ctx: AppContext = CtxDep) -> JSONResponse:
    invite = _invite(ctx, link, limited=False)
    upload = ctx.citizens.upload_of(upload_id, f"invite:{invite['ref']}")
    result = await put_chunk(ctx, request, upload, f"caller:{invite['ref']}")
    if result["media_id"] and result.get("new"):
        await run_in_threadpool(ctx.citizens.used, invite)
    return JSONResponse({k: v for k, v in result.items() if k != "new"})


async def put_chunk(ctx: AppContext, request: Request, upload: dict[str, Any], actor: str) -> dict[str, Any]:
    """One chunk of an upload, from its Content-Range; the whole body is read before anything is written (a
    chunk cut by the network writes nothing, and the phone sends it again)."""
    try:
        chunk = parse_content_range(request.headers.get("content-range"))
    except ValueError as error:
        raise Problem(422, "Invalid request", str(error)) from error
    data = await request.body()
    done_before = bool(upload["media_id"])
    result = await run_in_threadpool(ctx.citizens.put_chunk, upload, actor, chunk, data)
    return {**result, "new": bool(result["media_id"]) and not done_before}


@router.post("/c/{link}/live")
async def caller_live(link: str, body: LiveOffer, ctx: AppContext = CtxDep) -> Response:
    invite = _invite(ctx, link)
    answer = await ctx.citizens.go_live(invite["incident_id"], body.sdp, f"caller:{invite['ref']}")
    await run_in_threadpool(ctx.citizens.used, invite)
    return JSONResponse({"sdp": answer, "type": "answer"})
