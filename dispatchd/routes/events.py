"""Health, login, snapshot, event catch-up and the SSE stream."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Header, Query, Request
from fastapi.responses import Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from dispatchd.auth import Principal
from dispatchd.base_map import BASE, MAP
from dispatchd.citizen.invites import CALLER_POSITION, INVITE
from dispatchd.citizen.links import public
from dispatchd.context import AppContext, CtxDep, PrincipalDep
from dispatchd.event_feed import format_sse
from dispatchd.exercise import EXERCISE
from dispatchd.interop.cap import CAP_ALERT, current
from dispatchd.problems import Problem
from dispatchd.reference import INCIDENT_TYPE, SECTOR
from dispatchd.service import CAMERA, INCIDENT, MEDIA, UNIT
from dispatchd.social.posts import SOURCE, recent_posts
from dispatchd.social.watch_rules import WATCH_RULE
from dispatchd.tak.gateway import LINK
from dispatchd.tak.intake import TRACK, live_tracks

router = APIRouter(prefix="/api/v1", tags=["events"])
_CHUNK = 500
SNAPSHOT_POSTS_S = 24 * 3600.0  # the social watch charts a day; older posts are read with GET /social/posts


@router.get("/health", tags=["health"])
def health(ctx: AppContext = CtxDep) -> dict[str, Any]:
    """Readiness: the database answers. No token needed."""
    return {"status": "ok", "last_seq": ctx.storage.last_seq(), "demo": ctx.config.demo}


@router.post("/auth/token", tags=["auth"])
def login(
    request: Request,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    otp: Annotated[str, Form(description="the authenticator app's code, when the account needs one")] = "",
    ctx: AppContext = CtxDep,
) -> dict[str, Any]:
    """OAuth2 password form; answers a bearer token and the user's role. Failures in a row lock the account
    (403 `account_locked`, told only with the right password); failures from one address are slowed (429)."""
    address = request.client.host if request.client else ""
    token, principal, ttl = ctx.auth.login(username, password, address, otp)
    return {
        "access_token": token,
        "token_type": "bearer",
        "expires_in": ttl,
        "username": principal.username,
        "role": principal.role.value,
    }


@router.post("/auth/logout", tags=["auth"], status_code=204)
def logout(
    ctx: AppContext = CtxDep, authorization: str | None = Header(default=None, include_in_schema=False)
) -> Response:
    """Log out: this request's token is revoked on every instance."""
    ctx.auth.logout(authorization)
    return Response(status_code=204)


@router.get("/snapshot")
def snapshot(ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> dict[str, Any]:
    """The whole state and the seq it reflects; stream from that seq."""
    with ctx.storage.read() as tx:
        incidents = tx.list(INCIDENT)
        open_ids = {i["id"] for i in incidents if i["status"] in ("new", "active")}
        return {
            "seq": tx.last_seq(),  # in the same read transaction as the entities: they reflect exactly this seq
            "incidents": incidents,
            "units": tx.list(UNIT),
            "cameras": tx.list(CAMERA),
            "media": tx.list(MEDIA),
            "bookmarks": tx.list("bookmark"),
            "watch_rules": tx.list(WATCH_RULE),
            "social_sources": [{k: v for k, v in s.items() if k != "cursor"} for s in tx.list(SOURCE)],
            "social_posts": recent_posts(tx, SNAPSHOT_POSTS_S),
            "exercise": tx.get(EXERCISE, "current"),
            "sectors": tx.list(SECTOR),
            "incident_types": tx.list(INCIDENT_TYPE),
            "map": tx.get(MAP, BASE),
            "tracks": live_tracks(tx.list(TRACK), datetime.now(UTC)),
            "links": tx.list(LINK),
            "warnings": current(tx.list(CAP_ALERT), datetime.now(UTC)),  # the newest message of each live warning
            "invites": [public(i) for i in tx.find(INVITE, "state", ["open", "used"])],
            "caller_positions": [p for p in tx.list(CALLER_POSITION) if p["incident_id"] in open_ids],
        }


@router.get("/incident-types")
def incident_types(ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> list[dict[str, Any]]:
    """The centre's incident types: code, text, EMSI category, suggested priority, agencies."""
    return list(ctx.service.incident_types.values())


@router.get("/sectors")
def sectors(ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> dict[str, Any]:
    """The centre's sectors as a GeoJSON FeatureCollection."""
    return ctx.sectors.geojson


def _gap_too_old(ctx: AppContext, after: int) -> bool:
    return after < ctx.storage.oldest_retained_seq() - 1


@router.get("/events")
def events(
    after: Annotated[int, Query(ge=0, description="the last seq the client has")] = 0,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
    ctx: AppContext = CtxDep,
    _: Principal = PrincipalDep,
) -> dict[str, Any]:
    """Catch-up: the events after a seq, oldest first."""
    if _gap_too_old(ctx, after):
        raise Problem(
            410,
            "Resync needed",
            "Events after this seq are no longer kept; reload the snapshot.",
            code="resync",
            oldest_seq=ctx.storage.oldest_retained_seq(),
        )
    batch = ctx.storage.events_after(after, max(1, min(limit, 10_000)))
    return {"events": [e.envelope() for e in batch], "last_seq": ctx.storage.last_seq()}


async def _stream(ctx: AppContext, after: int) -> AsyncIterator[str]:
    yield "retry: 2000\n\n"
    if await run_in_threadpool(_gap_too_old, ctx, after):
        last = ctx.storage.last_seq()
        yield f"event: resync\ndata: {json.dumps({'after': after, 'last_seq': last})}\n\n"
        return
    loop = asyncio.get_running_loop()
    last_beat = loop.time()
    feed = ctx.feed
    while True:
        held = feed.after(after)
        if held is None:  # behind the feed's window: this stream reads the log itself until it catches up
            batch = await run_in_threadpool(ctx.storage.events_after, after, _CHUNK)
            if batch:
                after = batch[-1].seq
                yield format_sse(batch)
                last_beat = loop.time()
                continue
        elif held:
            after = feed.last_seq
            yield held
            last_beat = loop.time()
            continue
        await feed.wait_beyond(after, max(0.0, ctx.config.heartbeat_s - (loop.time() - last_beat)))
        if loop.time() - last_beat >= ctx.config.heartbeat_s:
            yield ": heartbeat\n\n"
            last_beat = loop.time()


@router.get(
    "/events/stream",
    response_class=StreamingResponse,
    responses={200: {"description": "server-sent events, forever", "content": {"text/event-stream": {}}}},
)
async def event_stream(
    request: Request,
    after: int | None = None,
    last_event_id: str | None = Header(
        default=None, pattern=r"^[0-9]{1,18}$", description="the seq of the last event received: resume after it"
    ),
    ctx: AppContext = CtxDep,
    _: Principal = PrincipalDep,
) -> StreamingResponse:
    """Server-sent events: `id:` is the seq; resumes after `Last-Event-ID` (or `?after=`)."""
    start = after if after is not None else 0
    if last_event_id:
        try:
            start = int(last_event_id)
        except ValueError:
            raise Problem(400, "Bad Last-Event-ID", "Last-Event-ID must be a seq number.") from None
    return StreamingResponse(
        _stream(ctx, start),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
