"""The TAK side of one dispatchd: its listeners, its TAK server link, the picture it publishes, its status.

Started and stopped by the application's lifespan (`dispatchd --cot-listen …`, `--tak-server …`). It follows the
event log like a stream does: a unit that changes its tracker uid changes the mapping at once, and each change
of an incident or a unit position is published to the TAK server as it is committed, by any instance.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from dispatchd.event_bus import EventBus
from dispatchd.service import INCIDENT, UNIT, DispatchService
from dispatchd.storage.interface import EventRecord, Storage
from dispatchd.tak.intake import CotIntake
from dispatchd.tak.link import LinkState, TakLink
from dispatchd.tak.listeners import CotListener
from dispatchd.tak.picture import centre_cot, incident_cot, unit_cot
from dispatchd.tak.settings import TakSettings

log = logging.getLogger("dispatchd.tak")

LINK = "link"
STATUS_EVERY_S = 30.0


class TakGateway:
    """Listeners + link + publisher of one instance."""

    def __init__(
        self, settings: TakSettings, storage: Storage, service: DispatchService, bus: EventBus, domain: str
    ) -> None:
        self.settings = settings
        self._storage = storage
        self._bus = bus
        self._domain = domain
        self.intake = CotIntake(storage, service, bus)
        self.listeners = [CotListener(endpoint, self.intake) for endpoint in settings.endpoints()]
        server = settings.server_endpoint()
        self.link = (
            TakLink(
                server,
                self.intake,
                self.picture,
                lambda: centre_cot(domain, datetime.now(UTC)).xml(),
                tls=settings.tls_context(),
                on_state=self._state_changed,
            )
            if server is not None
            else None
        )
        self._tasks: list[asyncio.Task[None]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._last_status: dict[str, Any] | None = None
        self._writes: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        await asyncio.to_thread(self.intake.refresh_mapping)
        for listener in self.listeners:
            await listener.start()
        self._tasks.append(asyncio.create_task(self.intake.run(), name="cot-intake"))
        self._tasks.append(asyncio.create_task(self._report_forever(), name="tak-status"))
        if self.link is not None:
            self.link.start()

    async def stop(self) -> None:
        if self.link is not None:
            await self.link.stop()
        for listener in self.listeners:
            await listener.stop()
        for task in self._tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    # --- status -----------------------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """The link's state and the intake's figures (what `link.status` events and `GET /tak/status` carry)."""
        figures = self.intake.figures()
        link: LinkState | None = self.link.status if self.link is not None else None
        return {
            "name": "tak",
            "state": link.state if link is not None else "listening",
            "server": str(self.link.endpoint) if self.link is not None else None,
            "error": link.error if link is not None else "",
            "retry_in_s": link.retry_in_s if link is not None else 0.0,
            "listening": [f"{one.endpoint.scheme}://{one.endpoint.host}:{one.port}" for one in self.listeners],
            **asdict(figures),
        }

    def _state_changed(self, _state: LinkState) -> None:
        if self._loop is not None:
            task = self._loop.create_task(asyncio.to_thread(self._write_status))
            self._writes.add(task)  # kept until done: a task nobody holds may be collected mid-way
            task.add_done_callback(self._writes.discard)

    async def _report_forever(self) -> None:
        while True:
            await asyncio.to_thread(self._write_status)
            await asyncio.sleep(STATUS_EVERY_S)

    def _write_status(self) -> None:
        """A `link.status` event when the status changed (not the counters of every report)."""
        status = self.status()
        shown = {k: status[k] for k in ("state", "server", "error", "tracks_per_min", "unmapped")}
        if shown == self._last_status:
            return
        self._last_status = shown
        try:
            with self._storage.transaction() as tx:
                tx.put(LINK, "tak", status)
                tx.append_event("link.status", LINK, "tak", 0, "tak", {"link": status})
            self._bus.notify()
        except Exception:
            log.exception("writing the TAK link's status failed")

    # --- the picture out --------------------------------------------------------------------------------------
    def picture(self) -> list[bytes]:
        """Every open incident and every unit position the field lacks, as CoT (sent on each connection)."""
        now = datetime.now(UTC)
        with self._storage.read() as tx:
            incidents = tx.find(INCIDENT, "status", ("new", "active"))
            units = tx.list(UNIT)
        events = [incident_cot(self._domain, incident, now).xml() for incident in incidents]
        events += [cot.xml() for unit in units if (cot := unit_cot(self._domain, unit, now)) is not None]
        return events

    def follow(self, events: list[EventRecord]) -> None:
        """Called by the event feed (a worker thread) with each batch of committed events."""
        self.intake.follow(events)
        if self.link is None or self.link.status.state != "connected":
            return
        incident_ids = {e.entity_id for e in events if e.type.startswith("incident.")}
        unit_ids = {e.entity_id for e in events if e.type in ("unit.updated", "unit.position")}
        for event in events:
            if event.type == "unit.positions" and event.actor != "tak":
                unit_ids.update(p["unit_id"] for p in event.data.get("positions", ()))
        if not incident_ids and not unit_ids:
            return
        now = datetime.now(UTC)
        out: list[bytes] = []
        with self._storage.read() as tx:
            for incident_id in sorted(incident_ids):
                if (incident := tx.get(INCIDENT, incident_id)) is not None:
                    out.append(incident_cot(self._domain, incident, now).xml())
            for unit_id in sorted(unit_ids):
                if (unit := tx.get(UNIT, unit_id)) is not None and (cot := unit_cot(self._domain, unit, now)):
                    out.append(cot.xml())
        self.link.publish(out)
