"""The centre's incident types as the call form and the incident's detail list them (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dispatch_protocol.entities import IncidentType


def type_rows(types: Iterable[IncidentType], language: str) -> list[dict[str, Any]]:
    """The types in use, named in the operator's language when the centre gave that name, by name."""
    rows = [
        {
            "code": t.code,
            "text": t.names.get(language) or t.text,
            "emsi_category": t.emsi_category,
            "priority": t.priority,
            "agencies": list(t.agencies),
        }
        for t in types
        if not t.retired
    ]
    return sorted(rows, key=lambda row: (row["text"].casefold(), row["code"]))
