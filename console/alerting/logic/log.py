"""The alert log (pure): what was raised, when, and who acknowledged it. The same alert raised again while
unacknowledged (a camera failing on every retry) is not logged twice."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from datetime import datetime


@dataclass(frozen=True)
class Alert:
    id: int
    at: datetime
    kind: str  # incident, social, camera
    key: str  # the incident's id, the rule's id, the camera's tile: what acknowledging it also acknowledges
    text: str
    acknowledged_by: str | None = None
    acknowledged_at: datetime | None = None

    @property
    def pending(self) -> bool:
        return self.acknowledged_at is None


class AlertLog:
    def __init__(self) -> None:
        self.alerts: list[Alert] = []
        self._ids = itertools.count(1)

    def raise_alert(self, kind: str, key: str, text: str, at: datetime) -> Alert | None:
        """Log an alert; None when the same one is still pending."""
        if any(a.pending and a.kind == kind and a.key == key for a in self.alerts):
            return None
        alert = Alert(next(self._ids), at, kind, key, text)
        self.alerts.append(alert)
        return alert

    def acknowledge(self, alert_id: int, who: str, at: datetime) -> Alert | None:
        for index, alert in enumerate(self.alerts):
            if alert.id == alert_id and alert.pending:
                self.alerts[index] = replace(alert, acknowledged_by=who, acknowledged_at=at)
                return self.alerts[index]
        return None

    def acknowledge_key(self, kind: str, key: str, who: str, at: datetime) -> None:
        """Acknowledged elsewhere (the alert strip): the log says so too."""
        for alert in list(self.alerts):
            if alert.pending and alert.kind == kind and alert.key == key:
                self.acknowledge(alert.id, who, at)

    def pending(self) -> list[Alert]:
        return [a for a in self.alerts if a.pending]
