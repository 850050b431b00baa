"""Public warnings (CAP) as they travel: each message names its warning (`warning_id`) and when it was sent
(`sent_at`, finer than CAP's `sent`, which is to the second); a warning is its newest message."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def newest_per_warning(messages: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The newest message of each warning, newest first."""
    newest: dict[str, dict[str, Any]] = {}
    for message in messages:
        held = newest.get(message["warning_id"])
        if held is None or message["sent_at"] > held["sent_at"]:
            newest[message["warning_id"]] = message
    return sorted(newest.values(), key=lambda m: m["sent_at"], reverse=True)
