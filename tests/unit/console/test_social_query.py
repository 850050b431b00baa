"""Watch-rule queries: accents, case, phrases, hashtags, mentions, boolean logic; errors that point."""

from __future__ import annotations

import random

import pytest

from console.social_watch.logic.rules import WatchRule, matching_rules
from console.social_watch.logic.spikes import spike_at
from dispatch_protocol.watch_query import QueryError, Text, fold, parse


def matches(query: str, post: str) -> bool:
    return parse(query).matches(Text.of(post))


@pytest.mark.parametrize(
    ("query", "post", "expected"),
    [
        ("gréve", "GREVE illimitée à la gare", True),
        ("grève", "Les grévistes bloquent", False),  # whole words
        ("grév*", "Les grévistes bloquent", True),  # a prefix when asked
        ('"blocage du périphérique"', "Énorme BLOCAGE DU PERIPHERIQUE ce matin !", True),
        ('"blocage du périphérique"', "blocage, du périphérique", False),
        ("#manif", "Rdv 14h #Manif place Bellecour", True),
        ("manif", "Rdv 14h #Manif place Bellecour", True),  # a hashtag is also its word
        ("#manif", "la manif de demain", False),
        ("@prefecture69", "Merci @Prefecture69 pour l'info", True),
        ("rixe bagarre", "rixe devant la gare, bagarre générale", True),  # juxtaposed: AND
        ("rixe bagarre", "rixe devant la gare", False),
        ("rixe OR bagarre", "bagarre devant la gare", True),
        ("(rixe OR bagarre) AND gare NOT police", "bagarre à la gare", True),
        ("(rixe OR bagarre) AND gare NOT police", "bagarre à la gare, la police arrive", False),
        ("NOT (a OR b)", "c", True),
        ("fire and smoke", "FIRE! Smoke everywhere", True),
        ("œuvre", "une OEUVRE d'art", True),
    ],
)
def test_queries_match_as_an_operator_expects(query: str, post: str, expected: bool) -> None:
    assert matches(query, post) is expected


def test_accents_and_case_fold_away() -> None:
    assert fold("Grève GÉNÉRALE à Valmont — ŒUVRE") == "greve generale a valmont — oeuvre"


def test_the_terms_to_highlight_are_the_positive_ones() -> None:
    assert parse('(rixe OR "coup de couteau") AND NOT police').terms() == ["rixe", "coup de couteau"]


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ("", "the query is empty", 0),
        ('"blocage du', 'a phrase without its closing "', 0),
        ("(rixe OR bagarre", "a '(' without its ')'", 0),
        ("rixe OR bagarre)", "a ')' without its '('", 15),
        ("rixe OR", "the query ends where a word was expected", 7),
        ("rixe AND OR bagarre", "'OR' where a word was expected", 9),
        ('rixe ""', "an empty phrase", 5),
    ],
)
def test_a_malformed_query_says_what_and_where(query: str, message: str, position: int) -> None:
    with pytest.raises(QueryError) as error:
        parse(query)
    assert (error.value.message, error.value.position) == (message, position)
    assert f"at character {position + 1}" in str(error.value)


def test_steady_chatter_is_not_a_spike_and_a_burst_is() -> None:
    rng = random.Random(7)
    chatter = [sum(rng.random() < 0.05 for _ in range(60)) for _ in range(24 * 60)]  # ~3 a minute, all day
    assert all(spike_at(chatter[: i + 1]) is None for i in range(60, len(chatter)))
    busy = [40 + rng.randint(-6, 6) for _ in range(120)]  # a busy rule: its own bar is higher
    assert spike_at([*busy, 52]) is None
    burst = spike_at([*chatter[-90:], 30])
    assert burst is not None and burst.count == 30 and burst.baseline < 5 and burst.score > 4
    assert spike_at([0] * 60 + [4]) is None, "a handful of posts on a quiet rule is not yet a spike"
    assert spike_at([0] * 60 + [6]) is not None


BELLECOUR = (45.7578, 4.8320)  # lat, lon
SQUARE = {"type": "Polygon", "coordinates": [[[4.830, 45.756], [4.834, 45.756], [4.834, 45.760], [4.830, 45.760]]]}


def test_geofences_languages_and_inactive_rules() -> None:
    near = WatchRule.build(
        "r1", "Near the incident", "rixe", geofence={"type": "Circle", "center": [4.8320, 45.7578], "radius_m": 300}
    )
    square = WatchRule.build("r2", "Bellecour", "rixe", languages=["FR"], geofence=SQUARE)
    off = WatchRule.build("r3", "Off", "rixe", active=False)
    rules = [near, square, off]
    assert matching_rules(rules, "Rixe place Bellecour", "fr", BELLECOUR) == ["r1", "r2"]
    assert matching_rules(rules, "Rixe place Bellecour", "en", BELLECOUR) == ["r1"], "wrong language"
    assert matching_rules(rules, "Rixe à Vaise", "fr", (45.7745, 4.8050)) == [], "2.5 km away, outside both"
    assert matching_rules(rules, "Rixe sans position", "fr", None) == [], "no position: no geofenced match"


@pytest.mark.parametrize(
    ("geofence", "words"),
    [
        ({"type": "Polygon", "coordinates": [[[4.8, 45.7], [4.9, 45.7]]]}, "three corners"),
        ({"type": "Circle", "center": [4.8, 45.7], "radius_m": 0}, "positive radius"),
        ({"type": "Hexagon"}, "unknown geofence type"),
    ],
)
def test_a_bad_geofence_is_refused_with_the_reason(geofence: dict, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        WatchRule.build("r", "r", "rixe", geofence=geofence)
