"""The FastAPI application: routes, problem answers, start-up and shut-down of the services."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from dispatchd import __version__, api_contract, audit
from dispatchd.auth import DEMO_ACCOUNTS, Authenticator
from dispatchd.clock import format_utc
from dispatchd.config import ServerConfig
from dispatchd.context import AppContext
from dispatchd.event_bus import EventBus
from dispatchd.event_feed import EventFeed
from dispatchd.exercise import ExerciseRunner, load_steps
from dispatchd.http_guard import HttpGuard
from dispatchd.linking.index import KEEP as LINKING_KEEP
from dispatchd.media_store import MediaStore
from dispatchd.problems import install_problem_handlers
from dispatchd.routes import (
    accounts,
    base_map,
    bookmarks,
    cap,
    citizen,
    eido,
    events,
    incidents,
    invites,
    linking,
    media,
    reference,
    social,
    tak,
    units,
)
from dispatchd.service import DispatchService
from dispatchd.social.connectors.base import Connector
from dispatchd.social.ingest import SocialIngest, connector_for
from dispatchd.social.sources import SourceConfig, load_sources
from dispatchd.storage import open_storage
from dispatchd.tak.gateway import TakGateway

log = logging.getLogger("dispatchd")


def build_context(config: ServerConfig) -> AppContext:
    storage = open_storage(config.database, config.data_dir)
    bus = EventBus()
    ctx = AppContext(
        config=config,
        storage=storage,
        service=DispatchService(),
        bus=bus,
        feed=EventFeed(storage, bus, poll_s=config.poll_s, on_events=lambda events: ctx.follow_events(events)),
        auth=Authenticator(storage, config.token_ttl_s, config.max_login_failures, config.lock_s, config.mfa_roles),
        media=MediaStore(config.media_dir, config.max_upload_bytes),
    )
    ctx.service = DispatchService(lambda lat, lon: ctx.sectors.sector_of(lat, lon), domain=config.agency_domain)
    ctx.refresh_reference()
    if config.tak.enabled:
        ctx.tak = TakGateway(config.tak, storage, ctx.service, bus, config.agency_domain)
        ctx.followers.append(ctx.tak.follow)
    if config.demo:
        for username, role in DEMO_ACCOUNTS.items():
            ctx.auth.add_account(username, username, role)
    return ctx


IDEMPOTENCY_KEEP = timedelta(days=7)  # longer than any outbox waits offline: a late resend is still recognised
PARTS_KEEP_S = 24 * 3600.0  # an upload a phone has not resumed for a day is dropped


def _prune_audit(ctx: AppContext, before_ts: str) -> None:
    with ctx.storage.transaction() as tx:
        if forgotten := audit.prune(tx, before_ts):
            log.info("audit trail: %d entries older than %s forgotten (the chain is anchored)", forgotten, before_ts)


async def _prune_forever(ctx: AppContext) -> None:
    while True:
        now = datetime.now(UTC)
        cutoff = format_utc(now - timedelta(seconds=ctx.config.retention_s))
        removed = await asyncio.to_thread(ctx.storage.prune_events, cutoff)
        if removed:
            log.info("pruned %d events older than %s", removed, cutoff)
        await asyncio.to_thread(ctx.storage.prune_housekeeping, format_utc(now - IDEMPOTENCY_KEEP), now.timestamp())
        await asyncio.to_thread(_prune_audit, ctx, format_utc(now - timedelta(seconds=ctx.config.audit_retention_s)))
        ctx.linking.forget_before(now - LINKING_KEEP)  # closed incidents older than the month it looks back
        if dropped := await asyncio.to_thread(ctx.citizens.parts.prune, now.timestamp() - PARTS_KEEP_S):
            log.info("%d uploads left unfinished for a day were dropped", dropped)
        await asyncio.sleep(min(60.0, ctx.config.retention_s / 4))


async def _expire_links_forever(ctx: AppContext) -> None:
    """Links to callers past their time: marked expired on their incident's timeline within 10 s."""
    while True:
        try:
            if expired := await asyncio.to_thread(ctx.citizens.expire_due):
                log.info("%d links to callers expired", expired)
        except Exception:  # a busy database now must not stop the next round
            log.exception("expiring the links to callers failed")
        await asyncio.sleep(10.0)


def create_app(config: ServerConfig, host: str = "127.0.0.1", incident_interval_s: float = 45.0) -> FastAPI:
    """The dispatchd application for one data folder."""
    ctx = build_context(config)
    configured_sources = load_sources(config.social_sources) if config.social_sources else []
    if config.exercise:
        load_steps(config.exercise)  # a scenario that cannot be played stops the start with its reason

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        ctx.bus.bind(asyncio.get_running_loop())
        await asyncio.to_thread(ctx.linking.load, datetime.now(UTC))
        ctx.storage.listen(ctx.bus.notify)  # commits of the other instances on the same database
        await ctx.feed.start()
        world = None
        if config.demo:
            from dispatchd.demo.world import DemoWorld  # OpenCV is only needed for the demo

            world = DemoWorld(ctx, host, incident_interval_s)
            await asyncio.to_thread(world.start, config.simulate)
        sources: list[tuple[SourceConfig, Connector]] = [(s, connector_for(s)) for s in configured_sources]
        if world is not None and config.simulate:
            sources.append(world.social_source())
        ingest = SocialIngest(
            ctx.storage, ctx.bus, sources, config.social_retry_s, config.social_retry_max_s, f"dispatchd/{__version__}"
        )
        await ingest.start()
        if ctx.tak is not None:
            await ctx.tak.start()
        exercise = (
            ExerciseRunner(ctx.storage, ctx.service, ctx.bus, config.exercise, config.exercise_speed)
            if config.exercise
            else None
        )
        if exercise is not None:
            exercise.start()
        pruner = asyncio.create_task(_prune_forever(ctx))
        expiry = asyncio.create_task(_expire_links_forever(ctx))
        try:
            yield
        finally:
            pruner.cancel()
            expiry.cancel()
            await ctx.citizens.live.close()
            if ctx.tak is not None:
                await ctx.tak.stop()
            await ctx.feed.stop()
            if exercise is not None:
                await asyncio.to_thread(exercise.stop)
            await ingest.stop()
            if world is not None:
                await asyncio.to_thread(world.stop)
            ctx.storage.close()

    app = FastAPI(
        title="dispatchd",
        version=__version__,
        description="Reference dispatch backend of the command-centre console (API v1).",
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    install_problem_handlers(app)
    api_contract.install(app)
    app.add_middleware(
        HttpGuard, max_upload_bytes=config.max_upload_bytes, tls=config.tls, kind_limits=dict(config.upload_limits)
    )
    # Browsers may call the API only from the origins a centre lists (its citizen page, its web clients): none
    # by default. A pre-flight from any other origin is answered 400 "Disallowed CORS origin".
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(config.cors_origins),
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "If-Match", "Idempotency-Key", "Last-Event-ID"],
        expose_headers=["ETag", "Idempotent-Replayed", "Retry-After"],
    )
    routers = (
        events,
        incidents,
        units,
        media,
        bookmarks,
        social,
        reference,
        base_map,
        accounts,
        tak,
        eido,
        cap,
        invites,
        citizen,
        linking,
    )
    for router in (module.router for module in routers):
        app.include_router(router)
    return app
