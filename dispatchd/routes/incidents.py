"""Incidents: list, create, read, change, notes, assignments, EIDO export."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from dispatch_protocol.commands import AgencyRequestCreate, AssignmentCreate, IncidentCreate, IncidentPatch, NoteCreate
from dispatchd import audit
from dispatchd.auth import Principal
from dispatchd.context import AppContext, CommandDep, CtxDep, IfMatchDep, PrincipalDep
from dispatchd.interop.eido import to_eido
from dispatchd.interop.emsi import to_emsi
from dispatchd.service import INCIDENT

router = APIRouter(prefix="/api/v1/incidents", tags=["incidents"])


@router.get("")
def list_incidents(
    status: str | None = None, ctx: AppContext = CtxDep, _: Principal = PrincipalDep
) -> list[dict[str, Any]]:
    """Every incident, or those of the statuses named (`?status=new,active`: an indexed query)."""
    with ctx.storage.read() as tx:
        if status is None:
            return tx.list(INCIDENT)
        return tx.find(INCIDENT, "status", [s for s in status.split(",") if s])


@router.post("", status_code=201)
def create_incident(
    body: IncidentCreate, request: Request, ctx: AppContext = CtxDep, principal: Principal = CommandDep
) -> JSONResponse:
    payload = body.model_dump(exclude_none=True)
    return ctx.run_command(
        request,
        principal,
        payload,
        lambda tx: ctx.service.create_incident(tx, principal.username, payload),
        status=201,
    )


@router.get("/{incident_id}")
def get_incident(incident_id: str, ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> JSONResponse:
    with ctx.storage.read() as tx:
        incident = ctx.service.get_incident(tx, incident_id)
    return JSONResponse(incident, headers={"ETag": f'"{incident["version"]}"'})


@router.patch("/{incident_id}")
def patch_incident(
    incident_id: str,
    body: IncidentPatch,
    request: Request,
    if_match: int | None = IfMatchDep,
    ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> JSONResponse:
    changes = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None or k == "major_event_id"}
    return ctx.run_command(
        request,
        principal,
        changes,
        lambda tx: ctx.service.update_incident(tx, principal.username, incident_id, changes, if_match),
    )


@router.post("/{incident_id}/notes", status_code=201)
def add_note(
    incident_id: str,
    body: NoteCreate,
    request: Request,
    ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> JSONResponse:
    return ctx.run_command(
        request,
        principal,
        body.model_dump(),
        lambda tx: ctx.service.add_note(tx, principal.username, incident_id, body.text),
        status=201,
    )


@router.post("/{incident_id}/assignments", status_code=201)
def assign_unit(
    incident_id: str,
    body: AssignmentCreate,
    request: Request,
    ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> JSONResponse:
    return ctx.run_command(
        request,
        principal,
        body.model_dump(),
        lambda tx: ctx.service.assign(tx, principal.username, incident_id, body.unit_id),
        status=201,
    )


@router.delete("/{incident_id}/assignments/{unit_id}")
def unassign_unit(
    incident_id: str,
    unit_id: str,
    request: Request,
    ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> JSONResponse:
    return ctx.run_command(
        request,
        principal,
        {},
        lambda tx: ctx.service.unassign(tx, principal.username, incident_id, unit_id),
    )


@router.get("/{incident_id}/timeline")
def timeline(incident_id: str, ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> list[dict[str, Any]]:
    """Everything that happened to the incident, oldest first (kept beyond the event log's retention)."""
    with ctx.storage.read() as tx:
        ctx.service.get_incident(tx, incident_id)
    return [e.envelope() for e in ctx.storage.timeline(incident_id)]


@router.post("/{incident_id}/agency-requests", status_code=201)
def request_agency(
    incident_id: str,
    body: AgencyRequestCreate,
    request: Request,
    ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> JSONResponse:
    return ctx.run_command(
        request,
        principal,
        body.model_dump(),
        lambda tx: ctx.service.request_agency(tx, principal.username, incident_id, body.agency, body.reason),
        status=201,
    )


def _exported(
    ctx: AppContext, principal: Principal, incident_id: str, form: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The incident and its units, the export in the audit trail (who took a copy of which incident, when)."""
    with ctx.storage.read() as tx:
        incident = ctx.service.get_incident(tx, incident_id)
        units = [u for u in (tx.get("unit", uid) for uid in incident["assigned_units"]) if u is not None]
    with ctx.storage.transaction() as tx:
        audit.record(tx, principal.username, "export", entity_type="incident", entity_id=incident_id, format=form)
    return incident, units


@router.get("/{incident_id}/emsi")
def export_emsi(incident_id: str, ctx: AppContext = CtxDep, principal: Principal = PrincipalDep) -> dict[str, Any]:
    """The incident as an EMSI (ISO/TR 22351) message (audited)."""
    return to_emsi(*_exported(ctx, principal, incident_id, "emsi"))


@router.get("/{incident_id}/eido")
def export_eido(incident_id: str, ctx: AppContext = CtxDep, principal: Principal = PrincipalDep) -> dict[str, Any]:
    """The incident as a NENA EIDO (NENA-STA-021) JSON document (audited)."""
    return to_eido(*_exported(ctx, principal, incident_id, "eido"))
