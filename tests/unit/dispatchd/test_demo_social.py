"""The demo's social media: a day of quiet chatter, then a burst near a fresh fight that the demo rules catch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.domain.social import PostLocation, SocialPost, WatchRuleRecord
from console.social_watch.logic.watch import SocialWatch
from dispatch_protocol.geo import distance_m
from dispatchd.clock import format_utc
from dispatchd.demo.city import build_city
from dispatchd.demo.social_chatter import DEMO_RULES, DemoChatter
from dispatchd.social.posts import CollectedPost

START = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)


def as_post(collected: CollectedPost) -> SocialPost:
    located = collected.lat is not None and collected.lon is not None
    return SocialPost(
        id=collected.post_id,
        platform="demo",
        source_id="demo",
        author=collected.author,
        text=collected.text,
        posted_at=collected.posted_at,
        lang=collected.lang,
        location=PostLocation(lat=collected.lat, lon=collected.lon) if located else None,
    )


def test_a_fresh_fight_brings_a_geotagged_burst_that_the_demo_rules_flag_after_a_quiet_day() -> None:
    city = build_city(17)
    fight = {
        "id": "i1",
        "type_code": "FIGHT",
        "priority": 7,
        "status": "active",
        "created_at": format_utc(START),
        "location": {"lat": city.nodes[40].lat, "lon": city.nodes[40].lon, "address_text": "12 Rue Danton, Valmont"},
    }
    incidents: list[dict[str, object]] = []
    chatter = DemoChatter(city, 17, lambda: incidents, now=lambda: START)
    history = chatter._fetch()  # first start: the last 24 hours
    assert 1000 < len(history) < 4000 and history[0].posted_at >= START - timedelta(hours=24)
    assert {p.lang for p in history} == {"fr", "en"} and any(p.lat is not None for p in history)

    watch = SocialWatch()
    for rule_id, name, query, languages in DEMO_RULES:
        watch.set_rule(WatchRuleRecord(id=rule_id, name=name, query=query, languages=tuple(languages), version=1))
    watch.load(as_post(p) for p in history)
    assert watch.check_spikes(START) == [], "old bursts are history, not alerts"

    incidents.append(fight)
    burst: list[CollectedPost] = []
    moment = START
    for _ in range(8 * 6):  # eight minutes, polled every 10 s
        burst += chatter.generate(moment, moment + timedelta(seconds=10))
        moment += timedelta(seconds=10)
    near = [
        p for p in burst if p.lat is not None and distance_m(p.lat, p.lon, city.nodes[40].lat, city.nodes[40].lon) < 400
    ]
    assert len(near) >= 25, f"a burst near the fight ({len(near)} geotagged posts)"
    assert all("Rue Danton" in p.text for p in near)
    alerts = []
    minute = START
    for post in sorted(burst, key=lambda p: p.posted_at):
        watch.add(as_post(post))
        if post.posted_at - minute > timedelta(seconds=20):
            minute = post.posted_at
            alerts += watch.check_spikes(minute)
    assert [a.rule_id for a in alerts] == ["rule-violence"], "one alert, on the violence rule"
    assert len({p.native_id for p in history + burst}) == len(history) + len(burst), "every post its own id"
