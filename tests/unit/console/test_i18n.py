"""Languages: every string an operator reads in console/ goes through tr(), the French catalogue covers them
all with the same placeholders, the compiled catalogue is the one the TS file gives; tr() and the formats."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.i18n import catalogue, formats, install, tr
from console.i18n.extract import scan_all, source_roots
from console.i18n.update import catalogue_path, lrelease, used_strings


@pytest.fixture
def french_lookup() -> Iterator[dict[str, str]]:
    table: dict[str, str] = {}
    install(lambda source: table.get(source, source))
    formats.use_language("fr")
    yield table
    install(str)
    formats.use_language("en")


def test_every_visible_string_in_the_console_goes_through_tr() -> None:
    marked, unmarked, early = scan_all(*source_roots())
    assert len(marked) > 500, "the scan sees the console's strings"
    assert not unmarked, "strings an operator reads, not translatable:\n" + "\n".join(map(str, unmarked))
    assert not early, "translated before the language is chosen (use N_):\n" + "\n".join(map(str, early))


def test_the_french_catalogue_covers_every_string_with_its_placeholders() -> None:
    french = catalogue.read(catalogue_path("fr"))
    used = used_strings()
    missing = sorted(set(used) - set(french.translations))
    assert not missing, f"not in console_fr.ts (run python -m console.i18n.update): {missing}"
    assert not french.unfinished(), f"untranslated in console_fr.ts: {french.unfinished()}"
    stale = sorted(set(french.translations) - set(used))
    assert not stale, f"no longer used (run python -m console.i18n.update): {stale}"
    wrong = {
        source: text
        for source, text in french.translations.items()
        if catalogue.placeholders(source) != catalogue.placeholders(text)
    }
    assert not wrong, f"translations whose placeholders differ from their source: {wrong}"
    assert french.translations["&View"] == "&Affichage"


def test_the_compiled_catalogue_is_the_ts_file_compiled(tmp_path: Path) -> None:
    shipped = catalogue_path("fr").with_suffix(".qm")
    fresh = tmp_path / "console_fr.qm"
    subprocess.run([lrelease(), "-silent", str(catalogue_path("fr")), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == shipped.read_bytes(), "console_fr.qm is stale: run python -m console.i18n.update"


def test_the_scanner_finds_unmarked_strings_and_accepts_marked_ones(tmp_path: Path) -> None:
    (tmp_path / "panel.py").write_text(
        "import logging\n"
        "log = logging.getLogger('x')\n"
        "HEAD = (N_('Callsign'), 'Agency')\n"
        "TITLE = tr('Too early')\n"
        "def build(label, n, who, title=tr('Also too early')):\n"
        "    '''A docstring is not shown.'''\n"
        "    label.setText(f'{n} units waiting')\n"
        "    label.setToolTip(tr('Send the unit'))\n"
        "    label.setText(tr('Linked by {who}', who=who or 'an unknown author'))\n"
        "    label.setText('live')\n"
        "    log.info('Feed %s started', n)\n"
        "    label.setText(', '.join(f'{x} requested by {who}' for x in n))\n"
        "    label.setText(who.get('author', 'unknown author'))\n"
        "    label.setObjectName('Main panel')\n"
        "    return {'Key word': 1}['Key word']\n",
        encoding="utf-8",
    )
    marked, unmarked, early = scan_all(tmp_path)
    assert {f.text for f in marked} == {"Callsign", "Send the unit", "Linked by {who}", "Too early", "Also too early"}
    assert [(f.line, f.text) for f in unmarked] == [
        (3, "Agency"),
        (7, "{} units waiting"),
        (9, "an unknown author"),
        (10, "live"),
        (12, "{} requested by {}"),
        (13, "unknown author"),
    ]
    assert [f.line for f in early] == [4, 5]


def test_tr_translates_then_fills_placeholders_in_the_translations_order(french_lookup: dict[str, str]) -> None:
    french_lookup["Screen {name} was unplugged: {moved} moved"] = "{moved} déplacé(s) : écran {name} débranché"
    assert tr("Screen {name} was unplugged: {moved} moved", name="HDMI-2", moved="units") == (
        "units déplacé(s) : écran HDMI-2 débranché"
    )
    assert tr("Not in the catalogue") == "Not in the catalogue"
    french_lookup["Broken {name}"] = "Cassé {nom}"  # a translator's mistake: the source is shown, not a crash
    assert tr("Broken {name}", name="x") == "Broken x"


def test_numbers_and_dates_follow_the_language(french_lookup: dict[str, str]) -> None:
    moment = datetime(2026, 11, 25, 21, 5, 9, tzinfo=UTC)
    assert formats.number(99608) == "99\u202f608"
    assert formats.number(2.54, 1) == "2,5"
    assert formats.day(moment.astimezone()) == moment.astimezone().strftime("%d/%m/%Y")
    formats.use_language("en")
    assert formats.number(99608) == "99,608"
    assert formats.number(2.54, 1) == "2.5"
    assert formats.clock(moment).count(":") == 2 and "M" not in formats.clock(moment), "24-hour clock, no AM/PM"
    formats.use_language("de")
    assert formats.language() == "en", "a language the console does not ship formats as English"
