"""Watch-rule queries: words, "exact phrases", #hashtags, @mentions, AND / OR / NOT and parentheses.

Matching ignores case and accents (French: "gréve" finds "GREVE"). Words match whole words; a word ending
in `*` matches a prefix (`manif*`). Juxtaposed terms mean AND. A malformed query raises QueryError with the
position of the problem, so that the editor can point at it.

    grève OR "blocage du périphérique"      #manif AND NOT @prefecture      (rixe OR bagarre) AND gare
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from dispatch_protocol.text import tr

_TOKEN = re.compile(r'\s*(?:(\()|(\))|"([^"]*)("?)|([^\s()"]+))')


class QueryError(ValueError):
    """A query that cannot be read; `position` is the 0-based character where the problem is."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(tr("{message} (at character {position})", message=message, position=position + 1))
        self.message = message
        self.position = position


def fold(text: str) -> str:
    """Lower case without accents: what matching compares ("Grève" → "greve", "ŒUVRE" → "oeuvre")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("œ", "oe").replace("æ", "ae"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_WORDS = re.compile(r"[#@]?[\w'’-]+")


@dataclass(frozen=True)
class Text:
    """A post's text made ready for matching once, whatever the number of rules."""

    folded: str
    words: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Text:
        folded = fold(text)
        words = set()
        for token in _WORDS.findall(folded):
            token = token.strip("'’-")
            words.add(token)
            if token[:1] in "#@":
                words.add(token[1:])  # "#greve" also counts as the word "greve"
        return cls(" " + " ".join(folded.split()) + " ", frozenset(words))


class Node:
    def matches(self, text: Text) -> bool:
        raise NotImplementedError

    def terms(self) -> list[str]:
        """The positive terms (for highlighting what matched)."""
        return []


@dataclass(frozen=True)
class Word(Node):
    word: str  # folded; may end with * (prefix)

    def matches(self, text: Text) -> bool:
        if self.word.endswith("*"):
            stem = self.word[:-1]
            return any(w.startswith(stem) for w in text.words)
        return self.word in text.words

    def terms(self) -> list[str]:
        return [self.word]


@dataclass(frozen=True)
class Phrase(Node):
    phrase: str  # folded, single spaces

    def matches(self, text: Text) -> bool:
        # Cheap test first; then whole words only ("rue" in a phrase does not match "rues").
        return self.phrase in text.folded and re.search(_whole(self.phrase), text.folded) is not None

    def terms(self) -> list[str]:
        return [self.phrase]


@dataclass(frozen=True)
class Not(Node):
    inner: Node

    def matches(self, text: Text) -> bool:
        return not self.inner.matches(text)


@dataclass(frozen=True)
class And(Node):
    parts: tuple[Node, ...]

    def matches(self, text: Text) -> bool:
        return all(part.matches(text) for part in self.parts)

    def terms(self) -> list[str]:
        return [t for part in self.parts for t in part.terms()]


@dataclass(frozen=True)
class Or(Node):
    parts: tuple[Node, ...]

    def matches(self, text: Text) -> bool:
        return any(part.matches(text) for part in self.parts)

    def terms(self) -> list[str]:
        return [t for part in self.parts for t in part.terms()]


def _whole(phrase: str) -> str:
    return rf"(?<!\w){re.escape(phrase)}(?!\w)"


def parse(query: str) -> Node:
    """The query as a tree; QueryError (with the position) when it cannot be read."""
    tokens = _tokens(query)
    if not tokens:
        raise QueryError(tr("the query is empty"), 0)
    parser = _Parser(tokens, len(query))
    node = parser.expression()
    if parser.index < len(tokens):
        kind, value, position = tokens[parser.index]
        raise QueryError(
            tr("unexpected {value!r}", value=value) if kind != ")" else tr("a ')' without its '('"), position
        )
    return node


def _tokens(query: str) -> list[tuple[str, str, int]]:
    out: list[tuple[str, str, int]] = []
    position = 0
    while position < len(query):
        if query[position:].strip() == "":
            break
        match = _TOKEN.match(query, position)
        if match is None:
            raise QueryError(tr("cannot read this"), position)
        start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        if match.group(1):
            out.append(("(", "(", start))
        elif match.group(2):
            out.append((")", ")", start))
        elif match.group(3) is not None:
            if not match.group(4):
                raise QueryError(tr('a phrase without its closing "'), start)
            phrase = " ".join(fold(match.group(3)).split())
            if not phrase:
                raise QueryError(tr("an empty phrase"), start)
            out.append(("phrase", phrase, start))
        else:
            raw = match.group(5)
            upper = raw.upper()
            if upper in ("AND", "OR", "NOT"):
                out.append((upper, raw, start))
            else:
                word = fold(raw).strip(".,;:!?")
                if not word or word in ("#", "@", "*"):
                    raise QueryError(tr("{raw!r} is not a word", raw=raw), start)
                out.append(("word", word, start))
        position = match.end()
    return out


class _Parser:
    """expression := term (OR term)* ; term := factor ((AND)? factor)* ; factor := NOT factor | ( expr ) | leaf"""

    def __init__(self, tokens: list[tuple[str, str, int]], end: int) -> None:
        self.tokens = tokens
        self.index = 0
        self.end = end

    def _peek(self) -> str | None:
        return self.tokens[self.index][0] if self.index < len(self.tokens) else None

    def _position(self) -> int:
        return self.tokens[self.index][2] if self.index < len(self.tokens) else self.end

    def expression(self) -> Node:
        parts = [self.term()]
        while self._peek() == "OR":
            self.index += 1
            parts.append(self.term())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def term(self) -> Node:
        parts = [self.factor()]
        while self._peek() in ("AND", "NOT", "(", "word", "phrase"):
            if self._peek() == "AND":
                self.index += 1
            parts.append(self.factor())
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def factor(self) -> Node:
        kind = self._peek()
        position = self._position()
        if kind is None:
            raise QueryError(tr("the query ends where a word was expected"), position)
        _kind, value, _position = self.tokens[self.index]
        self.index += 1
        if kind == "NOT":
            return Not(self.factor())
        if kind == "(":
            inner = self.expression()
            if self._peek() != ")":
                raise QueryError(tr("a '(' without its ')'"), position)
            self.index += 1
            return inner
        if kind == "word":
            return Word(value)
        if kind == "phrase":
            return Phrase(value)
        raise QueryError(tr("{value!r} where a word was expected", value=value), position)
