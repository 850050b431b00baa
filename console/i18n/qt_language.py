"""Chooses the console's language at start and installs it through Qt's translation system: our catalogue
(`console_<lang>.qm`, compiled from `console_<lang>.ts`) and Qt's own (standard buttons and dialogs)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from console.i18n import formats, install
from console.i18n.catalogue import CONTEXT
from console.resources import resource

log = logging.getLogger("console.i18n")
CATALOGUES = resource("translations")
SHIPPED = ("en", "fr")


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """ "fr" or "en" when the setting says so; "auto" (or anything else): French when the system's locale is
    French, else English."""
    if setting in SHIPPED:
        return setting
    locale = system or QLocale.system()
    return "fr" if locale.language() == QLocale.Language.French else "en"


class Language:
    """The translators installed in the application (kept here so that Python does not collect them)."""

    def __init__(self) -> None:
        self.code = "en"
        self._translators: list[QTranslator] = []

    def install(self, app: QCoreApplication, code: str) -> None:
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators.clear()
        self.code = code if code in SHIPPED else "en"
        formats.use_language(self.code)
        QLocale.setDefault(QLocale(QLocale.Language.French if self.code == "fr" else QLocale.Language.English))
        if self.code == "en":
            install(str)
            return
        ours = QTranslator()
        if not ours.load(str(CATALOGUES / f"console_{self.code}.qm")):
            log.error("the %s catalogue (%s) cannot be loaded: the console stays in English", self.code, CATALOGUES)
            self.code = "en"
            formats.use_language("en")
            install(str)
            return
        qt = QTranslator()
        if qt.load(f"qtbase_{self.code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            self._translators.append(qt)
        app.installTranslator(ours)
        self._translators.append(ours)
        install(lambda source: QCoreApplication.translate(CONTEXT, source), self.code)
        log.info("language: %s", self.code)
