"""Operator commands: the views ask, the backend decides, the result comes back as events.

Every command goes through the Outbox with its own Idempotency-Key; a refusal reaches the operator as the
backend's own sentence through `on_error`, never as a traceback.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from console.backend.outbox import Outbox
from console.backend.outbox_file import OutboxEntry
from console.domain.model import Incident


class Commands:
    """The operator's actions on incidents and units."""

    def __init__(self, on_error: Callable[[str], None]) -> None:
        self._outbox: Outbox | None = None
        self._on_error = on_error
        self.read_only = False

    def attach(self, outbox: Outbox) -> None:
        self._outbox = outbox

    def _send(
        self, description: str, method: str, path: str, body: Any, if_match: int | None = None
    ) -> asyncio.Future[Any] | None:
        if self.read_only:
            self._on_error(f"Could not {description}: commands are disabled in this mode.")
            return None
        if self._outbox is None:
            self._on_error(f"Could not {description}: not connected to a dispatch backend yet.")
            return None
        entry = OutboxEntry(
            key=str(uuid.uuid4()),
            method=method,
            path=path,
            body=body,
            description=description,
            if_match=if_match,
            created_at=datetime.now(UTC).isoformat(),
        )
        return self._outbox.submit(entry)

    def set_priority(self, incident: Incident, priority: int) -> asyncio.Future[Any] | None:
        return self._send(
            f"change the priority of {incident.number}",
            "PATCH",
            f"/incidents/{incident.id}",
            {"priority": priority},
            incident.version,
        )

    def close_incident(self, incident: Incident) -> asyncio.Future[Any] | None:
        return self._send(
            f"close {incident.number}", "PATCH", f"/incidents/{incident.id}", {"status": "closed"}, incident.version
        )
