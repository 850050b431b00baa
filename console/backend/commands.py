"""Operator commands: the views ask, the backend decides, the result comes back as events.

Each command runs as a task with its own Idempotency-Key; a refusal reaches the operator as the
backend's own sentence through `on_error`, never as a traceback.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from console.backend.client import DispatchClient
from console.backend.errors import BackendError
from console.domain.model import Incident

log = logging.getLogger("console.backend")


class Commands:
    """The operator's actions on incidents and units."""

    def __init__(self, on_error: Callable[[str], None]) -> None:
        self._client: DispatchClient | None = None
        self._on_error = on_error
        self._tasks: set[asyncio.Task[Any]] = set()
        self.read_only = False

    def attach(self, client: DispatchClient) -> None:
        self._client = client

    def _run(self, what: str, call: Callable[[DispatchClient], Awaitable[Any]]) -> asyncio.Task[Any] | None:
        if self.read_only:
            self._on_error(f"Could not {what}: commands are disabled in this mode.")
            return None
        if self._client is None:
            self._on_error(f"Could not {what}: not connected to a dispatch backend yet.")
            return None
        client = self._client

        async def attempt() -> Any:
            try:
                return await call(client)
            except BackendError as exc:
                log.warning("command refused: %s: %s", what, exc)
                self._on_error(f"Could not {what}: {exc}")
                return None

        task = asyncio.ensure_future(attempt())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def set_priority(self, incident: Incident, priority: int) -> asyncio.Task[Any] | None:
        key = str(uuid.uuid4())
        return self._run(
            f"change the priority of {incident.number}",
            lambda c: c.command(
                "PATCH", f"/incidents/{incident.id}", {"priority": priority}, key=key, if_match=incident.version
            ),
        )

    def close_incident(self, incident: Incident) -> asyncio.Task[Any] | None:
        key = str(uuid.uuid4())
        return self._run(
            f"close {incident.number}",
            lambda c: c.command(
                "PATCH", f"/incidents/{incident.id}", {"status": "closed"}, key=key, if_match=incident.version
            ),
        )
