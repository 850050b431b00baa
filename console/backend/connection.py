"""The connection state shown to the operator (pure: built by the event stream, drawn by the status bar)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class LinkState(Enum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    LOGIN_REQUIRED = "login_required"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class ConnectionStatus:
    """Where the link to the backend stands, and what to tell the operator about it."""

    state: LinkState
    backend_url: str
    retry_in_s: float | None = None
    offline_since: datetime | None = None
    reason: str = ""
    ever_connected: bool = False

    def sentence(self) -> str:
        """One line for the status bar, in words an operator understands."""
        if self.state is LinkState.CONNECTED:
            return "Connected"
        if self.state is LinkState.CONNECTING:
            return f"Connecting to {self.backend_url}…"
        if self.state is LinkState.LOGIN_REQUIRED:
            return f"Login required: {self.reason}" if self.reason else "Login required"
        if self.state is LinkState.STOPPED:
            return "Disconnected"
        retry = f" — retrying in {max(1, round(self.retry_in_s or 0))} s" if self.retry_in_s is not None else ""
        if not self.ever_connected:
            return f"Cannot reach the dispatch backend at {self.backend_url}{retry}"
        since = f" (offline since {self.offline_since.astimezone():%H:%M:%S})" if self.offline_since else ""
        return f"Reconnecting{retry}{since}"


def backoff_delay(attempt: int, base: float = 1.0, ceiling: float = 15.0) -> float:
    """1, 2, 4, 8, 15, 15… seconds."""
    return float(min(ceiling, base * (2 ** max(0, attempt))))
