"""The centre's reference data: create or change (`PUT`, with `If-Match` to change), retire; camera streams.

Admins manage sectors and incident types; supervisors and admins manage units and cameras. Every change is an
event and an audit entry (`dispatchd/reference.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from dispatch_protocol.commands import CameraSave, IncidentTypeSave, SectorSave, UnitSave
from dispatchd import reference
from dispatchd.auth import ADMIN_ROLES, FLEET_ROLES, VIDEO_ROLES, Principal, require
from dispatchd.context import AdminDep, AppContext, CtxDep, FleetDep, IfMatchDep, PrincipalDep
from dispatchd.problems import Problem
from dispatchd.service import CAMERA, UNIT
from dispatchd.storage.interface import Transaction

router = APIRouter(prefix="/api/v1", tags=["reference data"])


def _change(
    request: Request,
    principal: Principal,
    ctx: AppContext,
    body: Any,
    command: Callable[[Transaction], dict[str, Any]],
) -> JSONResponse:
    """A change of reference data (its role was checked by the route's dependency, before its body was read)."""
    answer = ctx.run_command(request, principal, body, command)
    ctx.refresh_reference()
    return answer


@router.put("/units/{unit_id}")
def save_unit(
    unit_id: str,
    body: UnitSave,
    request: Request,
    if_match: int | None = IfMatchDep,
    ctx: AppContext = CtxDep,
    principal: Principal = FleetDep,
) -> JSONResponse:
    fields = body.model_dump()
    reference.check_unit_id(unit_id, fields)
    return _change(
        request, principal, ctx, fields,
        lambda tx: reference.save(tx, principal.username, UNIT, unit_id, reference.unit_fields(fields), if_match)[0],
    )  # fmt: skip


@router.put("/cameras/{camera_id}")
def save_camera(
    camera_id: str,
    body: CameraSave,
    request: Request,
    if_match: int | None = IfMatchDep,
    ctx: AppContext = CtxDep,
    principal: Principal = FleetDep,
) -> JSONResponse:
    fields = body.model_dump()
    fingerprint = {**fields, "credentials": "(given)" if body.credentials else None}  # no secret in stored answers
    return _change(
        request, principal, ctx, fingerprint,
        lambda tx: reference.save_camera(tx, principal.username, camera_id, fields, if_match),
    )  # fmt: skip


@router.get("/cameras/{camera_id}/streams")
def camera_streams(
    camera_id: str, request: Request, ctx: AppContext = CtxDep, principal: Principal = PrincipalDep
) -> JSONResponse:
    """The camera's stream addresses with its login in them, for this console's session: not cached, not logged."""
    require(principal, VIDEO_ROLES, "view video")
    with ctx.storage.read() as tx:
        streams = reference.camera_streams(tx, camera_id, str(request.base_url))
    return JSONResponse(streams, headers={"Cache-Control": "no-store"})


@router.put("/sectors/{sector_id}")
def save_sector(
    sector_id: str,
    body: SectorSave,
    request: Request,
    if_match: int | None = IfMatchDep,
    ctx: AppContext = CtxDep,
    principal: Principal = AdminDep,
) -> JSONResponse:
    fields = reference.sector_fields(body.model_dump())
    return _change(
        request, principal, ctx, fields,
        lambda tx: reference.save(tx, principal.username, reference.SECTOR, sector_id, fields, if_match)[0],
    )  # fmt: skip


@router.put("/incident-types/{code}")
def save_incident_type(
    code: str,
    body: IncidentTypeSave,
    request: Request,
    if_match: int | None = IfMatchDep,
    ctx: AppContext = CtxDep,
    principal: Principal = AdminDep,
) -> JSONResponse:
    fields = reference.incident_type_fields(code, body.model_dump(), ctx.config.demo_language)
    return _change(
        request, principal, ctx, fields,
        lambda tx: reference.save(tx, principal.username, reference.INCIDENT_TYPE, code, fields, if_match)[0],
    )  # fmt: skip


RETIRABLE = {
    "units": (UNIT, FLEET_ROLES, "manage the fleet"),
    "cameras": (CAMERA, FLEET_ROLES, "manage the cameras"),
    "sectors": (reference.SECTOR, ADMIN_ROLES, "change the sectors"),
    "incident-types": (reference.INCIDENT_TYPE, ADMIN_ROLES, "change the incident types"),
}


def _retirer(collection: str, principal: Principal = PrincipalDep) -> Principal:
    if collection in RETIRABLE:
        _kind, roles, what = RETIRABLE[collection]
        require(principal, roles, what)
    return principal


RetirerDep = Depends(_retirer)


@router.post("/{collection}/{entity_id}/retire")
def retire(
    collection: str,
    entity_id: str,
    request: Request,
    if_match: int | None = IfMatchDep,
    ctx: AppContext = CtxDep,
    principal: Principal = RetirerDep,
) -> JSONResponse:
    """Out of service for good: kept for the incidents that name it, offered nowhere else."""
    if collection not in RETIRABLE:
        raise Problem(404, "Not found", f"Only {', '.join(RETIRABLE)} can be retired.")
    kind, _roles, _what = RETIRABLE[collection]
    return _change(
        request, principal, ctx, {"retire": entity_id},
        lambda tx: reference.retire(tx, principal.username, kind, entity_id, if_match),
    )  # fmt: skip
