"""Units: list, status changes, position reports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from dispatch_protocol.commands import PositionBatch, PositionReport, UnitPatch
from dispatchd.auth import Principal
from dispatchd.clock import format_utc
from dispatchd.context import AppContext, CommandDep, CtxDep, IfMatchDep, PrincipalDep
from dispatchd.problems import Problem
from dispatchd.service import UNIT

router = APIRouter(prefix="/api/v1/units", tags=["units"])


@router.get("")
def list_units(
    agency: str | None = None, ctx: AppContext = CtxDep, _: Principal = PrincipalDep
) -> list[dict[str, Any]]:
    """Every unit, or those of the agencies named (`?agency=police,fire`: an indexed query)."""
    with ctx.storage.read() as tx:
        if agency is None:
            return tx.list(UNIT)
        return tx.find(UNIT, "agency", [a for a in agency.split(",") if a])


@router.get("/{unit_id}")
def get_unit(unit_id: str, ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> JSONResponse:
    with ctx.storage.read() as tx:
        unit = ctx.service.get_unit(tx, unit_id)
    return JSONResponse(unit, headers={"ETag": f'"{unit["version"]}"'})


@router.patch("/{unit_id}")
def patch_unit(
    unit_id: str,
    body: UnitPatch,
    request: Request,
    if_match: int | None = IfMatchDep,
    ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> JSONResponse:
    return ctx.run_command(
        request,
        principal,
        body.model_dump(),
        lambda tx: ctx.service.update_unit_status(tx, principal.username, unit_id, body.secondary_status, if_match),
    )


def position_from_report(report: PositionReport) -> dict[str, Any]:
    """The stored position (a CoT point: observed_at and stale_at) of a report."""
    observed = report.observed_at or datetime.now(UTC)
    try:
        observed_at, stale_at = format_utc(observed), format_utc(observed + timedelta(seconds=report.stale_after_s))
    except OverflowError:  # a time at the edge of the calendar
        raise Problem(422, "Invalid request", f"observed_at is out of range: {observed.isoformat()}.") from None
    return {
        "lat": report.lat,
        "lon": report.lon,
        "course": report.course,
        "speed": report.speed,
        "observed_at": observed_at,
        "stale_at": stale_at,
        "source": "avl",
    }


@router.post("/positions")
def report_positions(
    body: PositionBatch,
    request: Request,
    ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> JSONResponse:
    """Many units' positions at once (an AVL gateway, a TAK bridge): one transaction, one `unit.positions` event.
    Answers how many were taken, which units are unknown and how many reports were older than the position
    held (late packets are not allowed to move a unit back)."""
    reports = [(report.unit_id, position_from_report(report)) for report in body.reports]
    return ctx.run_command(
        request,
        principal,
        body.model_dump(),
        lambda tx: ctx.service.report_positions(tx, principal.username, reports),
    )


@router.post("/{unit_id}/positions", status_code=201)
def report_position(
    unit_id: str,
    body: PositionReport,
    request: Request,
    ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> JSONResponse:
    position = position_from_report(body)
    return ctx.run_command(
        request,
        principal,
        body.model_dump(),
        lambda tx: ctx.service.report_position(tx, principal.username, unit_id, position),
        status=201,
    )
