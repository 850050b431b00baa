"""Automatic linking, served by dispatchd so that every console sees the same suggestions.

GET /api/v1/linking/duplicates?type_code=&lat=&lon=   the open incidents a new call may be about, ranked
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal, get_args

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from dispatch_protocol.commands import IncidentLinkCreate, IncidentMerge
from dispatchd.auth import Principal
from dispatchd.context import AppContext, CommandDep, CtxDep, PrincipalDep
from dispatchd.linking import merge as merging
from dispatchd.linking import suggestions as suggesting
from dispatchd.linking.duplicates import candidates
from dispatchd.linking.families import FAMILY_WINDOWS, family_of
from dispatchd.linking.places import hot_spots, repeat_place
from dispatchd.problems import not_found
from dispatchd.storage.interface import Transaction

router = APIRouter(prefix="/api/v1", tags=["linking"])
Family = Literal["fire", "road", "violence", "gathering", "medical", "crime", "other"]
assert set(get_args(Family)) == set(FAMILY_WINDOWS)  # the same families as the matcher's


@router.get("/linking/duplicates")
def duplicates(
    type_code: Annotated[str, Query(min_length=1, max_length=40)],
    lat: Annotated[float, Query(ge=-90, le=90)],
    lon: Annotated[float, Query(ge=-180, le=180)],
    ctx: AppContext = CtxDep,
    _: Principal = PrincipalDep,
) -> list[dict[str, Any]]:
    """Same or related type family, within the family's distance and time (a fire: 300 m and 30 min; a fight:
    100 m and 10 min), best first: what the call form offers before a new incident is made."""
    emsi = (ctx.service.incident_types.get(type_code) or {}).get("emsi_category")
    found = candidates(family_of(type_code, emsi), lat, lon, datetime.now(UTC), ctx.linking.near(lat, lon))
    return [
        {"incident_id": c.incident.id, "number": c.incident.number, "type_text": c.incident.type_text,
         "address": c.incident.address, "distance_m": round(c.distance_m), "age_s": round(c.age_s),
         "score": round(c.score, 3)}
        for c in found
    ]  # fmt: skip


@router.post("/incidents/{incident_id}/links", status_code=201)
def link_incidents(
    incident_id: str, body: IncidentLinkCreate, request: Request, ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> JSONResponse:  # fmt: skip
    return ctx.run_command(
        request, principal, body.model_dump(),
        lambda tx: merging.link(tx, ctx.service, principal.username, incident_id, body.incident_id), 201,
    )  # fmt: skip


@router.post("/incidents/{incident_id}/merge")
def merge_incidents(
    incident_id: str, body: IncidentMerge, request: Request, ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
) -> JSONResponse:  # fmt: skip
    """This incident is a duplicate of `into`: its units, media, notes, clips and posts move there, and it is
    closed as merged (audited)."""
    return ctx.run_command(
        request, principal, body.model_dump(),
        lambda tx: merging.merge(tx, ctx.service, principal.username, incident_id, body.into),
    )  # fmt: skip


@router.get("/incidents/{incident_id}/post-suggestions")
def post_suggestions(incident_id: str, ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> list[dict[str, Any]]:
    """Geotagged posts within 400 m that say what happened (or where), and posts that say what and where (French
    or English, a typo forgiven), from 15 minutes before the incident to its end; dismissed ones left out."""
    with ctx.storage.read() as tx:
        incident = ctx.service.get_incident(tx, incident_id)
        emsi = (ctx.service.incident_types.get(incident["type_code"]) or {}).get("emsi_category")
        nearby = ctx.linking.near(incident["location"]["lat"], incident["location"]["lon"])
        return suggesting.suggestions(tx, incident, emsi, nearby)


@router.post("/incidents/{incident_id}/post-suggestions/{post_id}/dismiss")
def dismiss_suggestion(
    incident_id: str, post_id: str, request: Request, ctx: AppContext = CtxDep, principal: Principal = CommandDep
) -> JSONResponse:
    def command(tx: Transaction) -> dict[str, Any]:
        ctx.service.get_incident(tx, incident_id)
        if tx.get(suggesting.POST, post_id) is None:
            raise not_found("post", post_id)
        return suggesting.dismiss(tx, principal.username, incident_id, post_id, datetime.now(UTC))

    return ctx.run_command(request, principal, {"post_id": post_id}, command)


@router.get("/incidents/{incident_id}/repeat-place")
def incident_repeat_place(incident_id: str, ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> dict[str, Any]:
    """Three incidents or more in 30 days at this address or within 50 m: the list, oldest first."""
    with ctx.storage.read() as tx:
        incident = ctx.service.get_incident(tx, incident_id)
    here = ctx.linking.get(incident_id) or ctx.linking.known(incident)
    if here is None:
        return {"count": 0, "incidents": []}
    found = repeat_place(here, ctx.linking.near(here.lat, here.lon), datetime.now(UTC))
    return {"count": len(found), "incidents": [
        {"incident_id": k.id, "number": k.number, "type_text": k.type_text, "address": k.address,
         "created_at": k.created_at.isoformat(), "status": k.status} for k in found]}  # fmt: skip


@router.get("/linking/hotspots")
def hotspots(
    days: Annotated[int, Query(ge=1, le=31)] = 7,
    family: Annotated[Family | None, Query()] = None,
    size_m: Annotated[int, Query(ge=50, le=2000)] = 200,
    ctx: AppContext = CtxDep,
    _: Principal = PrincipalDep,
) -> dict[str, Any]:
    """The last `days` days' incidents by hexagon (`size_m` centre to corner), by type family: where incidents
    were recorded, for planning patrols. Descriptive only: no prediction."""
    bins = hot_spots(ctx.linking.every(), datetime.now(UTC), days, float(size_m), family)
    totals: dict[str, int] = {}
    for hexagon in bins:
        for name, count in hexagon.families.items():
            totals[name] = totals.get(name, 0) + count
    return {"days": days, "size_m": size_m, "family": family, "totals": totals, "bins": [
        {"lat": b.lat, "lon": b.lon, "count": b.count, "families": b.families,
         "corners": [[round(lat, 6), round(lon, 6)] for lat, lon in b.corners]} for b in bins]}  # fmt: skip
