"""Automatic linking, served by dispatchd so that every console sees the same suggestions.

GET /api/v1/linking/duplicates?type_code=&lat=&lon=   the open incidents a new call may be about, ranked
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query

from dispatchd.auth import Principal
from dispatchd.context import AppContext, CtxDep, PrincipalDep
from dispatchd.linking.duplicates import candidates
from dispatchd.linking.families import family_of

router = APIRouter(prefix="/api/v1/linking", tags=["linking"])


@router.get("/duplicates")
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
