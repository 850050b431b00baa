"""EIDO between centres: a partner's incident imported (`POST /eido`), subscriptions over WebSocket (STA-024)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Request, WebSocket
from fastapi.responses import JSONResponse

from dispatchd import audit
from dispatchd.auth import COMMAND_ROLES, Principal
from dispatchd.context import AppContext, CommandDep, CtxDep
from dispatchd.interop.eido import EidoRefused, from_eido
from dispatchd.interop.eido_conveyance import serve
from dispatchd.problems import Problem

router = APIRouter(prefix="/api/v1/eido", tags=["eido"])
EIDO_BODY = Body(description="a NENA EIDO (NENA-STA-021) JSON document")


@router.post("", responses={201: {"description": "A new partner incident"}})
def import_eido(
    request: Request,
    document: dict[str, Any] = EIDO_BODY,
    ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> JSONResponse:
    """A partner centre's incident into the queue, marked with its origin; idempotent by its tracking identifier:
    a newer EIDO of the same incident updates it, an older one (or the same) changes nothing."""
    try:
        partner = from_eido(document, ctx.config.agency_domain)
    except EidoRefused as refused:
        raise Problem(422, "Invalid EIDO", f"{refused}.") from None

    def command(tx: Any) -> dict[str, Any]:
        result = ctx.service.import_partner_incident(tx, principal.username, partner)
        if result["outcome"] != "unchanged":
            audit.record(tx, principal.username, "import", entity_type="incident",
                         entity_id=result["incident"]["id"], format="eido", origin=partner.domain)  # fmt: skip
        return result

    answer = ctx.run_command(request, principal, document, command)
    if b'"outcome":"created"' in answer.body:
        answer.status_code = 201
    return answer


@router.websocket("/subscriptions")
async def eido_subscriptions(websocket: WebSocket) -> None:
    """NENA-STA-024 subscribe/notify: full-state EIDOs of the incidents a partner's subscription selects."""
    ctx: AppContext = websocket.app.state.ctx
    try:
        principal = ctx.auth.check(websocket.headers.get("authorization"))
    except Problem:
        await websocket.close(code=1008, reason="a bearer token is needed")
        return
    if principal.role not in COMMAND_ROLES:
        await websocket.close(code=1008, reason="this account may not receive incidents")
        return
    await websocket.accept()

    def subscribed(subscription_id: str) -> None:
        with ctx.storage.transaction() as tx:
            audit.record(tx, principal.username, "subscribe", entity_type="eido", entity_id=subscription_id)

    await serve(websocket, ctx.eido_subscriptions, subscribed)
