"""The connection state shown to the operator (pure: built by the event stream, drawn by the status bar)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from console.i18n import tr


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
            return tr("Connected")
        if self.state is LinkState.CONNECTING:
            return tr("Connecting to {backend_url}…", backend_url=self.backend_url)
        if self.state is LinkState.LOGIN_REQUIRED:
            return tr("Login required: {reason}", reason=self.reason) if self.reason else tr("Login required")
        if self.state is LinkState.STOPPED:
            return tr("Disconnected")
        retry = (
            tr(" — retrying in {retry_in_s} s", retry_in_s=max(1, round(self.retry_in_s or 0)))
            if self.retry_in_s is not None
            else ""
        )
        if not self.ever_connected:
            return tr(
                "Cannot reach the dispatch backend at {backend_url}{retry}", backend_url=self.backend_url, retry=retry
            )
        since = (
            tr(" (offline since {time:%H:%M:%S})", time=self.offline_since.astimezone()) if self.offline_since else ""
        )
        return tr("Reconnecting{retry}{since}", retry=retry, since=since)


def backoff_delay(attempt: int, base: float = 1.0, ceiling: float = 15.0) -> float:
    """1, 2, 4, 8, 15, 15… seconds."""
    return float(min(ceiling, base * (2 ** max(0, attempt))))
