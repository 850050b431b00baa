"""The social watch's pure logic: plain text for display, highlighting, matching held posts, counts, spikes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from console.domain.events import Event
from console.domain.safe_text import one_line, shown_text
from console.domain.social import PostLocation, SocialPost, WatchRuleRecord
from console.domain.state import DispatchState, Outcome
from console.social_watch.logic.highlight import highlight_spans
from console.social_watch.logic.time_ago import time_ago
from console.social_watch.logic.watch import SocialWatch
from dispatch_protocol.geo import distance_m
from dispatch_protocol.geofence import geofence_outline
from dispatchd.social.plain_text import MAX_TEXT, text_of_html

NOW = datetime(2026, 11, 25, 20, 0, 30, tzinfo=UTC)


def post(
    n: int, text: str, minutes_ago: float = 0, lang: str = "fr", at: tuple[float, float] | None = None
) -> SocialPost:
    return SocialPost(
        id=f"p{n}",
        platform="demo",
        source_id="demo",
        author="@someone",
        text=text,
        posted_at=NOW - timedelta(minutes=minutes_ago),
        lang=lang,
        location=PostLocation(lat=at[0], lon=at[1]) if at else None,
    )


def rule(rule_id: str, query: str, version: int = 1, **extra: Any) -> WatchRuleRecord:
    return WatchRuleRecord(
        id=rule_id,
        name=rule_id.title(),
        query=query,
        languages=tuple(extra.get("languages", ())),
        geofence=extra.get("geofence"),
        active=extra.get("active", True),
        version=version,
    )


def shown(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start : start + length] for start, length in spans]


def test_bidi_overrides_are_shown_as_marks_and_control_characters_replaced() -> None:
    sneaky = "photo\u202egpj.exe and a bell\x07 and\r a return"
    assert shown_text(sneaky) == "photo⟦RLO⟧gpj.exe and a bell\ufffd and\ufffd a return"
    assert shown_text("ligne 1\nligne 2\tfin") == "ligne 1\nligne 2\tfin"
    assert one_line("a\n\nb   c", 100) == "a b c"


def test_a_100_kb_post_is_cut_for_lists_saying_how_much_more_there_is() -> None:
    huge = "x" * 100_000
    assert shown_text(huge, 400) == "x" * 400 + "… (99,600 more characters)"
    assert shown_text(huge) == huge


def test_highlights_land_on_the_original_characters_whatever_the_accents_and_case() -> None:
    text = "GRÈVE à la gare : œuvre d'art taguée, Manifestation #Manif devant la Gare-Centrale"
    spans = highlight_spans(text, ["greve", "oeuvre", "manif*", "#manif", "devant la"])
    assert shown(text, spans) == ["GRÈVE", "œuvre", "Manifestation", "#Manif", "devant la"]
    assert shown(text, highlight_spans(text, ["gare"])) == ["gare", "Gare"], "whole words only, both places"
    assert highlight_spans("regarder", ["gare"]) == [], "not inside another word"
    assert highlight_spans("", ["gare"]) == [] and highlight_spans("gare", []) == []


def test_matching_counts_per_minute_and_a_changed_rule_applies_to_the_posts_already_held() -> None:
    watch = SocialWatch()
    watch.set_rule(rule("fight", "bagarre OR rixe"))
    watch.load([post(1, "Bagarre gare", 0.2), post(2, "Grosse RIXE", 1.2), post(3, "Il fait beau", 0.1)])
    assert watch.matches("p1") == ("fight",) and watch.matches("p3") == ()
    assert watch.per_minute("fight", NOW, 3) == [0, 1, 1]
    assert [p.id for p in watch.newest_first()] == ["p1", "p2"], "newest first, only matched posts"
    watch.set_rule(rule("fight", "beau", version=2))
    assert [p.id for p in watch.newest_first("fight")] == ["p3"] and watch.per_minute("fight", NOW, 3) == [0, 0, 1]
    watch.set_rule(rule("fight", "beau AND (", version=3))
    assert "fight" in watch.errors and watch.newest_first("fight") == [], "a rule that cannot be read matches nothing"
    assert watch.preview_count("gare OR rixe") == 2


def test_languages_and_geofences_limit_what_a_rule_matches() -> None:
    watch = SocialWatch()
    circle = {"type": "Circle", "center": [4.84, 45.75], "radius_m": 300}
    watch.set_rule(rule("near", "fumée OR smoke", geofence=circle))
    watch.set_rule(rule("french", "fumée OR smoke", languages=("fr",)))
    watch.load(
        [
            post(1, "Fumée noire", at=(45.7505, 4.8405)),
            post(2, "Black smoke", lang="en", at=(45.7505, 4.8405)),
            post(3, "Fumée au loin", at=(45.80, 4.90)),
            post(4, "Fumée sans position"),
        ]
    )
    assert [watch.matches(f"p{n}") for n in range(1, 5)] == [("near", "french"), ("near",), ("french",), ("french",)]


def test_a_burst_raises_one_alert_and_steady_chatter_none() -> None:
    watch = SocialWatch()
    watch.set_rule(rule("fire", "incendie"))
    chatter = [post(n, "incendie de poubelle" if n % 20 == 0 else "rien", minutes_ago=n * 0.5) for n in range(1, 240)]
    watch.load(chatter)
    assert watch.check_spikes(NOW) == [], "a post every ten minutes is the rule's normal"
    burst = [post(1000 + n, "Incendie rue Danton !", minutes_ago=0.01 * n) for n in range(12)]
    for item in burst:
        watch.add(item)
    alerts = watch.check_spikes(NOW)
    assert [(a.rule_id, a.spike.count) for a in alerts] == [("fire", 12)]
    assert alerts[0].spike.baseline < 0.5
    assert watch.check_spikes(NOW + timedelta(seconds=30)) == [], "one burst, one alert"
    assert watch.spike_minutes["fire"] == [int(NOW.timestamp() // 60)]


def test_the_state_keeps_posts_rules_and_sources_from_snapshot_and_events() -> None:
    state = DispatchState()
    raw_post = {
        "id": "p1",
        "platform": "rss",
        "text": "<script>x</script>",
        "posted_at": "2026-11-25T19:59:00Z",
        "location": {"lat": 45.7, "lon": 4.8},
        "author": "A",
        "lang": "fr",
    }
    raw_rule = {
        "id": "r1",
        "name": "Fire",
        "query": "feu",
        "languages": [],
        "geofence": None,
        "active": True,
        "version": 1,
    }
    state.load_snapshot({"seq": 5, "social_posts": [raw_post], "watch_rules": [raw_rule], "social_sources": []})
    assert state.social_posts["p1"].text == "<script>x</script>" and state.social_posts["p1"].position == (45.7, 4.8)
    source = {
        "id": "wire",
        "name": "Wire",
        "state": "failing",
        "last_error": "no answer within 10 s",
        "retry_at": "2026-11-25T20:00:10Z",
        "version": 3,
    }
    event = Event(6, NOW, "social.source", "social_source", "wire", 3, "social:ingest", {"source": source})
    assert state.apply(event).outcome is Outcome.APPLIED
    assert state.social_sources["wire"].last_error == "no answer within 10 s"
    linked = {
        **raw_post,
        "incident_id": "i1",
        "link": {"by": "op", "at": "2026-11-25T20:00:00Z", "sha256": "ab"},
        "version": 2,
    }
    state.apply(Event(7, NOW, "social.post", "social_post", "p1", 2, "op", {"post": linked}))
    assert state.social_posts["p1"].link is not None and state.social_posts["p1"].incident_id == "i1"


def test_feed_html_becomes_the_text_a_reader_sees() -> None:
    markup = "<p>Fum&eacute;e &amp; flammes</p><script>steal()</script><style>p{}</style><p>2<sup>e</sup> étage</p>"
    assert text_of_html(markup) == "Fumée & flammes\n2e étage"
    assert text_of_html("a &lt;b&gt; c") == "a <b> c", "entities in plain text are decoded, not parsed as tags"
    assert len(text_of_html("y" * (MAX_TEXT + 10))) == MAX_TEXT


def test_time_ago_in_few_words() -> None:
    assert [time_ago(NOW - timedelta(seconds=s), NOW) for s in (5, 125, 3 * 3600 + 60, 3 * 86400)] == [
        "5 s ago",
        "2 min ago",
        "3 h 01 ago",
        "3 d ago",
    ]


def test_a_rule_s_circle_is_outlined_as_a_polygon_at_its_radius() -> None:
    outline = geofence_outline({"type": "Circle", "center": [4.84, 45.75], "radius_m": 500})
    assert outline is not None and outline["type"] == "Polygon"
    ring = outline["coordinates"][0]
    assert len(ring) == 49 and ring[0] == ring[-1]
    assert all(abs(distance_m(45.75, 4.84, lat, lon) - 500) < 5 for lon, lat in ring)
    square = {"type": "Polygon", "coordinates": [[[4.83, 45.74], [4.85, 45.74], [4.85, 45.76], [4.83, 45.76]]]}
    assert geofence_outline(square) == {"type": "Polygon", "coordinates": [[*square["coordinates"][0], [4.83, 45.74]]]}
    assert (
        geofence_outline(None) is None and geofence_outline({"type": "Circle", "center": [0, 0], "radius_m": 0}) is None
    )
