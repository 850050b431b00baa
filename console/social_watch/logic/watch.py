"""The social watch's picture: which posts each rule matches, posts per minute per rule, and spikes.

Matching runs in the console, on the posts it holds: a rule created or changed applies at once to the last
24 hours on screen, every console agrees (same posts, same rules, same code), and a replayed session shows
what the live one showed. Pure Python, no Qt.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.domain.social import SocialPost, WatchRuleRecord
from console.social_watch.logic.rules import WatchRule
from console.social_watch.logic.spikes import BASELINE_MINUTES, GUARD_MINUTES, Spike, spike_at
from dispatch_protocol.watch_query import QueryError, Text, parse

log = logging.getLogger("console.social")
ALERT_COOLDOWN = timedelta(minutes=15)
"""After an alert, the same rule stays quiet this long (one burst, one alert)."""
KEEP = timedelta(hours=25)
EVERY_POST = "*"
"""The pseudo-rule of the whole stream, matched or not."""


def minute_of(moment: datetime) -> int:
    """Minutes since the epoch: the buckets of the charts and of spike detection."""
    return int(moment.timestamp() // 60)


@dataclass(frozen=True)
class SpikeAlert:
    rule_id: str
    rule_name: str
    spike: Spike
    at: datetime


class SocialWatch:
    """Rules compiled, posts matched, counts per minute; `check_spikes` says when a rule bursts."""

    def __init__(self) -> None:
        self.rules: dict[str, WatchRule] = {}
        self.names: dict[str, str] = {}
        self.errors: dict[str, str] = {}  # rule id → why its query cannot be used
        self._posts: dict[str, tuple[SocialPost, Text]] = {}
        self._matches: dict[str, tuple[str, ...]] = {}
        self._counts: dict[str, defaultdict[int, int]] = {}
        self._last_alert: dict[str, datetime] = {}
        self.spike_minutes: dict[str, list[int]] = {}  # rule id → minutes an alert was raised for

    # --- rules -----------------------------------------------------------------------------------
    def set_rule(self, record: WatchRuleRecord) -> None:
        """Add or replace a rule and match every post held against it again."""
        self.names[record.id] = record.name
        try:
            rule = WatchRule.build(
                record.id, record.name, record.query, record.languages, record.geofence, record.active
            )
        except (QueryError, ValueError, KeyError, TypeError) as exc:
            self.errors[record.id] = str(exc)
            self.rules.pop(record.id, None)
            log.warning("watch rule %r cannot be used: %s", record.name, exc)
        else:
            self.errors.pop(record.id, None)
            self.rules[record.id] = rule
        self._rematch(record.id)

    def _rematch(self, rule_id: str) -> None:
        rule = self.rules.get(rule_id)
        counts: defaultdict[int, int] = defaultdict(int)
        for post_id, (post, text) in self._posts.items():
            others = tuple(r for r in self._matches.get(post_id, ()) if r != rule_id)
            if rule is not None and rule.matches(text, post.lang, post.position):
                others += (rule_id,)
                counts[minute_of(post.posted_at)] += 1
            self._matches[post_id] = others
        self._counts[rule_id] = counts

    def preview_count(self, query: str) -> int:
        """How many posts held a query matches (for the rule editor; QueryError when it cannot be read)."""
        node = parse(query)
        return sum(1 for _post, text in self._posts.values() if node.matches(text))

    def terms(self, rule_ids: Iterable[str]) -> list[str]:
        """The words and phrases to highlight for these rules."""
        return [t for rule_id in rule_ids if (rule := self.rules.get(rule_id)) for t in rule.query.terms()]

    # --- posts -----------------------------------------------------------------------------------
    def add(self, post: SocialPost) -> tuple[str, ...]:
        """Match a post (new or changed); returns the ids of the rules it matches."""
        previous = self._posts.get(post.id)
        text = previous[1] if previous is not None and previous[0].text == post.text else Text.of(post.text)
        if previous is not None:
            for rule_id in self._matches.get(post.id, ()):
                self._counts[rule_id][minute_of(previous[0].posted_at)] -= 1
        self._posts[post.id] = (post, text)
        lang, position = post.lang, post.position
        matched = tuple(rule.id for rule in self.rules.values() if rule.matches(text, lang, position))
        self._matches[post.id] = matched
        minute = minute_of(post.posted_at)
        for rule_id in matched:
            self._counts.setdefault(rule_id, defaultdict(int))[minute] += 1
        return matched

    def load(self, posts: Iterable[SocialPost]) -> None:
        """Start again from these posts (after a snapshot)."""
        self._posts.clear()
        self._matches.clear()
        self._counts = {rule_id: defaultdict(int) for rule_id in self.rules}
        for post in posts:
            self.add(post)

    def forget_before(self, moment: datetime) -> None:
        """Drop posts published before `moment` (and their counts) unless linked to an incident."""
        for post_id, (post, _) in list(self._posts.items()):
            if post.posted_at < moment and post.incident_id is None:
                del self._posts[post_id]
                self._matches.pop(post_id, None)
        cutoff = minute_of(moment)
        for counts in self._counts.values():
            for minute in [m for m in counts if m < cutoff]:
                del counts[minute]

    def matches(self, post_id: str) -> tuple[str, ...]:
        return self._matches.get(post_id, ())

    def post(self, post_id: str) -> SocialPost | None:
        held = self._posts.get(post_id)
        return held[0] if held else None

    def newest_first(self, rule_id: str | None = None, limit: int = 1000) -> list[SocialPost]:
        """The posts matched by a rule (by any rule when None; every post held, matched or not, for EVERY_POST),
        newest first."""
        chosen = [
            post
            for post_id, (post, _) in self._posts.items()
            if rule_id == EVERY_POST
            or (rule_id is None and self._matches.get(post_id))
            or rule_id in self._matches.get(post_id, ())
        ]
        chosen.sort(key=lambda p: (p.posted_at, p.id), reverse=True)
        return chosen[:limit]

    # --- counts and spikes -----------------------------------------------------------------------
    def per_minute(self, rule_id: str, now: datetime, minutes: int) -> list[int]:
        """Posts per minute for the last `minutes` minutes up to now's minute (oldest first)."""
        counts: dict[int, int] = self._counts.get(rule_id, {})
        last = minute_of(now)
        return [counts.get(m, 0) for m in range(last - minutes + 1, last + 1)]

    def check_spikes(self, now: datetime) -> list[SpikeAlert]:
        """Rules whose current minute is a spike against their own last hour (once per burst)."""
        alerts = []
        for rule_id, rule in self.rules.items():
            if not rule.active:
                continue
            last = self._last_alert.get(rule_id)
            if last is not None and now - last < ALERT_COOLDOWN:
                continue
            spike = spike_at(self.per_minute(rule_id, now, BASELINE_MINUTES + GUARD_MINUTES + 1))
            if spike is not None:
                self._last_alert[rule_id] = now
                self.spike_minutes.setdefault(rule_id, []).append(minute_of(now))
                alerts.append(SpikeAlert(rule_id, rule.name, spike, now))
        return alerts
