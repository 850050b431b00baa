"""Which posts may be about an incident (pure): geotagged near it, or saying what and where in words (French and
English, accents and hashtags aside, one typo forgiven in a long word), within its time. Always a suggestion."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from dispatch_protocol.geo import distance_m

POST_RADIUS_M = 400.0
"""A post is written from where one sees the event: often farther than a caller stands."""
BEFORE = timedelta(minutes=15)  # people post before anyone calls
AFTER = timedelta(hours=3)


def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(text.split())


FAMILY_WORDS: dict[str, frozenset[str]] = {
    "fire": _vocabulary(
        """feu feux incendie incendies fumee fumees flamme flammes brule brulent pompier pompiers fire fires smoke
        smoking flames burning burnt blaze firefighters firetruck"""
    ),
    "violence": _vocabulary(
        """bagarre bagarres rixe rixes bat battent coups couteau couteaux agression agresse baston fight fighting
        fights brawl punch punched knife stabbed stabbing beaten"""
    ),
    "road": _vocabulary(
        """accident accidents carambolage collision percute percutee renverse moto scooter voiture bouchon
        embouteillage crash crashed motorbike pileup traffic"""
    ),
    "gathering": _vocabulary(
        """manif manifestation manifestants rassemblement foule attroupement cortege emeute crowd protest
        protesters gathering march riot"""
    ),
    "medical": _vocabulary(
        """malaise inconscient blesse blesses samu ambulance secours evanoui unconscious collapsed injured
        paramedics"""
    ),
    "crime": _vocabulary(
        """vol voleur volee cambriolage cambrioleur agression arrache theft thief robbery robbed burglary stolen
        mugging"""
    ),
}
FAMILY_WORDS["crime"] = FAMILY_WORDS["crime"] | FAMILY_WORDS["violence"]
STREET_WORDS = _vocabulary(
    """rue avenue av boulevard bd bvd place pl quai cours chemin impasse allee route square pont passage de du des
    la le les l d saint sainte st ste street road lane the of"""
)
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Lower case, accents and hashtags off: `#Incendie à la République` → incendie a la republique."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return _WORD.findall("".join(c for c in plain if not unicodedata.combining(c)))


def _close(word: str, known: str) -> bool:
    """The same word, or one typo (a letter off, added, missing or two swapped) in a word of five letters or more."""
    if word == known:
        return True
    if min(len(word), len(known)) < 5 or abs(len(word) - len(known)) > 1:
        return False
    if len(word) == len(known):
        diffs = [i for i, (a, b) in enumerate(zip(word, known, strict=True)) if a != b]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and
                                   word[diffs[0]] == known[diffs[1]] and word[diffs[1]] == known[diffs[0]])  # fmt: skip
    short, long_ = (word, known) if len(word) < len(known) else (known, word)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def says(tokens: Iterable[str], vocabulary: Iterable[str]) -> bool:
    known = list(vocabulary)
    return any(_close(token, word) for token in tokens for word in known)


def street_words(address: str) -> list[str]:
    """The words that name the street: `14 Rue de la République, Valmont` → ["republique"]."""
    first = address.split(",")[0]
    return [w for w in words(first) if w not in STREET_WORDS and not w.isdigit() and len(w) >= 3]


def house_number(address: str) -> str | None:
    found = re.match(r"\s*(\d+)", address)
    return found.group(1) if found else None


@dataclass(frozen=True, slots=True)
class PostFacts:
    id: str
    text: str
    posted_at: datetime
    lat: float | None
    lon: float | None
    incident_id: str | None = None


@dataclass(frozen=True, slots=True)
class IncidentFacts:
    id: str
    family: str
    lat: float
    lon: float
    address: str
    created_at: datetime
    closed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Suggestion:
    post_id: str
    why: str
    """`near` (geotagged within 400 m, saying what), `words` (what and where), `both`."""
    distance_m: float | None
    score: float = 0.0


def match(incident: IncidentFacts, post: PostFacts) -> Suggestion | None:
    """Whether `post` may be about `incident`, and how strongly (what and where said, how near)."""
    start, end = incident.created_at - BEFORE, (incident.closed_at or incident.created_at + AFTER)
    if not start <= post.posted_at <= end:
        return None
    tokens = words(post.text)
    vocabulary = FAMILY_WORDS.get(incident.family, frozenset())
    street = street_words(incident.address)
    what = bool(vocabulary) and says(tokens, vocabulary)
    where = bool(street) and all(says(tokens, [w]) for w in street)
    if where:  # "27 Rue Victor Hugo" is not "208 Rue Victor Hugo"
        number = house_number(incident.address)
        said = [t for t in tokens if t.isdigit() and 0 < len(t) <= 4]
        where = number is None or not said or number in said
    distance = None
    if post.lat is not None and post.lon is not None:
        distance = distance_m(incident.lat, incident.lon, post.lat, post.lon)
    near = distance is not None and distance <= POST_RADIUS_M
    closeness = 1.0 - distance / POST_RADIUS_M if near and distance is not None else 0.0
    score = 2.0 * where + 1.0 * what + closeness
    if near and (what or where):
        return Suggestion(post.id, "both" if where else "near", distance, score)
    if what and where and (distance is None or distance <= 3 * POST_RADIUS_M):
        return Suggestion(post.id, "words", distance, score)
    return None


def suggest(
    incident: IncidentFacts,
    posts: Iterable[PostFacts],
    dismissed: frozenset[str] = frozenset(),
    rivals: Iterable[IncidentFacts] = (),
) -> list[Suggestion]:
    """The posts that may be about `incident`, newest first; those linked elsewhere, dismissed, or more likely
    about one of the `rivals` (the other open incidents nearby: two fights in one street) are left out."""
    others = [r for r in rivals if r.id != incident.id]
    found: list[tuple[datetime, Suggestion]] = []
    for post in posts:
        if post.id in dismissed or post.incident_id:  # dismissed, or already linked (here or elsewhere)
            continue
        suggestion = match(incident, post)
        if suggestion is None:
            continue
        if any((rival := match(other, post)) is not None and rival.score > suggestion.score for other in others):
            continue
        found.append((post.posted_at, suggestion))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [s for _, s in found]
