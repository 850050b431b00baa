"""`tr()`, the one door every user-visible string goes through; plain Python, so that pure modules (query
errors, ages, the session report) can be translated without Qt. The console installs Qt's lookup at start
(`console.i18n.qt_language`); until then, and in tests of pure logic, the English source is shown.

Placeholders are named (`tr("Screen {name} was unplugged", name=screen)`), so that a translation can put them
in its own order."""

from __future__ import annotations

import logging
from collections.abc import Callable

log = logging.getLogger("console.i18n")

_lookup: Callable[[str], str] = str
_language = "en"


def install(lookup: Callable[[str], str], language: str = "en") -> None:
    """Translate through `lookup` from now on (the source text in, its translation out), into `language`."""
    global _lookup, _language
    _lookup, _language = lookup, language


def language() -> str:
    """The language texts are shown in (`en`, `fr`): for names the backend gives in several."""
    return _language


def tr(source: str, /, **values: object) -> str:
    """The translation of `source`, its `{name}` placeholders filled from `values`."""
    text = _lookup(source) or source
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        log.error("translation of %r does not fit its placeholders: %r", source, text)
        return source.format(**values)


def N_(source: str) -> str:  # noqa: N802 - the usual name of the marker (gettext's N_, Qt's QT_TR_NOOP)
    """Marks a string to translate where it is shown (constants made before the language is chosen)."""
    return source
