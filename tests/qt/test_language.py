"""The console in French through Qt's translation system: chosen from the system's locale or the setting,
our catalogue and Qt's own installed, widgets built in French, back to English when asked."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app import build_console
from console.backend.commands import Commands
from console.i18n import formats, tr
from console.i18n.qt_language import Language, choose_language
from console.social_watch.rule_editor import GEOFENCE_DRAWN, GEOFENCE_INCIDENT, RuleEditor
from console.state.notifier import Notifier
from console.state.store import Store
from console.views.main_window import MainWindow
from console.views.status_bar import ConsoleStatusBar
from console.views.unit_board import UnitBoard
from dispatch_protocol.geofence import geofence_of, geofence_outline
from tests.qt.conftest import QtAsync


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Language]:
    installed = Language()
    yield installed
    installed.install(qapp, "en")


def test_the_language_follows_the_setting_then_the_systems_locale() -> None:
    french, british = QLocale(QLocale.Language.French, QLocale.Country.Belgium), QLocale("en_GB")
    assert choose_language("auto", french) == "fr"
    assert choose_language("auto", british) == "en"
    assert choose_language("auto", QLocale(QLocale.Language.German)) == "en", "a language we do not ship"
    assert choose_language("en", french) == "en" and choose_language("fr", british) == "fr"


@pytest.mark.parametrize(("lang", "expected"), [("fr_FR.UTF-8", "fr"), ("en_GB.UTF-8", "en")])
def test_french_when_the_systems_locale_is_french(lang: str, expected: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")} | {"LANG": lang, "LANGUAGE": ""}
    chosen = subprocess.run(
        [sys.executable, "-c", "from console.i18n.qt_language import choose_language; print(choose_language('auto'))"],
        env=env, capture_output=True, text=True, check=True, timeout=60,
    ).stdout.strip()  # fmt: skip
    assert chosen == expected


def test_widgets_built_in_french_then_english_again(qtbot: QtBot, qapp: QApplication, language: Language) -> None:
    language.install(qapp, "fr")
    assert language.code == "fr"
    window = MainWindow(ConsoleStatusBar(Store(), Notifier()))
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Fichier", "I&ntervention", "&Affichage"]
    assert window.windowTitle() == "Console de commandement"
    board = UnitBoard(Store(), Commands(lambda _text: None))
    qtbot.addWidget(board)
    header = board.tree.headerItem()
    assert [header.text(c) for c in range(3)] == ["Indicatif", "Service", "Nature"]
    assert tr("{count} units", count=formats.number(1250)) == "1\u202f250 unités", "numbers the French way"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler", "Qt's own dialogs in French"
    language.install(qapp, "en")
    assert tr("{count} units", count=formats.number(1250)) == "1,250 units"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_the_whole_console_in_french_fits_a_full_hd_screen(
    qtbot: QtBot, qapp: QApplication, language: Language, qloop: QtAsync
) -> None:
    language.install(qapp, "fr")
    console = build_console("fr", fill_wall=False)
    qtbot.addWidget(console.window)
    assert console.window.minimumSizeHint().width() <= 1900, "French words are longer: nothing may push off-screen"
    menus = [a.text() for a in console.window.menuBar().actions()]
    assert menus == ["&Fichier", "I&ntervention", "&Affichage"]
    titles = {dock.windowTitle() for dock in console.window.docks.values()}
    assert {"File des interventions", "Unités", "Mur d’images", "Veille réseaux sociaux", "Alertes"} <= titles
    qloop.run(console.close())


def test_a_rule_drawn_in_french_is_still_geojson(qtbot: QtBot, qapp: QApplication, language: Language) -> None:
    """GeoJSON's words are the wire's, not the operator's: a French console's drawn area stays a "Polygon"."""
    language.install(qapp, "fr")
    editor = RuleEditor(lambda: ("i1", "2026-000001", 45.75, 4.84))  # the selected incident
    qtbot.addWidget(editor)
    editor.edit(None)
    editor.name.setText("Rixes place du marché")
    editor.query.setText("rixe")
    editor.geofence.setCurrentIndex(editor.geofence.findData(GEOFENCE_DRAWN))
    editor.set_drawn_area([[4.838, 45.752], [4.846, 45.752], [4.846, 45.747]])
    body = editor.body()
    assert body is not None and body["geofence"]["type"] == "Polygon"
    assert body["geofence"]["label"] == tr("an area drawn on the map ({count} corners)", count=3)
    assert geofence_of(body["geofence"]) is not None, "the backend reads it with the same parser"
    editor.radius.setValue(300)
    editor.geofence.setCurrentIndex(editor.geofence.findData(GEOFENCE_INCIDENT))
    circle = editor.body()
    assert circle is not None and circle["geofence"]["type"] == "Circle"
    assert geofence_of(circle["geofence"]) is not None
    outline = geofence_outline(circle["geofence"])
    assert outline is not None and outline["type"] == "Polygon", "the map is given GeoJSON"
