"""A translation catalogue in Qt Linguist's TS format (XML, what Qt Linguist and lrelease read): the
console's one context, each source string with its translation or marked unfinished. Plain Python."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

CONTEXT = "console"
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(![rsa])?(:[^{}]*)?\}")


@dataclass
class Catalogue:
    language: str  # "fr_FR"
    translations: dict[str, str] = field(default_factory=dict)  # source → translation ("" while unfinished)
    files: dict[str, list[str]] = field(default_factory=dict)  # source → the files that use it

    def unfinished(self) -> list[str]:
        return [source for source, text in self.translations.items() if not text]


def placeholders(text: str) -> set[str]:
    """The `{name}`/`{name:spec}` fields of a template, whole (a translation must keep them as they are)."""
    return {match.group(0) for match in PLACEHOLDER.finditer(text)}


def read(path: Path) -> Catalogue:
    root = ET.parse(path).getroot()
    catalogue = Catalogue(root.get("language") or "")
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        kind = node.get("type") if node is not None else "unfinished"
        if kind in ("vanished", "obsolete"):  # Qt Linguist keeps strings the source no longer uses
            continue
        catalogue.translations[source] = (node.text or "") if node is not None and kind != "unfinished" else ""
        catalogue.files[source] = [loc.get("filename") or "" for loc in message.iter("location")]
    return catalogue


def write(catalogue: Catalogue, path: Path) -> None:
    root = ET.Element("TS", version="2.1", language=catalogue.language, sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sorted(catalogue.translations, key=lambda s: (catalogue.files.get(s, [""])[0], s)):
        message = ET.SubElement(context, "message")
        for filename in catalogue.files.get(source, []):
            ET.SubElement(message, "location", filename=filename)
        ET.SubElement(message, "source").text = source
        text = catalogue.translations[source]
        node = ET.SubElement(message, "translation")
        if text:
            node.text = text
        else:
            node.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def merge(catalogue: Catalogue, used: dict[str, list[str]]) -> Catalogue:
    """The catalogue for the strings the source uses now: translations kept, new strings unfinished,
    strings no longer used dropped."""
    return Catalogue(
        catalogue.language,
        {source: catalogue.translations.get(source, "") for source in used},
        {source: sorted(set(files)) for source, files in used.items()},
    )
