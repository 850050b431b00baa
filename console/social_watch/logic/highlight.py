"""Where a rule's terms are in a post's own text, for highlighting (case and accents ignored, as matching).

Folding changes lengths ("œ" → "oe", "ß" → "ss", "é" → "e" + a dropped accent), so the text is folded
character by character with a map back to the original positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dispatch_protocol.watch_query import fold


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = fold(char)
        folded.append(piece)
        origin.extend([index] * len(piece))
    return "".join(folded), origin


def _pattern(term: str) -> str:
    if term.endswith("*"):
        return rf"(?<!\w){re.escape(term[:-1])}\w*"
    return rf"(?<!\w){re.escape(term)}(?!\w)".replace(r"\ ", r"\s+")


def highlight_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """(start, length) in `text` of each occurrence of the (folded) terms, sorted and merged."""
    wanted = sorted({t for t in terms if t and t != "*"}, key=len, reverse=True)
    if not wanted or not text:
        return []
    folded, origin = _folded_with_map(text)
    spans: list[tuple[int, int]] = []
    for match in re.finditer("|".join(_pattern(t) for t in wanted), folded):
        if match.end() == match.start():
            continue
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [(start, end - start) for start, end in merged]
