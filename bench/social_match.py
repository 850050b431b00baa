"""How many posts per second the watch-rule matcher handles with N rules.

    python -m bench.social_match --rules 50 --posts 20000

Rules mix words, prefixes, phrases, hashtags, mentions, AND / OR / NOT; posts are French and English
sentences of 8 to 40 words from a fixed vocabulary (seeded). Each post is prepared once (`Text.of`) and
tested against every rule. Then the same posts through the console's whole SocialWatch (WatchRule with
languages and geofences on a third of the rules, per-minute counts): `watch_posts_per_s`.

The floor, in the same run: the least any matcher in Python does with the same posts and rules (each post
lower-cased and split into a set of words, one set lookup per rule); `floor_ratio` is the floor's rate over
the matcher's (how many times the floor's cost our matching is). Ends with one line
`rules=N posts_per_s=… watch_posts_per_s=… matches=… floor_posts_per_s=… floor_ratio=…`.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta

from console.domain.social import PostLocation, SocialPost, WatchRuleRecord
from console.social_watch.logic.watch import SocialWatch
from dispatch_protocol.watch_query import Text, parse

VOCABULARY = (
    "grève",
    "manifestation",
    "rixe",
    "bagarre",
    "gare",
    "police",
    "pompiers",
    "incendie",
    "fumée",
    "accident",
    "périphérique",
    "blocage",
    "foule",
    "rassemblement",
    "place",
    "bellecour",
    "métro",
    "tram",
    "bus",
    "couteau",
    "arme",
    "blessé",
    "urgence",
    "samu",
    "fire",
    "smoke",
    "crowd",
    "fight",
    "station",
    "protest",
    "traffic",
    "jam",
    "knife",
    "injured",
    "ambulance",
    "street",
    "bridge",
    "river",
    "valmont",
    "centre",
    "port",
    "université",
    "stade",
    "marché",
    "demain",
    "ce",
    "matin",
    "ce",
    "soir",
    "maintenant",
    "énorme",
    "grosse",
    "petite",
    "vidéo",
    "photo",
    "regardez",
)
TAGS = ("#manif", "#greve", "#valmont", "#accident", "#incendie", "@prefecture", "@police_valmont")


def make_rules(count: int, rng: random.Random) -> list[str]:
    shapes = (
        lambda: rng.choice(VOCABULARY),
        lambda: f"{rng.choice(VOCABULARY)} OR {rng.choice(VOCABULARY)}",
        lambda: f'"{rng.choice(VOCABULARY)} {rng.choice(VOCABULARY)}"',
        lambda: f"({rng.choice(VOCABULARY)} OR {rng.choice(TAGS)}) AND {rng.choice(VOCABULARY)}",
        lambda: f"{rng.choice(VOCABULARY)[:4]}* AND NOT {rng.choice(VOCABULARY)}",
        lambda: f"{rng.choice(TAGS)} {rng.choice(VOCABULARY)}",
    )
    return [rng.choice(shapes)() for _ in range(count)]


def make_posts(count: int, rng: random.Random) -> list[str]:
    words = [*VOCABULARY, *TAGS]
    return [" ".join(rng.choice(words) for _ in range(rng.randint(8, 40))).capitalize() for _ in range(count)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=int, default=50)
    parser.add_argument("--posts", type=int, default=20000)
    args = parser.parse_args()
    rng = random.Random(11)
    rules = [parse(query) for query in make_rules(args.rules, rng)]
    posts = make_posts(args.posts, rng)
    started = time.perf_counter()
    matched = 0
    for post in posts:
        text = Text.of(post)
        matched += sum(1 for rule in rules if rule.matches(text))
    elapsed = time.perf_counter() - started
    print(f"{args.posts} posts × {args.rules} rules in {elapsed:.2f} s on one core (matcher alone)")
    first_words = [query.split()[0].strip('"()*').casefold() for query in make_rules(args.rules, random.Random(11))]
    started = time.perf_counter()
    floor_hits = 0
    for post in posts:
        words = set(post.casefold().split())
        floor_hits += sum(1 for word in first_words if word in words)
    floor_elapsed = time.perf_counter() - started
    print(f"floor (split into a set, one lookup per rule): {floor_elapsed:.3f} s ({floor_hits} hits)")
    watch = SocialWatch()
    for n, query in enumerate(make_rules(args.rules, random.Random(11))):
        languages = ("fr",) if n % 3 == 1 else ()
        geofence = {"type": "Circle", "center": [4.84, 45.75], "radius_m": 1500} if n % 3 == 2 else None
        rule = WatchRuleRecord(
            id=f"r{n}", name=f"rule {n}", query=query, languages=languages, geofence=geofence, version=1
        )
        watch.set_rule(rule)
    now = datetime.now(UTC)
    social_posts = [
        SocialPost(
            id=f"p{i}",
            platform="demo",
            source_id="bench",
            author="@bench",
            text=text,
            posted_at=now - timedelta(seconds=i),
            lang=rng.choice(("fr", "en")),
            location=PostLocation(lat=45.75 + rng.uniform(-0.02, 0.02), lon=4.84 + rng.uniform(-0.02, 0.02)),
        )
        for i, text in enumerate(posts)
    ]
    started = time.perf_counter()
    for post in social_posts:
        watch.add(post)
    watch_elapsed = time.perf_counter() - started
    print(f"{args.posts} posts through SocialWatch.add in {watch_elapsed:.2f} s")
    print(
        f"rules={args.rules} posts_per_s={args.posts / elapsed:.0f} "
        f"watch_posts_per_s={args.posts / watch_elapsed:.0f} matches={matched} "
        f"floor_posts_per_s={args.posts / floor_elapsed:.0f} floor_ratio={elapsed / floor_elapsed:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
