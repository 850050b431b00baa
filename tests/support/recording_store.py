"""A Store that remembers every seq it applied, to prove nothing was lost or applied twice."""

from __future__ import annotations

from typing import Any

from console.backend.connection import ConnectionStatus
from console.domain.events import Event
from console.domain.state import Outcome
from console.state.store import Store


class RecordingStore(Store):
    def __init__(self) -> None:
        super().__init__()
        self.applied: list[int] = []
        self.snapshots: list[int] = []
        self.statuses: list[ConnectionStatus] = []

    def reset(self, snapshot: dict[str, Any]) -> None:
        super().reset(snapshot)
        self.snapshots.append(self.last_seq)

    def apply(self, event: Event) -> Outcome:
        outcome = super().apply(event)
        if outcome is Outcome.APPLIED:
            self.applied.append(event.seq)
        return outcome

    def on_status(self, status: ConnectionStatus) -> None:
        self.statuses.append(status)
