"""The call form refuses invalid input next to the field and sends nothing."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from console.backend.commands import Commands
from console.views.create_incident import CreateIncidentDialog

TYPES = [
    {"code": "FIGHT", "text": "Fight on the public way", "priority": 6, "agencies": ["police"]},
    {"code": "CARDIAC", "text": "Cardiac arrest", "priority": 9, "agencies": ["ems"]},
]


def test_invalid_input_is_shown_next_to_the_field_and_nothing_is_sent(qtbot: QtBot) -> None:
    sent: list[str] = []
    commands = Commands(sent.append)  # not attached: anything sent would be reported here
    dialog = CreateIncidentDialog(commands)
    qtbot.addWidget(dialog)
    dialog.set_incident_types(TYPES)
    dialog.start()
    dialog.type_box.setEditText("Alien landing")
    dialog.submit()
    assert dialog.isVisible(), "the form stays open"
    assert dialog.errors["type_code"].isVisibleTo(dialog)
    assert dialog.errors["type_code"].text() == "Unknown incident type 'Alien landing': choose one from the list"
    assert dialog.errors["location"].text().startswith("Give the location")
    assert not dialog.errors["priority"].isVisibleTo(dialog)
    assert sent == []


def test_choosing_a_type_suggests_its_priority(qtbot: QtBot) -> None:
    dialog = CreateIncidentDialog(Commands(lambda _m: None))
    qtbot.addWidget(dialog)
    dialog.set_incident_types(TYPES)
    dialog.type_box.setCurrentIndex(dialog.type_box.findData("CARDIAC"))
    assert dialog.priority.value() == 9
    assert dialog.form().type_code == "CARDIAC"
