"""The tag dialog: the selected incident by default, another found by its number, labels, a note."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.domain.model import Incident
from console.evidence.logic.clip import last
from console.videowall.tag_dialog import TagDialog
from tests.unit.console.factories import incident


def incidents() -> list[Incident]:
    return [
        Incident.model_validate(incident("i1", number="2026-000041", priority=3)),
        Incident.model_validate(incident("i2", number="2026-000042", priority=9)),
        Incident.model_validate(incident("i3", number="2026-000043", priority=6)),
    ]


def test_tag_to_the_selected_incident_or_one_found_by_number(qtbot: QtBot) -> None:
    dialog = TagDialog()
    qtbot.addWidget(dialog)
    clip = last(30, datetime(2026, 11, 25, 18, 30, 22, 480000, tzinfo=UTC))
    dialog.ask(clip, "Gare de Valmont — parvis", incidents(), "i3")
    assert (
        dialog.isVisible() and not dialog.isModal()
    ) or dialog.windowModality() != Qt.WindowModality.ApplicationModal
    assert dialog.incident.currentData() == "i3", "the selected incident by default"
    assert [dialog.incident.itemData(i) for i in range(3)] == ["i2", "i3", "i1"], "by priority"
    assert dialog.summary.text().startswith("Gare de Valmont — parvis · ") and "(30.0 s)" in dialog.summary.text()
    dialog.incident.setCurrentIndex(dialog.incident.findText("000041", Qt.MatchFlag.MatchContains))
    dialog.labels[0].setChecked(True)
    dialog.other_labels.setText(" knife , fight,")
    dialog.note.setText("  two men  ")
    with qtbot.waitSignal(dialog.tag_requested) as told:
        dialog._tag()
    incident_id, tagged, labels, note = told.args
    assert (incident_id, tagged, labels, note) == ("i1", clip, ["fight", "knife"], "two men")
    assert tagged.end - tagged.start == timedelta(seconds=30)
    assert not dialog.isVisible()


def test_without_an_incident_nothing_is_tagged(qtbot: QtBot) -> None:
    dialog = TagDialog()
    qtbot.addWidget(dialog)
    dialog.ask(last(30, datetime.now(UTC)), "cam", [], "")
    with qtbot.assertNotEmitted(dialog.tag_requested):
        dialog._tag()
    assert dialog.problem.text() == "Choose the incident the clip belongs to."
