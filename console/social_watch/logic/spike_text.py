"""A spike alert in words, as the alert strip, the alert log and the operator's messages say it."""

from __future__ import annotations

from console.i18n import tr
from console.i18n.formats import number
from console.social_watch.logic.watch import SpikeAlert


def alert_text(alert: SpikeAlert) -> str:
    spike = alert.spike
    return tr(
        "▲ SOCIAL SPIKE  {rule_name}: {count} posts this minute (usually {baseline}) at {time:%H:%M}",
        rule_name=alert.rule_name,
        count=spike.count,
        baseline=number(spike.baseline, 1),
        time=alert.at.astimezone(),
    )
