"""Watch rules as the console applies them: a query, optional languages, an optional geofence (its shapes:
`dispatch_protocol.geofence`). A post without a position never matches a rule with a geofence. No Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dispatch_protocol.geofence import Geofence, geofence_of
from dispatch_protocol.watch_query import Node, Text, parse


@dataclass(frozen=True)
class WatchRule:
    id: str
    name: str
    query: Node
    languages: frozenset[str]
    geofence: Geofence | None
    active: bool = True

    @classmethod
    def build(
        cls,
        rule_id: str,
        name: str,
        query: str,
        languages: Sequence[str] = (),
        geofence: Mapping[str, Any] | None = None,
        active: bool = True,
    ) -> WatchRule:
        """A rule from what an operator typed; QueryError or ValueError say what is wrong."""
        return cls(
            rule_id, name, parse(query), frozenset(lang.lower() for lang in languages), geofence_of(geofence), active
        )

    def matches(self, text: Text, lang: str | None, position: tuple[float, float] | None) -> bool:
        if not self.active:
            return False
        if self.languages and (lang or "").lower() not in self.languages:
            return False
        if self.geofence is not None and (position is None or not self.geofence.contains(*position)):
            return False
        return self.query.matches(text)


def matching_rules(
    rules: Sequence[WatchRule], text: str, lang: str | None, position: tuple[float, float] | None
) -> list[str]:
    """The ids of the rules a post matches (the post's text prepared once)."""
    prepared = Text.of(text)
    return [rule.id for rule in rules if rule.matches(prepared, lang, position)]
