"""Automatic linking in the operator's words (pure): the incidents linked or merged, the repeat place, the posts
suggested. Every text is plain (escape it before rich text)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from console.domain.model import Incident
from console.domain.safe_text import one_line
from console.i18n import N_, tr
from console.i18n.formats import day

WHY_WORDS = {
    "near": N_("posted {metres} m away"),
    "both": N_("posted {metres} m away, names the place"),
    "words": N_("says what and where"),
}
POST_CHARS = 140


def links_text(incident: Incident, incidents: Mapping[str, Incident]) -> str:
    """`Linked with 2026-000004 · merged into 2026-000002 · merged here: 2026-000007`."""

    def number(incident_id: str) -> str:
        other = incidents.get(incident_id)
        return other.number if other is not None else incident_id[:8]

    parts = []
    if incident.linked_incidents:
        parts.append(tr("Linked with {numbers}", numbers=", ".join(number(i) for i in incident.linked_incidents)))
    if incident.merged_into:
        parts.append(tr("merged into {number}", number=number(incident.merged_into)))
    if incident.merged_from:
        parts.append(tr("merged here: {numbers}", numbers=", ".join(number(i) for i in incident.merged_from)))
    return " · ".join(parts)


def repeat_place_text(found: Mapping[str, Any], incident_id: str) -> str:
    """`4 incidents here since 2 Nov: 2026-000001 Fight (3 Nov), …` (empty when the place repeats nothing)."""
    listed = [i for i in found.get("incidents") or [] if isinstance(i, dict)]
    if len(listed) < 3:
        return ""
    since = datetime.fromisoformat(str(listed[0]["created_at"]))
    others = [
        f"{i['number']} {one_line(str(i.get('type_text') or ''), 40)} ({day(datetime.fromisoformat(i['created_at']))})"
        for i in listed
        if i["incident_id"] != incident_id
    ]
    return tr("{count} incidents here since {since}: {others}", count=len(listed), since=day(since),
              others=", ".join(others))  # fmt: skip


def suggestion_text(suggestion: Mapping[str, Any]) -> str:
    """`«Smoke everywhere…» — @lea_valmont, posted 150 m away` (plain text)."""
    post = suggestion.get("post") or {}
    why = WHY_WORDS.get(str(suggestion.get("why")), "")
    said = tr(why, metres=suggestion.get("distance_m")) if why else ""
    author = str(post.get("author") or tr("unknown author"))
    return f"«{one_line(str(post.get('text') or ''), POST_CHARS)}» — {author}" + (f", {said}" if said else "")


def suggestions_title(count: int) -> str:
    if count == 0:
        return ""
    if count == 1:
        return tr("1 post may be about this incident")
    return tr("{count} posts may be about this incident", count=count)
