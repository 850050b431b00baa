"""EventStream: snapshot, then the SSE stream from its seq, forever; reconnects and resumes without a gap."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from console.backend.client import DispatchClient
from console.backend.connection import ConnectionStatus, LinkState, backoff_delay
from console.backend.errors import AuthenticationFailed, BackendUnreachable, CommandRefused, ResyncRequired
from console.domain.events import Event, MalformedEvent, event_from_dict, parse_sse_event
from console.domain.state import Outcome
from console.i18n import tr

log = logging.getLogger("console.backend")


class EventSink(Protocol):
    """Where events go (the Store; a plain DispatchState wrapper in tests)."""

    @property
    def last_seq(self) -> int: ...

    def reset(self, snapshot: dict[str, Any]) -> None: ...

    def apply(self, event: Event) -> Outcome: ...

    def malformed(self, error: MalformedEvent) -> Outcome: ...


class EventStream:
    """Keeps the sink in step with the backend and reports the link's state."""

    def __init__(
        self,
        client: DispatchClient,
        sink: EventSink,
        on_status: Callable[[ConnectionStatus], None],
        *,
        yield_every_s: float = 0.005,
    ) -> None:
        self._client = client
        self._sink = sink
        self._on_status = on_status
        self._yield_every = yield_every_s
        self._credentials_changed = asyncio.Event()
        self._ever_connected = False
        self._offline_since: datetime | None = None
        self.status = ConnectionStatus(LinkState.CONNECTING, client.base_url)

    def credentials_changed(self) -> None:
        """New credentials were entered: try again now."""
        self._credentials_changed.set()

    def _report(self, state: LinkState, **kwargs: Any) -> None:
        self.status = ConnectionStatus(
            state,
            self._client.base_url,
            ever_connected=self._ever_connected,
            offline_since=self._offline_since,
            **kwargs,
        )
        self._on_status(self.status)

    async def run(self) -> None:
        """Until cancelled: connect, follow the stream, and on any failure wait and resume."""
        attempt = 0
        need_snapshot = True
        self._report(LinkState.CONNECTING)
        while True:
            try:
                if need_snapshot:
                    snapshot = await self._client.snapshot()
                    self._sink.reset(snapshot)
                    log.info("snapshot loaded at seq %d", self._sink.last_seq)
                    need_snapshot = False
                await self._follow()
                need_snapshot = True  # the backend said resync
                attempt = 0
            except AuthenticationFailed as exc:
                log.warning("login refused: %s", exc)
                self._report(LinkState.LOGIN_REQUIRED, reason=str(exc))
                self._credentials_changed.clear()
                await self._credentials_changed.wait()
                attempt = 0
            except ResyncRequired as exc:
                log.warning("resync: %s", exc)
                need_snapshot = True
            except (BackendUnreachable, CommandRefused) as exc:
                if isinstance(exc, BackendUnreachable) and self._client.fail_over():
                    log.warning("backend instance lost (%s); resuming from seq %d", exc, self._sink.last_seq)
                    continue  # another instance of the same backend: resume at once, from the last seq applied
                if self._offline_since is None:
                    self._offline_since = datetime.now(UTC)
                delay = backoff_delay(attempt)
                attempt += 1
                log.warning("backend link lost (%s); retrying in %.0f s", exc, delay)
                await self._countdown(delay, str(exc))

    async def _countdown(self, delay: float, reason: str) -> None:
        deadline = time.monotonic() + delay
        while (left := deadline - time.monotonic()) > 0:
            self._report(LinkState.RECONNECTING, retry_in_s=left, reason=reason)
            await asyncio.sleep(min(1.0, left))

    async def _follow(self) -> None:
        """Read the stream until it ends; returns only when the backend asks for a resync."""
        async with self._client.open_stream(self._sink.last_seq) as source:
            self._ever_connected = True
            self._offline_since = None
            self._client.connected()
            self._report(LinkState.CONNECTED)
            last_yield = time.monotonic()
            async for sse in source.aiter_sse():
                if not sse.data and not sse.id:
                    continue  # a `retry:` line or an empty block: nothing to apply
                if sse.event == "resync":
                    log.warning("the backend asked for a resync: %s", sse.data)
                    return
                await self._handle(sse.id, sse.event, sse.data)
                # Buffered events arrive without a pause: give the GUI its turn regularly.
                if time.monotonic() - last_yield >= self._yield_every:
                    await asyncio.sleep(0)
                    last_yield = time.monotonic()
        raise BackendUnreachable(tr("the event stream was closed by the backend"))

    async def _handle(self, event_id: str, event_type: str, data: str) -> None:
        try:
            event = parse_sse_event(event_id, event_type, data)
        except MalformedEvent as error:
            if error.seq < 0:
                log.error("ignored an event without a usable id: %s", error.reason)
                return
            if self._sink.malformed(error) is Outcome.GAP:
                await self._catch_up(error.seq)
            return
        outcome = self._sink.apply(event)
        if outcome is Outcome.GAP:
            await self._catch_up(event.seq)
        elif outcome is Outcome.RESYNC:
            raise ResyncRequired(tr("event {seq} does not follow what the console holds", seq=event.seq))

    async def _catch_up(self, through: int) -> None:
        """Fill a gap from the REST catch-up, up to and including `through`."""
        log.warning("gap in the stream: have %d, got %d; catching up", self._sink.last_seq, through)
        while self._sink.last_seq < through:
            before = self._sink.last_seq
            batch = await self._client.events_after(before, limit=min(1000, through - before))
            if not batch:
                raise ResyncRequired(
                    tr("events {before}–{through} are missing on the backend", before=before + 1, through=through)
                )
            for raw in batch:
                try:
                    outcome = self._sink.apply(event_from_dict(raw, before + 1))
                except MalformedEvent as error:
                    outcome = self._sink.malformed(error)
                if outcome in (Outcome.GAP, Outcome.RESYNC):
                    raise ResyncRequired(
                        tr("the catch-up itself has a gap after {last_seq}", last_seq=self._sink.last_seq)
                    )
