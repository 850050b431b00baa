"""What the queue shows: priority, status, sector, type, agency and free text."""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.model import Incident

OPEN = "open"


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """Every criterion left at None lets everything through."""

    min_priority: int | None = None
    status: str | None = OPEN  # "open" = new or active
    sector: str | None = None
    type_code: str | None = None
    agency: str | None = None
    text: str = ""

    def matches(self, incident: Incident, unit_callsigns: tuple[str, ...] = ()) -> bool:
        if self.min_priority is not None and incident.priority < self.min_priority:
            return False
        if self.status == OPEN and not incident.is_open:
            return False
        if self.status not in (None, OPEN) and incident.status != self.status:
            return False
        if self.sector is not None and incident.location.sector != self.sector:
            return False
        if self.type_code is not None and incident.type_code != self.type_code:
            return False
        if self.agency is not None and self.agency not in incident.agencies:
            return False
        if self.text:
            haystack = " ".join(
                (
                    incident.number,
                    incident.type_text,
                    incident.type_code,
                    incident.location.address_text or "",
                    incident.location.sector or "",
                    *unit_callsigns,
                )
            ).casefold()
            return all(word in haystack for word in self.text.casefold().split())
        return True
