"""Outbox: operator commands are written to disk first, then sent, in order, each exactly once.

Offline, a command waits (also across a console restart) and goes when the backend is back. Its
Idempotency-Key is fixed when it is queued, so a command sent just before a crash and sent again after
it is applied once by the backend. A refusal (4xx) settles the command and tells the operator why.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from console.backend.client import DispatchClient
from console.backend.connection import backoff_delay
from console.backend.errors import AuthenticationFailed, BackendUnreachable, CommandRefused
from console.backend.outbox_file import OutboxEntry, OutboxFile

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
        self._wake = asyncio.Event()
        self._settled: dict[str, asyncio.Future[Any]] = {}
        self.failed_attempts = 0
        if file.pending:
            log.info("%d commands from an earlier session wait to be sent", len(file.pending))

    @property
    def pending_count(self) -> int:
        return len(self._file.pending)

    def submit(self, entry: OutboxEntry) -> asyncio.Future[Any]:
        """Queue a command (on disk before this returns); the future gets the backend's answer, or None."""
        self._file.add(entry)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._settled[entry.key] = future
        self._on_pending(self.pending_count)
        self._wake.set()
        return future

    async def run(self) -> None:
        attempt = 0
        while True:
            self._wake.clear()
            pending = self._file.pending
            if not pending:
                await self._wake.wait()
                continue
            entry = pending[0]
            try:
                answer = await self._client.command(
                    entry.method, entry.path, entry.body, key=entry.key, if_match=entry.if_match
                )
            except CommandRefused as refused:
                log.warning("command refused: %s: %s", entry.description, refused)
                self._on_error(f"Could not {entry.description}: {refused}")
                self._settle(entry, None)
            except (BackendUnreachable, AuthenticationFailed) as exc:
                delay = backoff_delay(attempt)
                attempt += 1
                self.failed_attempts += 1
                log.info("%d commands wait (%s); next try in %.0f s", self.pending_count, exc, delay)
                await asyncio.sleep(delay)
            else:
                attempt = 0
                log.info("sent: %s", entry.description)
                self._settle(entry, answer)

    def _settle(self, entry: OutboxEntry, answer: Any) -> None:
        self._file.done(entry.key)
        self._on_pending(self.pending_count)
        future = self._settled.pop(entry.key, None)
        if future is not None and not future.done():
            future.set_result(answer)
