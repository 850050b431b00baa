"""EIDO subscriptions over WebSocket, as NENA-STA-024 (EIDO conveyance) describes them.

A partner opens `wss://…/api/v1/eido/subscriptions` (its bearer token in the `Authorization` header) and sends
`{"subscribe": {"requestId", "requestType": "EIDO", "requestSubType": "new" | "single", "incidentId"?, "expires"?,
"minRate"?}}`; it is answered `{"subscribeResponse": {"requestId", "subscriptionId", "statusCode": 200, …}}`.
Then every committed change of an incident its subscription selects (`new`: every incident; `single`: the one
whose tracking identifier is `incidentId`, sent at once too) arrives as `{"event": {"subscriptionId",
"transactionId", "notification": [EIDO, …]}}`, each EIDO the incident's full state; the partner answers
`{"eventResponse": …}`. `{"unsubscribe": …}` ends it (`unsubscribeResponse`); so does `expires`
(`{"terminate": …}`). With `minRate` an empty event is sent when nothing happened for that many seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.websockets import WebSocket, WebSocketDisconnect

from dispatchd.interop.eido import to_eido
from dispatchd.service import INCIDENT, UNIT
from dispatchd.storage.interface import EventRecord, Storage

log = logging.getLogger("dispatchd.eido")

MIN_EXPIRES_S = 15
MIN_RATE_S = 5
MAX_MESSAGE = 64 * 1024


@dataclass(eq=False)
class Subscription:
    """One partner's subscription on one WebSocket."""

    id: str
    sub_type: str
    incident_id: str | None
    queue: asyncio.Queue[list[dict[str, Any]]] = field(default_factory=asyncio.Queue)
    loop: asyncio.AbstractEventLoop | None = None

    def selects(self, eido: dict[str, Any]) -> bool:
        return self.sub_type == "new" or eido["incidentComponent"]["incidentTrackingIdentifier"] == self.incident_id


class EidoSubscriptions:
    """Every subscription of this instance; follows the event log and hands each the EIDOs it selects."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage
        self._lock = threading.Lock()
        self._subscriptions: set[Subscription] = set()

    def __len__(self) -> int:
        return len(self._subscriptions)

    def add(self, subscription: Subscription) -> None:
        with self._lock:
            self._subscriptions.add(subscription)

    def remove(self, subscription: Subscription) -> None:
        with self._lock:
            self._subscriptions.discard(subscription)

    def eidos(self, incident_ids: set[str] | None = None, tracking_id: str | None = None) -> list[dict[str, Any]]:
        """The EIDOs of these incidents (by id, or the one with this tracking identifier), read now."""
        with self._storage.read() as tx:
            if tracking_id is not None:
                incidents = tx.find(INCIDENT, "tracking_id", [tracking_id])
            else:
                incidents = [i for i in (tx.get(INCIDENT, iid) for iid in sorted(incident_ids or ())) if i]
            documents = []
            for incident in incidents:
                units = [u for u in (tx.get(UNIT, uid) for uid in incident["assigned_units"]) if u is not None]
                documents.append(to_eido(incident, units))
        return documents

    def follow(self, events: list[EventRecord]) -> None:
        """Called by the event feed (a worker thread) with each batch of committed events."""
        with self._lock:
            subscriptions = list(self._subscriptions)
        if not subscriptions:
            return
        changed = {e.entity_id for e in events if e.type.startswith("incident.")}
        if not changed:
            return
        documents = self.eidos(changed)
        for subscription in subscriptions:
            selected = [d for d in documents if subscription.selects(d)]
            if selected and subscription.loop is not None:
                subscription.loop.call_soon_threadsafe(subscription.queue.put_nowait, selected)


def _reply(kind: str, request: dict[str, Any], status: int, text: str, **more: Any) -> dict[str, Any]:
    return {kind: {"requestId": request.get("requestId"), "statusCode": status, "statusText": text, **more}}


async def serve(websocket: WebSocket, registry: EidoSubscriptions, on_subscribed: Callable[[str], None]) -> None:
    """One partner's WebSocket, from its subscribe to its end (the socket is accepted already)."""
    subscription: Subscription | None = None
    expires_at = min_rate = 0.0
    last_sent = time.monotonic()
    receiving: asyncio.Task[str] | None = None
    try:
        while True:
            if receiving is None:
                receiving = asyncio.create_task(websocket.receive_text())
            waits: set[asyncio.Future[Any]] = {receiving}
            getting = asyncio.create_task(subscription.queue.get()) if subscription is not None else None
            if getting is not None:
                waits.add(getting)
            timeout = None
            if subscription is not None and (expires_at or min_rate):
                deadlines = [d for d in (expires_at, last_sent + min_rate if min_rate else 0) if d]
                timeout = max(0.0, min(deadlines) - time.monotonic())
            done, _ = await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
            if getting is not None and getting not in done:
                getting.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await getting
            if getting is not None and getting in done:
                documents = getting.result()
                assert subscription is not None
                await _notify(websocket, subscription, documents)
                last_sent = time.monotonic()
            if receiving in done:
                text = receiving.result()
                receiving = None
                message = _parse(text)
                if message is None:
                    await websocket.send_json({"error": {"statusCode": 400, "statusText": "Bad Request"}})
                    continue
                if "subscribe" in message:
                    request = message["subscribe"]
                    answer, new = _subscribe(request, subscription)
                    await websocket.send_json(answer)
                    if new is not None:
                        if subscription is not None:
                            registry.remove(subscription)
                        subscription = new
                        subscription.loop = asyncio.get_running_loop()
                        registry.add(subscription)
                        expires = int(request.get("expires") or 0)
                        expires_at = time.monotonic() + max(MIN_EXPIRES_S, expires) if expires else 0.0
                        rate = int(request.get("minRate") or 0)
                        min_rate = float(max(MIN_RATE_S, rate)) if rate else 0.0
                        on_subscribed(subscription.id)
                        if subscription.sub_type == "single" and subscription.incident_id:
                            first = await asyncio.to_thread(registry.eidos, None, subscription.incident_id)
                            if first:
                                await _notify(websocket, subscription, first)
                                last_sent = time.monotonic()
                elif "unsubscribe" in message:
                    request = message["unsubscribe"]
                    known = subscription is not None and request.get("subscriptionId") == subscription.id
                    await websocket.send_json(
                        _reply(
                            "unsubscribeResponse",
                            request,
                            200 if known else 404,
                            "OK" if known else "Subscription Does Not Exist",
                            subscriptionId=request.get("subscriptionId"),
                        )
                    )
                    if known:
                        await websocket.close()
                        return
                # eventResponse and terminateResponse acknowledge what we sent: nothing to do
            now = time.monotonic()
            if subscription is not None and expires_at and now >= expires_at:
                await websocket.send_json(
                    {
                        "terminate": {
                            "requestId": str(uuid.uuid4()),
                            "subscriptionId": subscription.id,
                            "reason": "Expired",
                        }
                    }
                )
                await websocket.close()
                return
            if subscription is not None and min_rate and now - last_sent >= min_rate:
                await _notify(websocket, subscription, [])
                last_sent = now
    except WebSocketDisconnect:
        return
    finally:
        if receiving is not None:
            receiving.cancel()
        if subscription is not None:
            registry.remove(subscription)


def _parse(text: str) -> dict[str, Any] | None:
    if len(text) > MAX_MESSAGE:
        return None
    try:
        message = json.loads(text)
    except ValueError:
        return None
    if not isinstance(message, dict) or not any(isinstance(v, dict) for v in message.values()):
        return None
    return message


def _subscribe(request: dict[str, Any], current: Subscription | None) -> tuple[dict[str, Any], Subscription | None]:
    """The answer to a subscribe request, and the new subscription it makes (None: refused or a renewal)."""
    if request.get("subscriptionId"):
        if current is not None and request["subscriptionId"] == current.id:
            return _reply("subscribeResponse", request, 200, "OK", subscriptionId=current.id), None
        return _reply("subscribeResponse", request, 404, "Not Found", subscriptionId=request["subscriptionId"]), None
    sub_type = request.get("requestSubType", "new")
    incident_id = request.get("incidentId")
    if request.get("requestType", "EIDO") != "EIDO" or sub_type not in ("new", "single"):
        return _reply(
            "subscribeResponse", request, 400, "Bad Request: requestType EIDO, requestSubType new or single"
        ), None
    if sub_type == "single" and not isinstance(incident_id, str):
        return _reply(
            "subscribeResponse", request, 400, "Bad Request: a single subscription names its incidentId"
        ), None
    for name in ("expires", "minRate"):
        if not isinstance(request.get(name, 0), int) or request.get(name, 0) < 0:
            return _reply("subscribeResponse", request, 400, f"Bad Request: {name} is a number of seconds"), None
    subscription = Subscription(str(uuid.uuid4()), sub_type, incident_id if sub_type == "single" else None)
    extra: dict[str, Any] = {}
    if request.get("expires"):
        extra["expires"] = max(MIN_EXPIRES_S, int(request["expires"]))
    if request.get("minRate"):
        extra["minRate"] = max(MIN_RATE_S, int(request["minRate"]))
    return _reply("subscribeResponse", request, 200, "OK", subscriptionId=subscription.id, **extra), subscription


async def _notify(websocket: WebSocket, subscription: Subscription, documents: list[dict[str, Any]]) -> None:
    await websocket.send_json(
        {"event": {"subscriptionId": subscription.id, "transactionId": str(uuid.uuid4()), "notification": documents}}
    )
