"""The TAK link: its status, the tracks that map to no unit, and the table of track uids to units.

The table is the units' `tracker_uid`: mapping a uid to a unit is a change of that unit (versioned, audited,
`unit.updated`), and takes the uid from any unit that had it. Supervisors and admins edit it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from dispatch_protocol.commands import TrackMapping
from dispatchd import reference
from dispatchd.auth import Principal
from dispatchd.context import AppContext, CtxDep, FleetDep, PrincipalDep
from dispatchd.problems import Problem, not_found
from dispatchd.service import UNIT
from dispatchd.storage.interface import Transaction
from dispatchd.tak.intake import TRACK, live_tracks

router = APIRouter(prefix="/api/v1/tak", tags=["tak"])


@router.get("/status")
def tak_status(ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> dict[str, Any]:
    """The TAK link's state (`connected`, `retrying`, `listening`; `off` without one) and the intake's figures."""
    if ctx.tak is None:
        return {"name": "tak", "state": "off"}
    return ctx.tak.status()


@router.get("/tracks")
def unmapped_tracks(ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> list[dict[str, Any]]:
    """Tracks heard that map to no unit, not yet stale, each with the unit its callsign matches (if one does)."""
    with ctx.storage.read() as tx:
        tracks = live_tracks(tx.list(TRACK), datetime.now(UTC))
        by_callsign = {u["callsign"].casefold(): u["id"] for u in tx.list(UNIT) if not u.get("retired")}
    return [{**t, "suggested_unit": by_callsign.get((t.get("callsign") or "").casefold())} for t in tracks]


@router.get("/mappings")
def mappings(ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> list[dict[str, Any]]:
    """Every track uid mapped to a unit."""
    with ctx.storage.read() as tx:
        units = tx.find_present(UNIT, "tracker_uid")
    return sorted(
        ({"uid": u["tracker_uid"], "unit_id": u["id"], "callsign": u["callsign"]} for u in units),
        key=lambda m: m["uid"],
    )


def _map(tx: Transaction, actor: str, uid: str, unit_id: str | None) -> dict[str, Any]:
    unit = None
    if unit_id is not None:
        unit = tx.get(UNIT, unit_id)
        if unit is None or unit.get("retired"):
            raise not_found("unit", unit_id)
    for holder in tx.find_present(UNIT, "tracker_uid"):
        if holder["tracker_uid"] == uid and holder["id"] != unit_id:
            reference.save(tx, actor, UNIT, holder["id"], {"tracker_uid": None})
    result: dict[str, Any] = {"uid": uid, "unit_id": unit_id}
    if unit is not None:
        saved, _ = reference.save(tx, actor, UNIT, unit["id"], {"tracker_uid": uid})
        result["unit"] = saved
        if (track := tx.get(TRACK, uid)) is not None:
            tx.delete(TRACK, uid)
            tx.append_event("track.mapped", TRACK, uid, 0, actor, {"track": track, "unit_id": unit["id"]})
    return result


@router.put("/mappings/{uid}")
def map_track(
    uid: str, body: TrackMapping, request: Request, ctx: AppContext = CtxDep, principal: Principal = FleetDep
) -> JSONResponse:
    """This track uid reports for this unit from now on (its next report moves the unit)."""
    if not uid or len(uid) > 200:
        raise Problem(422, "Invalid request", "A track uid has 1 to 200 characters.")
    return ctx.run_command(
        request, principal, body.model_dump(), lambda tx: _map(tx, principal.username, uid, body.unit_id)
    )


@router.delete("/mappings/{uid}")
def unmap_track(uid: str, request: Request, ctx: AppContext = CtxDep, principal: Principal = FleetDep) -> JSONResponse:
    """This track uid reports for no unit any more."""
    return ctx.run_command(request, principal, {}, lambda tx: _map(tx, principal.username, uid, None))
