"""Ranking the palette's entries for what was typed (pure): every typed word must be found, case and accents
ignored; a word that starts a word of the entry counts more than one found inside, the start of the label
most. Entries that match equally keep their order (actions first, then incidents, units, cameras)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dispatch_protocol.watch_query import fold


@dataclass(frozen=True)
class Entry:
    kind: str  # action, incident, unit, camera
    label: str
    detail: str
    key: str  # what to act on: an action's text, an incident's, unit's or camera's id


def _score(words: list[str], entry: Entry) -> int | None:
    label, text = fold(entry.label), fold(f"{entry.label} {entry.detail}")
    score = 0
    for word in words:
        where = text.find(word)
        if where < 0:
            return None
        if label.startswith(word):
            score += 30
        elif re.search(rf"(?<![\w]){re.escape(word)}", label):
            score += 20
        elif re.search(rf"(?<![\w]){re.escape(word)}", text):
            score += 10
        else:
            score += 3
    return score


def rank(query: str, entries: Sequence[Entry], limit: int = 30) -> list[Entry]:
    words = fold(query).split()
    if not words:
        return list(entries[:limit])
    scored = [(score, index, e) for index, e in enumerate(entries) if (score := _score(words, e)) is not None]
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [entry for _score_, _index, entry in scored[:limit]]
