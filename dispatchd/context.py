"""What every route needs, built once per app and kept on `app.state.ctx`."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import Depends, Header, Request
from fastapi.responses import JSONResponse

from dispatchd.auth import (
    ADMIN_ROLES,
    AUDIT_ROLES,
    FIELD_ROLES,
    FLEET_ROLES,
    Authenticator,
    Principal,
    Role,
    require,
    require_command_role,
)
from dispatchd.citizen.desk import CitizenDesk
from dispatchd.config import ServerConfig
from dispatchd.event_bus import EventBus
from dispatchd.event_feed import EventFeed
from dispatchd.geo import Sectors
from dispatchd.interop.eido_conveyance import EidoSubscriptions
from dispatchd.linking.index import IncidentIndex
from dispatchd.media_store import MediaStore
from dispatchd.problems import Problem
from dispatchd.reference import Reference
from dispatchd.service import DispatchService
from dispatchd.storage.interface import EventRecord, Storage, StoredResponse, Transaction
from dispatchd.tak.gateway import TakGateway

log = logging.getLogger("dispatchd")

FIELD_PATHS = ("/api/v1/field/", "/api/v1/auth/logout")
REFERENCE_EVENTS = frozenset({"sector.updated", "incident_type.updated"})


@dataclass
class AppContext:
    """The services of one dispatchd instance."""

    config: ServerConfig
    storage: Storage
    service: DispatchService
    bus: EventBus
    auth: Authenticator
    media: MediaStore
    feed: EventFeed
    sectors: Sectors = field(default_factory=lambda: Sectors({"type": "FeatureCollection", "features": []}))
    followers: list[Callable[[list[EventRecord]], None]] = field(default_factory=list)
    """Called by the event feed, in a worker thread, with each batch of events committed by any instance."""
    tak: TakGateway | None = None
    eido_subscriptions: EidoSubscriptions = field(init=False)
    citizens: CitizenDesk = field(init=False)
    linking: IncidentIndex = field(init=False)

    def __post_init__(self) -> None:
        self.eido_subscriptions = EidoSubscriptions(self.storage)
        self.linking = IncidentIndex(
            self.storage, lambda code: (self.service.incident_types.get(code) or {}).get("emsi_category")
        )
        self.followers.append(self.linking.follow)
        self.citizens = CitizenDesk(self.config, self.storage, lambda: self.service, self.bus, self.media)
        self.followers.append(self.eido_subscriptions.follow)

    def refresh_reference(self) -> None:
        """The sectors and incident types in use, read again from storage (after a change, at start)."""
        with self.storage.read() as tx:
            reference = Reference.read(tx)
        self.sectors = reference.sectors
        self.service.incident_types = reference.incident_types

    def follow_events(self, events: list[EventRecord]) -> None:
        self.follow_reference(events)
        for follower in self.followers:
            try:
                follower(events)
            except Exception:  # one follower's fault must not stop the feed nor the others
                log.exception("following the event log failed in %r", follower)

    def follow_reference(self, events: list[EventRecord]) -> None:
        """Sectors or incident types changed, perhaps through another instance: read them again."""
        if any(event.type in REFERENCE_EVENTS for event in events):
            self.refresh_reference()

    def run_command(
        self,
        request: Request,
        principal: Principal,
        body: Any,
        command: Callable[[Transaction], dict[str, Any]],
        status: int = 200,
    ) -> JSONResponse:
        """Run a command in one transaction, honouring `Idempotency-Key`, then wake the streams."""
        require_command_role(principal)
        key = request.headers.get("Idempotency-Key")
        fingerprint = hashlib.sha256(
            f"{request.method} {request.url.path} {json.dumps(body, sort_keys=True, default=str)}".encode()
        ).hexdigest()
        with self.storage.transaction() as tx:
            if key:
                stored = tx.stored_response(principal.username, key)
                if stored is not None:
                    if stored.fingerprint != fingerprint:
                        raise Problem(  # 409: the key is already bound to another request (server state)
                            409,
                            "Key reused",
                            "This Idempotency-Key was already used for a different request; use a new key.",
                        )
                    return JSONResponse(stored.body, status_code=stored.status, headers={"Idempotent-Replayed": "true"})
            result = command(tx)
            if key:
                tx.store_response(principal.username, key, StoredResponse(fingerprint, status, result))
        self.bus.notify()
        headers = {"ETag": f'"{result["version"]}"'} if "version" in result else {}
        return JSONResponse(result, status_code=status, headers=headers)


def get_ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


def current_principal(
    request: Request, authorization: str | None = Header(default=None, include_in_schema=False)
) -> Principal:
    """The logged-in user; every route but health and login depends on it. A field officer's token opens the
    field routes only (it reads nothing of the centre's picture)."""
    principal = get_ctx(request).auth.check(authorization)
    if principal.role == Role.FIELD and not request.url.path.startswith(FIELD_PATHS):
        raise Problem(403, "Not allowed", "A field account sends photos, videos and notes from the field page only.")
    return principal


def parse_if_match(
    if_match: str | None = Header(
        default=None,
        pattern=r'^(W/)?"?[0-9]{1,18}"?$',
        description='the version the change is based on: `"3"` (an ETag), `3` or `W/"3"`',
    ),
) -> int | None:
    """`If-Match: "3"` (or `3`, or `W/"3"`) as a version number."""
    if if_match is None:
        return None
    text = if_match.strip().removeprefix("W/").strip('"')
    try:
        return int(text)
    except ValueError:
        raise Problem(400, "Bad If-Match", f"If-Match must be the entity's version number, not {if_match!r}.") from None


CtxDep = Depends(get_ctx)
PrincipalDep = Depends(current_principal)
IfMatchDep = Depends(parse_if_match)


# Role checks as dependencies: FastAPI runs them before it validates the body, so a role that may not call a
# route is answered 403 whatever it sent (never a 422 that tells it how to shape a request it may not make).
def commander(
    principal: Principal = PrincipalDep,
    idempotency_key: str | None = Header(
        default=None,
        min_length=1,
        max_length=200,
        description="any unique string: the same command sent again with it is applied once",
    ),
) -> Principal:
    require_command_role(principal)
    return principal


def _needs(roles: frozenset[Role], what: str) -> Any:
    def check(principal: Principal = PrincipalDep) -> Principal:
        require(principal, roles, what)
        return principal

    return Depends(check)


CommandDep = Depends(commander)
FleetDep = _needs(FLEET_ROLES, "manage the fleet and the cameras")
AdminDep = _needs(ADMIN_ROLES, "manage the centre's accounts and reference data")
AuditDep = _needs(AUDIT_ROLES, "read the audit trail")
FieldDep = _needs(FIELD_ROLES, "send media from the field")
