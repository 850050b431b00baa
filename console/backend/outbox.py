"""Outbox: operator commands are written to disk first, then sent, in order, each exactly once.

Offline, a command waits (also across a console restart) and goes when the backend is back. Its
Idempotency-Key is fixed when it is queued, so a command sent just before a crash and sent again after
it is applied once by the backend. A refusal (4xx) settles the command and tells the operator why.
The file is written by one I/O thread (in order, never on the GUI thread); a command is sent only once
its line is on disk.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from console.backend.client import DispatchClient
from console.backend.connection import backoff_delay
from console.backend.errors import AuthenticationFailed, BackendUnreachable, CommandRefused
from console.backend.outbox_file import OutboxEntry, OutboxFile
from console.i18n import tr

log = logging.getLogger("console.outbox")


class Outbox:
    """Sends queued entries one after another; `run()` is the sending task."""

    def __init__(
        self,
        file: OutboxFile,
        client: DispatchClient,
        on_error: Callable[[str], None],
        on_pending_changed: Callable[[int], None] = lambda _n: None,
    ) -> None:
        self._file = file
        self._client = client
        self._on_error = on_error
        self._on_pending = on_pending_changed
        self._queue: list[OutboxEntry] = file.pending
        self._written: dict[str, asyncio.Future[None]] = {}
        self._settled: dict[str, asyncio.Future[Any]] = {}
        self._io = ThreadPoolExecutor(max_workers=1, thread_name_prefix="outbox-io")
        self._wake = asyncio.Event()
        self.failed_attempts = 0
        if self._queue:
            log.info("%d commands from an earlier session wait to be sent", len(self._queue))

    @property
    def pending_count(self) -> int:
        return len(self._queue)

    def submit(self, entry: OutboxEntry) -> asyncio.Future[Any]:
        """Queue a command; the future gets the backend's answer, or None when it was refused."""
        loop = asyncio.get_running_loop()
        self._queue.append(entry)
        self._written[entry.key] = loop.run_in_executor(self._io, self._file.add, entry)
        future: asyncio.Future[Any] = loop.create_future()
        self._settled[entry.key] = future
        self._on_pending(self.pending_count)
        self._wake.set()
        return future

    async def run(self) -> None:
        try:
            await self._send_forever()
        finally:
            self._io.shutdown(wait=True)  # lines already handed over still reach the disk

    async def _send_forever(self) -> None:
        attempt = 0
        while True:
            self._wake.clear()
            if not self._queue:
                await self._wake.wait()
                continue
            entry = self._queue[0]
            written = self._written.pop(entry.key, None)
            if written is not None:
                await written  # on disk before it leaves
            try:
                answer = await self._client.command(
                    entry.method, entry.path, entry.body, key=entry.key, if_match=entry.if_match
                )
            except CommandRefused as refused:
                log.warning("command refused: %s: %s", entry.description, refused)
                self._on_error(tr("Could not {description}: {refused}", description=entry.description, refused=refused))
                await self._settle(entry, None)
            except (BackendUnreachable, AuthenticationFailed) as exc:
                delay = backoff_delay(attempt)
                attempt += 1
                self.failed_attempts += 1
                log.info("%d commands wait (%s); next try in %.0f s", self.pending_count, exc, delay)
                await asyncio.sleep(delay)
            else:
                attempt = 0
                log.info("sent: %s", entry.description)
                await self._settle(entry, answer)

    async def _settle(self, entry: OutboxEntry, answer: Any) -> None:
        self._queue.pop(0)
        await asyncio.get_running_loop().run_in_executor(self._io, self._file.done, entry.key)
        self._on_pending(self.pending_count)
        future = self._settled.pop(entry.key, None)
        if future is not None and not future.done():
            future.set_result(answer)
