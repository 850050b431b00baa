"""What can go wrong when talking to the backend, each with a sentence for the operator."""

from __future__ import annotations

from typing import Any


class BackendError(Exception):
    """Base class; `str(error)` is fit to show an operator."""


class BackendUnreachable(BackendError):
    """No answer: network down, backend stopped, or it answered 5xx."""


class AuthenticationFailed(BackendError):
    """The user name or password was refused: the operator must log in again."""


class CommandRefused(BackendError):
    """The backend answered 4xx to a request; the message is the backend's own sentence."""

    def __init__(self, status: int, title: str, detail: str, problem: dict[str, Any] | None = None) -> None:
        super().__init__(detail or title)
        self.status = status
        self.title = title
        self.detail = detail
        self.problem = problem or {}


class ResyncRequired(BackendError):
    """The backend no longer keeps the events we need: reload the snapshot."""
