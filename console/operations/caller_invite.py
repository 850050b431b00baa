"""A link for the caller's pictures, as the operator asks for it and sees it (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from console.domain.model import CallerInvite, CallerPosition
from console.i18n import N_, tr

STATE_WORDS = {"open": N_("waiting"), "used": N_("in use"), "expired": N_("expired"), "revoked": N_("closed")}
SENT_WORDS = {"sms": N_("sent by SMS"), "webhook": N_("sent by the SMS gateway"), "log": N_("demo: not sent")}
DEFAULT_MINUTES = 30


def invites_of(incident_id: str, invites: Iterable[CallerInvite]) -> list[CallerInvite]:
    """This incident's links, newest first."""
    return sorted((i for i in invites if i.incident_id == incident_id), key=lambda i: i.created_at, reverse=True)


def state_at(invite: CallerInvite, now: datetime) -> str:
    """The link's state now (an open link past its time is expired before the backend says so)."""
    if invite.state in ("open", "used") and now >= invite.expires_at:
        return "expired"
    return invite.state


def describe(invite: CallerInvite, now: datetime) -> str:
    """`…78 · sent by SMS · in use, 3 items · until 22:02` (plain text)."""
    state = state_at(invite, now)
    parts = [invite.number or tr("no number")]
    if invite.sent_by:
        parts.append(tr(SENT_WORDS.get(invite.sent_by, invite.sent_by)))
    words = tr(STATE_WORDS.get(state, state))
    if invite.items:
        words = tr("{state}, {count} items", state=words, count=invite.items)
    parts.append(words)
    if state in ("open", "used"):
        parts.append(tr("until {time:%H:%M}", time=invite.expires_at.astimezone()))
    return " · ".join(parts)


def summary(invites: list[CallerInvite], position: CallerPosition | None, now: datetime) -> str:
    """One line for the incident's detail: the newest link, and where the caller is (plain text)."""
    parts = []
    if invites:
        parts.append(tr("Caller link: {what}", what=describe(invites[0], now)))
    if position is not None:
        accuracy = f" ±{position.accuracy_m:.0f} m" if position.accuracy_m is not None else ""
        parts.append(
            tr("caller located{accuracy} at {time:%H:%M:%S}", accuracy=accuracy, time=position.at.astimezone())
        )
    return " · ".join(parts)


def invite_body(number: str, minutes: int, send: bool, language: str) -> dict[str, Any]:
    """The command's body (`CallerInviteCreate`)."""
    body: dict[str, Any] = {"valid_minutes": minutes, "send": bool(number.strip()) and send,
                            "language": "fr" if language.startswith("fr") else "en"}  # fmt: skip
    if number.strip():
        body["number"] = number.strip()
    return body
