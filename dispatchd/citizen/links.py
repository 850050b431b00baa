"""The link given to a caller: what it is, what it allows, and when it stops (pure: the clock is given)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from dispatchd.clock import format_utc, parse_utc

LINK_BYTES = 24
"""192 random bits: a link cannot be guessed (the page's address is all the caller has)."""
OPEN_STATES = frozenset({"open", "used"})


def new_link() -> str:
    """The secret part of the page's address (URL-safe, 32 characters)."""
    return secrets.token_urlsafe(LINK_BYTES)


def link_key(link: str) -> str:
    """What storage keeps instead of the link: a stolen database gives no working link."""
    return hashlib.sha256(link.encode()).hexdigest()


def new_invite(
    incident_id: str, actor: str, now: datetime, valid: timedelta, number: str | None, link: str
) -> dict[str, Any]:
    return {
        "ref": secrets.token_hex(6),
        "key": link_key(link),
        "incident_id": incident_id,
        "created_by": actor,
        "created_at": format_utc(now),
        "expires_at": format_utc(now + valid),
        "state": "open",
        "number": number,
        "sent_by": "",
        "used_at": None,
        "items": 0,
    }


def state_at(invite: dict[str, Any], now: datetime) -> str:
    """`open`, `used`, `revoked` or `expired` at `now` (an open link past its time is expired, marked or not)."""
    if invite["state"] in OPEN_STATES and now >= parse_utc(invite["expires_at"]):
        return "expired"
    return str(invite["state"])


def public(invite: dict[str, Any]) -> dict[str, Any]:
    """The invite as events and consoles see it: without the link's key."""
    return {k: v for k, v in invite.items() if k != "key"}


def page_url(base_url: str, link: str) -> str:
    return f"{base_url.rstrip('/')}/c/{link}"


def masked(number: str | None) -> str:
    """A phone number as logs may show it: its last two digits."""
    digits = [c for c in number or "" if c.isdigit()]
    return "…" + "".join(digits[-2:]) if digits else ""
