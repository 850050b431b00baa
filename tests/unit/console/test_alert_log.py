"""The alert log: raised once while pending, acknowledged with who and when, also from elsewhere."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.alerting.logic.log import AlertLog

T0 = datetime(2026, 11, 25, 22, 0, tzinfo=UTC)


def test_an_alert_is_logged_once_while_pending_and_acknowledged_with_who_and_when() -> None:
    log = AlertLog()
    first = log.raise_alert("camera", "Port", "Port: camera refused the connection", T0)
    assert first is not None and first.pending
    assert log.raise_alert("camera", "Port", "Port: camera refused the connection", T0 + timedelta(seconds=4)) is None
    other = log.raise_alert("incident", "i9", "2026-000009 Cardiac arrest (priority 9)", T0)
    assert other is not None and [a.key for a in log.pending()] == ["Port", "i9"]
    done = log.acknowledge(first.id, "supervisor", T0 + timedelta(minutes=1))
    assert done is not None and (done.acknowledged_by, done.pending) == ("supervisor", False)
    assert log.acknowledge(first.id, "operator", T0 + timedelta(minutes=2)) is None, "acknowledged once"
    again = log.raise_alert("camera", "Port", "Port: stream ended", T0 + timedelta(minutes=3))
    assert again is not None and again.id != first.id, "after an acknowledgement, a new failure is a new alert"
    log.acknowledge_key("incident", "i9", "operator", T0 + timedelta(minutes=4))
    assert [a.key for a in log.pending()] == ["Port"]
