"""Bookmarks: clips tagged to incidents, the evidence lock, and the audit trail."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from dispatchd import evidence
from dispatchd.auth import Principal, Role
from dispatchd.context import AppContext, CtxDep, PrincipalDep
from dispatchd.problems import Problem
from dispatchd.routes.models import BookmarkCreate, BookmarkLock, BookmarkUpdate

router = APIRouter(prefix="/api/v1", tags=["bookmarks"])


@router.get("/bookmarks")
def list_bookmarks(
    incident_id: str | None = None,
    camera_id: str | None = None,
    label: str | None = None,
    created_by: str | None = None,
    ctx: AppContext = CtxDep,
    _: Principal = PrincipalDep,
) -> list[dict[str, Any]]:
    with ctx.storage.read() as tx:
        bookmarks = tx.list(evidence.BOOKMARK)
    return [
        b
        for b in sorted(bookmarks, key=lambda b: (b["start"], b["id"]))
        if (incident_id is None or b["incident_id"] == incident_id)
        and (camera_id is None or b["camera_id"] == camera_id)
        and (label is None or label in b["labels"])
        and (created_by is None or b["created_by"] == created_by)
    ]


@router.post("/bookmarks", status_code=201)
def create_bookmark(
    body: BookmarkCreate, request: Request, ctx: AppContext = CtxDep, principal: Principal = PrincipalDep
) -> JSONResponse:
    return ctx.run_command(
        request,
        principal,
        body.model_dump(),
        lambda tx: evidence.create_bookmark(tx, principal.username, body.model_dump()),
        status=201,
    )


@router.get("/bookmarks/{bookmark_id}")
def get_bookmark(bookmark_id: str, ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> dict[str, Any]:
    with ctx.storage.read() as tx:
        return evidence.get_bookmark(tx, bookmark_id)


@router.patch("/bookmarks/{bookmark_id}")
def update_bookmark(
    bookmark_id: str,
    body: BookmarkUpdate,
    request: Request,
    ctx: AppContext = CtxDep,
    principal: Principal = PrincipalDep,
) -> JSONResponse:
    changes = body.model_dump()
    return ctx.run_command(
        request, principal, changes, lambda tx: evidence.update_bookmark(tx, principal.username, bookmark_id, changes)
    )


@router.delete("/bookmarks/{bookmark_id}")
def delete_bookmark(
    bookmark_id: str, request: Request, ctx: AppContext = CtxDep, principal: Principal = PrincipalDep
) -> JSONResponse:
    return ctx.run_command(
        request, principal, {}, lambda tx: evidence.delete_bookmark(tx, principal.username, bookmark_id)
    )


@router.post("/bookmarks/{bookmark_id}/lock")
def lock_bookmark(
    bookmark_id: str,
    body: BookmarkLock,
    request: Request,
    ctx: AppContext = CtxDep,
    principal: Principal = PrincipalDep,
) -> JSONResponse:
    return ctx.run_command(
        request,
        principal,
        body.model_dump(),
        lambda tx: evidence.lock_bookmark(tx, principal.username, bookmark_id, body.reason),
    )


@router.get("/audit")
def audit_trail(
    bookmark_id: str | None = None, ctx: AppContext = CtxDep, principal: Principal = PrincipalDep
) -> list[dict[str, Any]]:
    """Who tagged, locked, changed or exported what, and when (supervisors and admins)."""
    if principal.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise Problem(403, "Not allowed", "Only supervisors and administrators read the audit trail.")
    with ctx.storage.read() as tx:
        entries = tx.list(evidence.AUDIT)
    return sorted(
        (e for e in entries if bookmark_id is None or e["bookmark_id"] == bookmark_id), key=lambda e: (e["at"], e["id"])
    )
