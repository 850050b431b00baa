"""A major event's dashboard: its incidents by status and by priority band."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from console.domain.model import Incident
from console.domain.priority import priority_band


@dataclass(frozen=True, slots=True)
class MajorEventSummary:
    event: Incident
    total: int
    by_status: dict[str, int]
    by_band: dict[str, int]
    open_high: int  # open incidents of priority ≥ 7


def summarise(event: Incident, incidents: list[Incident]) -> MajorEventSummary:
    children = [i for i in incidents if i.major_event_id == event.id]
    return MajorEventSummary(
        event,
        len(children),
        dict(Counter(i.status for i in children)),
        dict(Counter(priority_band(i.priority).name for i in children)),
        sum(1 for i in children if i.is_open and i.priority >= 7),
    )
