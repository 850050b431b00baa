"""dispatchd as a client of a TAK server: it reads the tracks the server relays, and writes the centre's picture.

`tcp://HOST:PORT` or `tls://HOST:PORT` (with a client certificate, as TAK servers ask). On each connection the
whole picture is sent first, then each change as it happens; a dropped connection is retried after 1 s,
doubling to 30 s, and the picture is sent whole again (nothing the field missed meanwhile stays missing).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from dispatchd.tak.intake import CotIntake
from dispatchd.tak.listeners import read_stream
from dispatchd.tak.settings import Endpoint

log = logging.getLogger("dispatchd.tak")

OUT_QUEUE = 20_000
"""Events waiting to be written; beyond it the oldest are dropped (the next full picture restores them)."""


@dataclass(slots=True)
class LinkState:
    """What the status bar says about the link."""

    state: str = "connecting"  # connecting | connected | retrying
    since: datetime = field(default_factory=lambda: datetime.now(UTC))
    error: str = ""
    retry_in_s: float = 0.0
    sent: int = 0


class TakLink:
    """One connection to one TAK server, kept up until `stop()`."""

    def __init__(
        self,
        endpoint: Endpoint,
        intake: CotIntake,
        picture: Callable[[], list[bytes]],
        hello: Callable[[], bytes],
        *,
        tls: ssl.SSLContext | None = None,
        on_state: Callable[[LinkState], None] = lambda _state: None,
        first_retry_s: float = 1.0,
        max_retry_s: float = 30.0,
        hello_delay_s: float = 1.0,
        hello_every_s: float = 60.0,
    ) -> None:
        self.endpoint = endpoint
        self.status = LinkState()
        self._intake = intake
        self._picture = picture
        self._hello = hello
        self._hello_delay_s = hello_delay_s
        self._hello_every_s = hello_every_s
        self._tls = tls
        self._on_state = on_state
        self._first_retry_s = first_retry_s
        self._max_retry_s = max_retry_s
        self._queue: asyncio.Queue[bytes] = asyncio.Queue(OUT_QUEUE)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.create_task(self._run(), name="tak-link")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def publish(self, events: list[bytes]) -> None:
        """Queue CoT events for the server; callable from any thread. Dropped while not connected."""
        if self._loop is None or self.status.state != "connected":
            return
        self._loop.call_soon_threadsafe(self._enqueue, events)

    def _enqueue(self, events: list[bytes]) -> None:
        for event in events:
            if self._queue.full():
                self._queue.get_nowait()
            self._queue.put_nowait(event)

    def _set(self, state: str, error: str = "", retry_in_s: float = 0.0) -> None:
        self.status.state, self.status.error, self.status.retry_in_s = state, error, retry_in_s
        self.status.since = datetime.now(UTC)
        self._on_state(self.status)

    async def _run(self) -> None:
        wait = self._first_retry_s
        while True:
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(
                        self.endpoint.host,
                        self.endpoint.port,
                        ssl=self._tls,
                        server_hostname=self.endpoint.host if self._tls else None,
                    ),
                    timeout=10,
                )
            except (OSError, TimeoutError, ssl.SSLError) as error:
                reason = str(error) or type(error).__name__
            else:
                wait = self._first_retry_s
                reason = await self._connected(reader, writer)
            log.warning("TAK server %s: %s; retrying in %.0f s", self.endpoint, reason, wait)
            self._set("retrying", reason, wait)
            await asyncio.sleep(wait)
            wait = min(self._max_retry_s, wait * 2)

    async def _connected(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> str:
        while not self._queue.empty():
            self._queue.get_nowait()
        reading = asyncio.create_task(read_stream(reader, self._intake, idle_s=24 * 3600))
        # A TAK server learns who a client is from its first event with a <contact>, and routes the others' events
        # to it from then on: OpenTAKServer ignores a first event that comes before its broker channel is open, so
        # the centre says who it is a moment after connecting, then sends its picture, then its changes.
        await asyncio.sleep(self._hello_delay_s)
        self._set("connected")
        log.info("TAK server %s: connected", self.endpoint)
        self._enqueue([self._hello()])
        picture = await asyncio.to_thread(self._picture)
        self._enqueue(picture)
        writing = asyncio.create_task(self._write(writer))
        greeting = asyncio.create_task(self._greet_forever())
        try:
            done, _ = await asyncio.wait({reading, writing}, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                if (error := task.exception()) is not None:
                    return str(error) or type(error).__name__
            return "the server closed the connection"
        finally:
            for task in (reading, writing, greeting):
                task.cancel()
                with contextlib.suppress(BaseException):
                    await task
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    async def _greet_forever(self) -> None:
        """The centre's own presence again every minute (TAK servers and clients forget a silent member)."""
        while True:
            await asyncio.sleep(self._hello_every_s)
            self._enqueue([self._hello()])

    async def _write(self, writer: asyncio.StreamWriter) -> None:
        while True:
            event = await self._queue.get()
            writer.write(event)
            self.status.sent += 1
            if self._queue.empty():
                await writer.drain()
