"""HTML from feeds and Mastodon statuses made into plain text (the console shows posts as text only)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

MAX_TEXT = 100_000
"""Characters of a post kept: the rest is cut (a post is not a document)."""

_BLOCKS = {"p", "br", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}
_DROPPED = {"script", "style", "template"}


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED and self._skip:
            self._skip -= 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))  # a line break in markup is a space; <br> and <p> break


def text_of_html(markup: str) -> str:
    """The text a reader sees: tags gone, entities decoded, blank lines squeezed, cut at MAX_TEXT."""
    if "<" not in markup:
        text = html.unescape(markup)
    else:
        parser = _TextOnly()
        parser.feed(markup)
        parser.close()
        text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r"\s*\n\s*", "\n", text).strip()
    return text[:MAX_TEXT]
