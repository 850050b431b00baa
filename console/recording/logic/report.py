"""The session report for trainers: every incident with its timeline and response times (creation → first
dispatch → first unit on scene), the operators' actions and the trainers' notes, as one HTML page.

Pure Python; every string from the session is escaped (incident text, notes and posts come from outside).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console.domain.events import Event, MalformedEvent, event_from_dict
from console.domain.timefmt import format_age
from console.i18n import N_, tr
from console.i18n.formats import day_and_clock, language, number
from console.operations.timeline import TimelineBuilder
from console.recording.logic.session_file import Record, SessionReader


@dataclass
class IncidentStory:
    """What the report says of one incident."""

    id: str
    number: str = ""
    type_text: str = ""
    priority: int = 0
    created: datetime | None = None
    dispatched: datetime | None = None
    on_scene: datetime | None = None
    closed: datetime | None = None
    builder: TimelineBuilder = field(default_factory=lambda: TimelineBuilder(""))

    def delay(self, until: datetime | None) -> str:
        if self.created is None or until is None:
            return "—"
        return format_age((until - self.created).total_seconds())


def _clock(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M:%S")


def stories(events: Iterable[Event], open_at_start: Iterable[dict[str, Any]] = ()) -> list[IncidentStory]:
    """Incidents of the session (created during it or already open at its start), in order of creation."""
    found: dict[str, IncidentStory] = {}
    for incident in open_at_start:
        found[incident["id"]] = IncidentStory(
            incident["id"],
            str(incident.get("number", "")),
            str(incident.get("type_text", "")),
            int(incident.get("priority", 0)),
            builder=TimelineBuilder(incident["id"], incident=incident),
        )
    unit_incident: dict[str, str] = {}
    for event in events:
        data = event.data
        targets: set[str] = set()
        if event.type.startswith("incident."):
            incident = data.get("incident") or data.get("changes") or {}  # whole (created) or what changed
            story = found.get(event.entity_id) or IncidentStory(
                event.entity_id, builder=TimelineBuilder(event.entity_id)
            )
            found[event.entity_id] = story
            story.number = incident.get("number", story.number)
            story.type_text = incident.get("type_text", story.type_text)
            story.priority = incident.get("priority", story.priority)
            if event.type == "incident.created":
                story.created = event.ts
            if event.type == "incident.closed" and story.closed is None:
                story.closed = event.ts
            targets.add(event.entity_id)
        elif event.type == "unit.updated":
            unit = data.get("unit") or {}
            incident_id = unit.get("incident_id") or unit_incident.get(event.entity_id)
            if unit.get("incident_id"):
                unit_incident[event.entity_id] = unit["incident_id"]
            served = found.get(incident_id or "")
            if served is not None:
                status = unit.get("secondary_status")
                if status == "Dispatched" and served.dispatched is None:
                    served.dispatched = event.ts
                if status == "OnScene" and served.on_scene is None:
                    served.on_scene = event.ts
                targets.add(served.id)
        else:
            for key in ("bookmark", "media", "post"):
                incident_id = (data.get(key) or {}).get("incident_id")
                if incident_id:
                    targets.add(incident_id)
        for incident_id in targets:
            if incident_id in found:
                found[incident_id].builder.add(event)
    return sorted(found.values(), key=lambda s: (s.created or datetime.min.replace(tzinfo=UTC), s.number))


def _events(records: Iterable[Record]) -> Iterable[Event]:
    for record in records:
        try:
            yield event_from_dict(record.body, int(record.body.get("seq", 0)))
        except MalformedEvent:
            continue


def _row(*cells: str) -> str:
    """A table row of cells already escaped."""
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


CSS = (  # i18n: not shown (style sheet)
    "body{font:14px 'DejaVu Sans',sans-serif;margin:2em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0 1.5em}"
    "td,th{border:1px solid #bbb;padding:3px 8px;text-align:left;vertical-align:top} th{background:#eee}"
    "h2{margin-top:2em} .p8{color:#b00020;font-weight:bold}"
)
RESPONSE_COLUMNS = (
    N_("Incident"), N_("Type"), N_("Priority"), N_("Created"), N_("→ first dispatch"), N_("→ first on scene"),
    N_("Closed"),
)  # fmt: skip


def _head(*columns: str) -> str:
    """A table's header row, translated and escaped."""
    return "<tr>" + "".join(f"<th>{html.escape(tr(column))}</th>" for column in columns) + "</tr>"


def _h2(title: str) -> str:
    return f"<h2>{html.escape(title)}</h2>"


def _when(t: float) -> str:
    return _clock(datetime.fromtimestamp(t, UTC))


def render(reader: SessionReader) -> str:
    """The report's HTML."""
    events = list(_events(reader.records(0, 10**12, kinds=("event",))))
    actions = list(reader.records(0, 10**12, kinds=("action",)))
    start, end = datetime.fromtimestamp(reader.start, UTC), datetime.fromtimestamp(reader.end, UTC)
    title = html.escape(tr("Session report — {name}", name=reader.path.name))
    first = next(reader.records(0, 10**12, kinds=("snapshot",)), None)
    found = stories(events, first.body.get("incidents") or [] if first else [])
    summary = tr(
        "From {start} to {end} ({length}); {events} events, {actions} operator actions.",
        start=day_and_clock(start),
        end=f"{end.astimezone():%H:%M:%S}",
        length=format_age((end - start).total_seconds()),
        events=number(len(events)),
        actions=number(len(actions)),
    )
    parts = [
        f"<!DOCTYPE html><html lang='{language()}'><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{CSS}</style></head><body><h1>{title}</h1>",
        f"<p>{html.escape(summary)}</p>",
        _h2(tr("Response times")) + "<table>" + _head(*RESPONSE_COLUMNS),
    ]
    for story in found:
        priority = f"<b class='p8'>{story.priority}</b>" if story.priority >= 8 else str(story.priority)
        parts.append(
            _row(
                html.escape(story.number),
                html.escape(story.type_text),
                priority,
                _clock(story.created) if story.created else html.escape(tr("before the session")),
                story.delay(story.dispatched),
                story.delay(story.on_scene),
                _clock(story.closed) if story.closed else "—",
            )
        )
    parts.append("</table>" + _h2(tr("Trainers' notes")))
    notes = "".join(_row(_when(t), html.escape(text)) for t, text in reader.notes())
    no_note = f"<p>{html.escape(tr('No note.'))}</p>"
    parts.append(f"<table>{_head(N_('Time'), N_('Note'))}{notes}</table>" if notes else no_note)
    parts.append(_h2(tr("Operator actions")) + "<table>" + _head(N_("Time"), N_("Action")))
    for action in actions:
        parts.append(_row(_when(action.t), html.escape(str(action.body.get("description") or action.type))))
    parts.append("</table>" + _h2(tr("Incidents")))
    for story in found:
        rows = "".join(_row(_clock(e.at), html.escape(e.actor), html.escape(e.text)) for e in story.builder.entries)
        parts.append(f"<h3>{html.escape(story.number)} · {html.escape(story.type_text)}</h3>")
        parts.append(f"<table>{_head(N_('Time'), N_('Who'), N_('What'))}{rows}</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(session: Path, destination: Path) -> Path:
    """Read a session file and write its report (run it off the GUI thread)."""
    reader = SessionReader(session)
    try:
        destination.write_text(render(reader), encoding="utf-8")
    finally:
        reader.close()
    return destination
