"""The session report: response times from the recorded events, notes, actions, all text escaped."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from console.recording.logic.report import write_report
from console.recording.logic.session_file import SessionReader, SessionWriter
from tests.unit.console.factories import event, incident, snapshot, unit

T0 = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)


def at(seconds: float) -> str:
    return (T0 + timedelta(seconds=seconds)).isoformat().replace("+00:00", "Z")


def test_the_report_gives_response_times_notes_and_actions_as_escaped_html(tmp_path: Path) -> None:
    path = tmp_path / "night.session"
    writer = SessionWriter(path, {})
    t = T0.timestamp()
    writer.append(t, "snapshot", "snapshot", snapshot(1, incidents=[incident("old", number="2026-000001")]))
    hostile = incident("i2", number="2026-000002", priority=9, type_text="<script>alert(1)</script> Cardiac")
    created = event(2, "incident.created", "i2", {"incident": hostile})
    created["ts"] = at(10)
    writer.append(t + 10, "event", "incident.created", created)
    for seq, seconds, status in ((3, 40, "Dispatched"), (4, 70, "EnRoute"), (5, 310, "OnScene")):
        raw = event(seq, "unit.updated", "PS-01@police", {"unit": unit(incident_id="i2", secondary_status=status)})
        raw["ts"] = at(seconds)
        writer.append(t + seconds, "event", "unit.updated", raw)
    writer.append(t + 39, "action", "command:POST /incidents/i2/assign", {"description": "assign PS-01 to 2026-000002"})
    writer.close()
    reader = SessionReader(path)
    reader.add_note(t + 200, "Où est l'<b>ambulance</b> ?")
    reader.close()
    page = write_report(path, tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Cardiac" in page
    row = page.split("2026-000002</td>", 1)[1].split("</tr>", 1)[0]
    assert "<td>30 s</td>" in row and "<td>5 min</td>" in row, "creation → dispatch 30 s, → on scene 5 min"
    assert "<b class='p8'>9</b>" in row
    assert "2026-000001</td>" in page and "before the session" in page, "incidents open at the start are listed"
    assert "Où est l&#x27;&lt;b&gt;ambulance&lt;/b&gt; ?" in page
    assert "assign PS-01 to 2026-000002" in page
    assert "PS-01 dispatched" in page and "PS-01 on scene" in page, "the incident's timeline"
