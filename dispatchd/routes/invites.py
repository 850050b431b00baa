"""Operators' side of the citizens' channel: a link for a caller (sent by SMS where the centre has a gateway),
revoked; a caller's live video kept with the incident. And the field officers' uploads, with their token.

    POST /api/v1/incidents/{id}/invites          a link → {ref, url, expires_at, sent_by, sms_problem}
    POST /api/v1/invites/{ref}/revoke
    POST /api/v1/live/{camera_id}/keep           keep the live video's recording with the incident
    GET  /api/v1/live/{camera_id}/stream.mjpg    the live pictures (the key from GET /cameras/{id}/streams)
    GET  /api/v1/field/incidents                 a field officer's incidents (their unit's)
    POST|PUT|GET /api/v1/field/incidents/{id}/uploads[/{upload_id}], POST …/messages
"""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from dispatch_protocol.commands import CallerInviteCreate, CallerMessage, UploadStart
from dispatchd.auth import COMMAND_ROLES, Principal, Role
from dispatchd.citizen import invites
from dispatchd.citizen.links import masked, page_url, public
from dispatchd.citizen.live import BOUNDARY
from dispatchd.citizen.sms import SmsFailed, message
from dispatchd.context import AppContext, CommandDep, CtxDep, FieldDep
from dispatchd.media_check import text_refusal
from dispatchd.problems import Problem, not_found
from dispatchd.reference import CAMERA_SECRET
from dispatchd.routes.citizen import put_chunk
from dispatchd.service import INCIDENT, UNIT

router = APIRouter(prefix="/api/v1", tags=["citizens' media"])


@router.post("/incidents/{incident_id}/invites", status_code=201)
async def create_invite(
    incident_id: str, body: CallerInviteCreate, request: Request, ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> dict[str, Any]:  # fmt: skip
    """A one-time link for this incident's caller; with a number and `send`, handed to the SMS gateway. The
    answer is the only place the link appears (storage keeps its hash)."""
    desk = ctx.citizens
    valid = desk.invite_valid(body.valid_minutes)

    def make() -> tuple[dict[str, Any], str, str]:
        with ctx.storage.transaction() as tx:
            invite, link = invites.create(tx, ctx.service, principal.username, incident_id, body.number, valid,
                                          desk.clock())  # fmt: skip
            number = (tx.get(INCIDENT, incident_id) or {}).get("number") or incident_id
        ctx.bus.notify()
        return invite, link, str(number)

    invite, link, number = await run_in_threadpool(make)
    url = page_url(ctx.config.public_url or str(request.base_url), link)
    sent_by, problem = "", None
    if body.number and body.send:
        until = invite["expires_at"][11:16]
        try:
            sent_by = await desk.sms.send(body.number, message(body.language, number, url, until))
        except SmsFailed as failed:
            problem = str(failed)
        if sent_by:
            invite = await run_in_threadpool(lambda: _sent(ctx, principal.username, invite["ref"], sent_by))
    return {**public(invite), "url": url, "sms_problem": problem, "number_shown": masked(body.number)}


def _sent(ctx: AppContext, actor: str, ref: str, how: str) -> dict[str, Any]:
    with ctx.storage.transaction() as tx:
        invite = invites.sent(tx, actor, ref, how)
    ctx.bus.notify()
    return invite


@router.post("/invites/{ref}/revoke")
def revoke_invite(ref: str, ctx: AppContext = CtxDep, principal: Principal = CommandDep) -> dict[str, Any]:
    with ctx.storage.transaction() as tx:
        invite = invites.revoke(tx, principal.username, ref, ctx.citizens.clock())
    ctx.bus.notify()
    return public(invite)


@router.post("/live/{camera_id}/keep")
def keep_live(camera_id: str, ctx: AppContext = CtxDep, principal: Principal = CommandDep) -> dict[str, Any]:
    """Keep this live video's recording with its incident (stored, hashed, when the stream ends)."""
    if not ctx.citizens.keep_recording(camera_id, principal.username):
        raise Problem(409, "Not live", "This live video has ended (or is held by another dispatchd instance).")
    return {"kept": True, "camera_id": camera_id}


@router.get("/live/{camera_id}/stream.mjpg", include_in_schema=False)
def live_stream(camera_id: str, key: str = "", ctx: AppContext = CtxDep) -> StreamingResponse:
    """The newest pictures of a live video (the wall reads it like an MJPEG camera). Its key stands for a token:
    video decoders send no header; consoles get it with the address from `GET /cameras/{id}/streams`."""
    with ctx.storage.read() as tx:
        secret = tx.get(CAMERA_SECRET, camera_id) or {}
    source = ctx.citizens.live.get(camera_id)
    if not secret.get("key") or not secrets.compare_digest(str(secret["key"]), key):
        raise Problem(403, "Not allowed", "This stream needs its key (from GET /cameras/{id}/streams).")
    if source is None:
        raise Problem(404, "Not live", "This live video has ended.")
    return StreamingResponse(
        ctx.citizens.live.stream(source),
        media_type=f"multipart/x-mixed-replace; boundary={BOUNDARY}",
        headers={"Cache-Control": "no-store"},
    )


# --- field officers ---------------------------------------------------------------------------------------
def _field_incidents(ctx: AppContext, principal: Principal) -> list[dict[str, Any]]:
    """The open incidents a field officer may send to: those of the units whose field account this is (any
    open incident for the roles that run operations)."""
    with ctx.storage.read() as tx:
        if principal.role in COMMAND_ROLES:
            return [i for i in tx.find(INCIDENT, "status", ["new", "active"])]
        units = [u for u in tx.list(UNIT) if u.get("field_account") == principal.username]
        ids = {u["incident_id"] for u in units if u.get("incident_id")}
        return [i for i in (tx.get(INCIDENT, x) for x in ids) if i and i["status"] in ("new", "active")]


def _field_incident(ctx: AppContext, principal: Principal, incident_id: str) -> None:
    """An incident the officer may send to: 404 when there is none, 409 closed, 403 not their unit's."""
    with ctx.storage.read() as tx:
        incident = tx.get(INCIDENT, incident_id)
    if incident is None:
        raise not_found("incident", incident_id)
    if incident["status"] not in ("new", "active"):
        raise Problem(409, "Incident closed", f"Incident {incident.get('number')} is closed.")
    if principal.role == Role.FIELD and not any(i["id"] == incident_id for i in _field_incidents(ctx, principal)):
        raise Problem(403, "Not allowed", "Your unit is not assigned to this incident.")


@router.get("/field/incidents")
def field_incidents(ctx: AppContext = CtxDep, principal: Principal = FieldDep) -> list[dict[str, Any]]:
    return [{"id": i["id"], "number": i.get("number"), "type_text": i.get("type_text") or i.get("type_code"),
             "address": (i.get("location") or {}).get("address_text")}
            for i in _field_incidents(ctx, principal)]  # fmt: skip


@router.post("/field/incidents/{incident_id}/uploads", status_code=201)
async def field_upload_start(
    incident_id: str, body: UploadStart, ctx: AppContext = CtxDep, principal: Principal = FieldDep
) -> dict[str, Any]:
    _field_incident(ctx, principal, incident_id)
    fields = body.model_dump(mode="json")
    return await run_in_threadpool(
        ctx.citizens.start_upload, incident_id, f"user:{principal.username}", "officer", fields
    )


@router.get("/field/incidents/{incident_id}/uploads/{upload_id}")
def field_upload_status(
    incident_id: str, upload_id: str, ctx: AppContext = CtxDep, principal: Principal = FieldDep
) -> dict[str, Any]:
    return ctx.citizens.status(ctx.citizens.upload_of(upload_id, f"user:{principal.username}"))


@router.put("/field/incidents/{incident_id}/uploads/{upload_id}")
async def field_chunk(
    incident_id: str, upload_id: str, request: Request, ctx: AppContext = CtxDep, principal: Principal = FieldDep
) -> JSONResponse:
    upload = ctx.citizens.upload_of(upload_id, f"user:{principal.username}")
    if upload["incident_id"] != incident_id:
        raise not_found("upload", upload_id)
    result = await put_chunk(ctx, request, upload, principal.username)
    return JSONResponse({k: v for k, v in result.items() if k != "new"})


@router.post("/field/incidents/{incident_id}/messages", status_code=201)
async def field_message(
    incident_id: str, body: CallerMessage, ctx: AppContext = CtxDep, principal: Principal = FieldDep
) -> dict[str, Any]:
    _field_incident(ctx, principal, incident_id)
    if why := text_refusal(body.text):
        raise Problem(415, "Not accepted", why)
    await run_in_threadpool(ctx.citizens.message, incident_id, principal.username, "officer", body.text, None)
    return {"ok": True}
