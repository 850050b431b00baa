"""Public warnings (CAP 1.2): written by supervisors from a major event, published as CAP XML and an Atom feed.

The messages and the feed are public (no token): a public warning is for anyone to read, and the aggregators and
alerting platforms that carry CAP poll feeds without logging in.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from dispatch_protocol.commands import CapWarningSave
from dispatchd import audit
from dispatchd.auth import Principal
from dispatchd.context import AppContext, CtxDep, FleetDep
from dispatchd.interop.cap import CAP_ALERT, alert_xml, atom_feed, cancel_message, current, new_message
from dispatchd.problems import Problem, not_found
from dispatchd.service import INCIDENT, OPEN_STATUSES
from dispatchd.storage.interface import Transaction

router = APIRouter(prefix="/api/v1/cap", tags=["public warnings (CAP)"])
CAP_XML = "application/cap+xml"


def _latest(tx: Transaction, warning_id: str) -> dict[str, Any]:
    messages = [m for m in tx.list(CAP_ALERT) if m["warning_id"] == warning_id]
    if not messages:
        raise not_found("warning", warning_id)
    return max(messages, key=lambda m: m["sent_at"])


def _publish(tx: Transaction, actor: str, message: dict[str, Any]) -> dict[str, Any]:
    tx.put(CAP_ALERT, message["identifier"], message)
    tx.append_event("cap.alert", CAP_ALERT, message["identifier"], 1, actor, {"alert": message},
                    incidents=(message["incident_id"],))  # fmt: skip
    audit.record(tx, actor, f"cap.{message['msg_type'].lower()}", entity_type="warning",
                 entity_id=message["warning_id"], identifier=message["identifier"])  # fmt: skip
    return message


def _issue(
    ctx: AppContext, tx: Transaction, actor: str, body: CapWarningSave, warning_id: str | None
) -> dict[str, Any]:
    now = datetime.now(UTC)
    if body.expires <= now:
        raise Problem(422, "Invalid request", "A warning's expiry must be ahead of now.",
                      errors=[{"field": "expires", "message": "in the past"}])  # fmt: skip
    incident = tx.get(INCIDENT, body.incident_id)
    if incident is None:
        raise not_found("incident", body.incident_id)
    before = _latest(tx, warning_id) if warning_id is not None else None
    if before is None and (not incident.get("major_event") or incident["status"] not in OPEN_STATUSES):
        raise Problem(409, "Not a major event", f"{incident['number']} is not an open major event: warnings "
                      "are written from one.")  # fmt: skip
    if before is not None and before["msg_type"] == "Cancel":
        raise Problem(409, "Warning cancelled", "This warning was cancelled; write a new one.")
    return _publish(tx, actor, new_message(ctx.config.agency_domain, body.model_dump(), incident, now, before))


@router.post("/warnings", status_code=201)
def issue_warning(
    body: CapWarningSave, request: Request, ctx: AppContext = CtxDep, principal: Principal = FleetDep
) -> JSONResponse:
    """A new public warning (CAP `Alert`) from an open major event."""
    return ctx.run_command(
        request,
        principal,
        body.model_dump(mode="json"),
        lambda tx: _issue(ctx, tx, principal.username, body, None),
        status=201,
    )


@router.put("/warnings/{warning_id}")
def update_warning(
    warning_id: str, body: CapWarningSave, request: Request, ctx: AppContext = CtxDep, principal: Principal = FleetDep
) -> JSONResponse:
    """The warning changed (CAP `Update`, referencing its last message)."""
    return ctx.run_command(
        request,
        principal,
        body.model_dump(mode="json"),
        lambda tx: _issue(ctx, tx, principal.username, body, warning_id),
    )


@router.post("/warnings/{warning_id}/cancel")
def cancel_warning(
    warning_id: str, request: Request, ctx: AppContext = CtxDep, principal: Principal = FleetDep
) -> JSONResponse:
    """The warning withdrawn (CAP `Cancel`, referencing its last message)."""

    def cancel(tx: Transaction) -> dict[str, Any]:
        before = _latest(tx, warning_id)
        if before["msg_type"] == "Cancel":
            return before
        return _publish(tx, principal.username, cancel_message(before, datetime.now(UTC)))

    return ctx.run_command(request, principal, {"cancel": warning_id}, cancel)


@router.get("/alerts.atom", response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
def alerts_feed(request: Request, ctx: AppContext = CtxDep) -> Response:
    """The current public warnings (the newest message of each, until it expires) as an Atom feed."""
    now = datetime.now(UTC)
    with ctx.storage.read() as tx:
        messages = current(tx.list(CAP_ALERT), now)
    base = str(request.base_url).rstrip("/")
    body = atom_feed(
        messages, f"{base}/api/v1/cap/alerts.atom", base + "/api/v1/cap/alerts/{}", ctx.config.agency_domain, now
    )
    return Response(body, media_type="application/atom+xml")


@router.get("/alerts/{identifier}", response_class=Response, responses={200: {"content": {CAP_XML: {}}}})
def alert_message(identifier: str, ctx: AppContext = CtxDep) -> Response:
    """One CAP 1.2 message, as published."""
    with ctx.storage.read() as tx:
        message = tx.get(CAP_ALERT, identifier)
    if message is None:
        raise not_found("warning message", identifier)
    return Response(alert_xml(message), media_type=CAP_XML)
