"""Social watch: collected posts, their sources' status, links to incidents, and the shared watch rules."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from dispatch_protocol.commands import PostLinkCreate, WatchRuleCreate, WatchRuleUpdate
from dispatchd.auth import Principal
from dispatchd.context import AppContext, CommandDep, CtxDep, IfMatchDep, PrincipalDep
from dispatchd.problems import not_found
from dispatchd.social import posts, watch_rules

router = APIRouter(prefix="/api/v1", tags=["social"])


@router.get("/social/posts")
def list_posts(
    after: str | None = None,
    limit: int = Query(default=500, ge=1, le=5000),
    ctx: AppContext = CtxDep,
    _: Principal = PrincipalDep,
) -> dict[str, Any]:
    """Posts collected after `after` (an RFC 3339 time or the `next` cursor of the previous page), oldest first."""
    with ctx.storage.read() as tx:
        page = posts.posts_after(tx, after, limit)
    return {"posts": page, "next": posts.cursor_of(page[-1]) if page else after}


@router.get("/social/posts/{post_id}")
def get_post(post_id: str, ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> dict[str, Any]:
    with ctx.storage.read() as tx:
        post = tx.get(posts.POST, post_id)
    if post is None:
        raise not_found("post", post_id)
    return post


@router.post("/social/posts/{post_id}/link")
def link_post(
    post_id: str, body: PostLinkCreate, request: Request, ctx: AppContext = CtxDep, principal: Principal = CommandDep
) -> JSONResponse:
    """Keep a post with an incident (its text and metadata, with their sha256, on the incident's timeline)."""
    return ctx.run_command(
        request,
        principal,
        body.model_dump(),
        lambda tx: posts.link_post(tx, principal.username, post_id, body.incident_id),
    )


@router.get("/social/sources")
def list_sources(ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> list[dict[str, Any]]:
    with ctx.storage.read() as tx:
        return [{k: v for k, v in s.items() if k != "cursor"} for s in tx.list(posts.SOURCE)]


@router.get("/watch-rules")
def list_rules(ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> list[dict[str, Any]]:
    with ctx.storage.read() as tx:
        return tx.list(watch_rules.WATCH_RULE)


@router.post("/watch-rules", status_code=201)
def create_rule(
    body: WatchRuleCreate, request: Request, ctx: AppContext = CtxDep, principal: Principal = CommandDep
) -> JSONResponse:
    return ctx.run_command(
        request,
        principal,
        body.model_dump(),
        lambda tx: watch_rules.create_rule(tx, principal.username, body.model_dump()),
        status=201,
    )


@router.patch("/watch-rules/{rule_id}")
def update_rule(
    rule_id: str,
    body: WatchRuleUpdate,
    request: Request,
    ctx: AppContext = CtxDep,
    principal: Principal = CommandDep,
    if_match: int | None = IfMatchDep,
) -> JSONResponse:
    changes = body.model_dump(exclude_unset=True)
    return ctx.run_command(
        request,
        principal,
        changes,
        lambda tx: watch_rules.update_rule(tx, principal.username, rule_id, changes, if_match),
    )
