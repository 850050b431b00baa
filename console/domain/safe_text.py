"""Text from outside made safe to show as plain text: no bidi tricks, no control characters, bounded length.

Right-to-left overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make "gpj.exe" read "exe.jpg" or
flip the words of the line around a post; they are shown as visible marks instead ("⟦RLO⟧"). Other control
characters become "�". Very long posts are cut for lists (the full text stays in the post's detail).
"""

from __future__ import annotations

import unicodedata

from console.i18n import tr
from console.i18n.formats import number

BIDI_NAMES = {
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u061c": "ALM",
}
_TABLE = {ord(c): f"⟦{name}⟧" for c, name in BIDI_NAMES.items()}


def _clean_char(c: str) -> str:
    if c in "\n\t":
        return c
    if unicodedata.category(c) in ("Cc", "Cs") or c in "\u2028\u2029":
        return "\ufffd"
    return c


def shown_text(text: str, limit: int | None = None) -> str:
    """`text` with bidi controls made visible and control characters replaced, cut after `limit` characters
    with a note of how many more there are."""
    more = 0
    if limit is not None and len(text) > limit:
        more = len(text) - limit
        text = text[:limit]
    text = text.translate(_TABLE)
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in text if c not in "\n\t") or "\u2028" in text:
        text = "".join(_clean_char(c) for c in text)
    return text + (tr("… ({more} more characters)", more=number(more)) if more else "")


def one_line(text: str, limit: int) -> str:
    """For one line of a list: line breaks become spaces."""
    return " ".join(shown_text(text, limit).split())
