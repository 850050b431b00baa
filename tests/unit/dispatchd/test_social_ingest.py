"""Social connectors against local HTTP servers: RSS, Atom, Mastodon's API, and the ways sources fail.

The real SocialIngest polls with httpx over loopback and stores into a real SQLite database.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dispatchd.event_bus import EventBus
from dispatchd.social.ingest import SocialIngest, backoff_s, connector_for
from dispatchd.social.posts import POST, SOURCE
from dispatchd.social.sources import SourceConfig
from dispatchd.storage.sqlite import SQLiteStorage
from tests.support.asyncwait import until
from tests.support.feed_server import FeedServer, feed_server, mastodon_status, timeline

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:georss="http://www.georss.org/georss">
<channel><title>Valmont Matin</title><link>https://valmont.example/</link><language>fr-FR</language>
<item><title>Incendie rue Danton</title><link>https://valmont.example/a1</link><guid>a1</guid>
 <description>&lt;p&gt;Les pompiers sont sur place.&lt;script&gt;alert(1)&lt;/script&gt;
 Fum&amp;eacute;e visible.&lt;/p&gt;</description>
 <pubDate>Wed, 25 Nov 2026 09:15:00 GMT</pubDate><georss:point>45.7601 4.8402</georss:point></item>
<item><title>Marché de Noël : ouverture samedi</title><link>https://valmont.example/a2</link><guid>a2</guid>
 <pubDate>Wed, 25 Nov 2026 08:00:00 GMT</pubDate></item>
</channel></rss>"""

ATOM_ENTRY = """<entry><id>urn:valmont:{n}</id><title>Dépêche {n}</title><updated>2026-11-25T09:{n:02d}:00Z</updated>
<link href="https://wire.example/{n}"/><author><name>Agence</name></author><summary>Texte {n}</summary></entry>"""


def atom(numbers: list[int]) -> str:
    entries = "".join(ATOM_ENTRY.format(n=n) for n in numbers)
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">'
        f"<title>Fil</title><id>urn:fil</id><updated>2026-11-25T09:00:00Z</updated>{entries}</feed>"
    )


def run_ingest(
    tmp_path: Path, sources: list[SourceConfig], done: Callable[[SQLiteStorage], bool], what: str, timeout: float = 10
) -> SQLiteStorage:
    storage = SQLiteStorage(tmp_path / "db.sqlite3")

    async def session() -> None:
        ingest = SocialIngest(storage, EventBus(), [(s, connector_for(s)) for s in sources], retry_base_s=0.1)
        await ingest.start()
        try:
            await until(lambda: done(storage), timeout, what)
        finally:
            await ingest.stop()

    asyncio.run(session())
    return storage


def posts(storage: SQLiteStorage) -> list[dict[str, Any]]:
    with storage.read() as tx:
        return tx.list(POST)


def status(storage: SQLiteStorage, source_id: str) -> dict[str, Any]:
    with storage.read() as tx:
        return tx.get(SOURCE, source_id) or {}


def post_events(storage: SQLiteStorage) -> list[str]:
    return [e.entity_id for e in storage.events_after(0, 10_000) if e.type == "social.post"]


def source(server: FeedServer, path: str, kind: str = "rss", **options: Any) -> SourceConfig:
    return SourceConfig.from_dict(
        {
            "id": path.strip("/").replace("/", "-"),
            "kind": kind,
            "url": server.url + path,
            "interval_s": 0.05,
            **options,
        },
        "test",
    )


def test_rss_items_arrive_once_as_plain_text_with_their_place_language_and_link(tmp_path: Path) -> None:
    with feed_server() as server:
        server.serve("/rss", 200, "application/rss+xml", RSS)
        storage = run_ingest(
            tmp_path, [source(server, "/rss")], lambda _s: len(server.hits("/rss")) >= 3, "three polls of the feed"
        )
    stored = {p["url"]: p for p in posts(storage)}
    assert sorted(stored) == ["https://valmont.example/a1", "https://valmont.example/a2"], "two items, once each"
    fire = stored["https://valmont.example/a1"]
    assert fire["text"] == "Incendie rue Danton\nLes pompiers sont sur place. Fumée visible."
    assert "alert(1)" not in fire["text"], "a script in a description is dropped, not kept as text"
    assert (fire["location"]["lat"], fire["location"]["lon"]) == (45.7601, 4.8402)
    assert (fire["lang"], fire["author"], fire["platform"]) == ("fr", "Valmont Matin", "rss")
    assert fire["posted_at"] == "2026-11-25T09:15:00.000Z"
    assert sorted(post_events(storage)) == sorted(p["id"] for p in posts(storage)), "one social.post event per post"
    assert status(storage, "rss")["state"] == "ok" and status(storage, "rss")["posts"] == 2


def test_an_atom_feed_seen_again_with_one_more_entry_adds_only_that_entry(tmp_path: Path) -> None:
    with feed_server() as server:
        server.serve("/atom", 200, "application/atom+xml", atom([1, 2, 3]))

        def grown(_storage: SQLiteStorage) -> bool:
            if len(server.hits("/atom")) == 2:
                server.serve("/atom", 200, "application/atom+xml", atom([1, 2, 3, 4]))
            return len(server.hits("/atom")) >= 5

        storage = run_ingest(tmp_path, [source(server, "/atom")], grown, "five polls")
    titles = sorted(p["text"].split("\n")[0] for p in posts(storage))
    assert titles == ["Dépêche 1", "Dépêche 2", "Dépêche 3", "Dépêche 4"]
    assert len(post_events(storage)) == 4, "duplicates are not told again"


def test_mastodon_resumes_with_since_id_and_closes_the_gap_when_a_burst_outpaces_the_polling(tmp_path: Path) -> None:
    statuses = [mastodon_status(n, f"Rassemblement {n}") for n in range(1, 11)]
    with feed_server() as server:
        server.serve_json("/api/v1/timelines/tag/manif", lambda q: timeline(statuses, q))
        server.serve_json("/api/v1/timelines/tag/greve", lambda q: timeline(statuses[:3], q))  # the same statuses

        def burst(storage: SQLiteStorage) -> bool:
            if len(statuses) == 10 and len(posts(storage)) == 10:
                statuses.extend(mastodon_status(n, f"Foule {n}") for n in range(11, 111))  # 100 new: 3 pages
            return len(posts(storage)) == 110

        masto = source(server, "", kind="mastodon", hashtags=["manif", "#greve"], id="masto")
        storage = run_ingest(tmp_path, [masto], burst, "all 110 statuses")
        queries = server.hits("/api/v1/timelines/tag/manif")
    assert len(post_events(storage)) == 110, "each status once, though two hashtags returned some of them"
    assert any(q.get("since_id") == "10" and "max_id" not in q for q in queries), "polls resume with since_id"
    assert any(q.get("since_id") == "10" and "max_id" in q for q in queries), "older pages fill the gap"
    first = next(p for p in posts(storage) if p["text"] == "Rassemblement 1 #manif")
    assert first["author"] == "@someone@masto.example" and first["lang"] == "fr"
    assert first["url"] == "https://masto.example/@someone/1"
    assert status(storage, "masto")["cursor"]["since_id"]["tag:manif"] == "110"


def test_a_broken_source_says_why_backs_off_and_recovers_while_the_others_keep_going(tmp_path: Path) -> None:
    with feed_server() as server:
        server.serve("/good", 200, "application/atom+xml", atom([1]))
        server.serve("/html", 200, "text/html", "<html><body><h1>Maintenance</h1></body></html>")
        server.serve("/garbage", 200, "application/rss+xml", b'<?xml version="1.0"?><rss version="2.0"><channel><tit')
        server.serve("/error", 500, "text/plain", "boom")
        server.serve("/slow", 200, "application/atom+xml", atom([7]))
        server.delay_s["/slow"] = 1.5
        sources = [source(server, p) for p in ("/good", "/html", "/garbage", "/error")]
        sources.append(source(server, "/slow", timeout_s=0.3))

        def failed_twice(storage: SQLiteStorage) -> bool:
            return all(status(storage, s.id).get("failures", 0) >= 2 for s in sources[1:])

        storage = run_ingest(tmp_path, sources, failed_twice, "every bad source failing twice")
        reasons = {s.id: status(storage, s.id)["last_error"] for s in sources[1:]}
        assert status(storage, "good")["state"] == "ok" and len(posts(storage)) == 1
        assert reasons["html"].startswith("not a readable RSS or Atom feed")
        assert reasons["garbage"].startswith("not a readable RSS or Atom feed")
        assert reasons["error"] == "the server answered HTTP 500 Internal Server Error"
        assert reasons["slow"] == "no answer within 0.3 s"
        for s in sources[1:]:
            assert status(storage, s.id)["state"] == "failing" and status(storage, s.id)["retry_at"]
        failing_events = [e for e in storage.events_after(0, 10_000) if e.type == "social.source"]
        assert any(e.data["source"]["state"] == "failing" for e in failing_events), "consoles are told"
        assert "cursor" not in failing_events[-1].data["source"], "the cursor stays in the backend"

        server.serve("/error", 200, "application/atom+xml", atom([9]))
        storage.close()
        storage = run_ingest(
            tmp_path, sources[3:4], lambda st: status(st, "error").get("state") == "ok", "the source recovering"
        )
    assert status(storage, "error")["last_error"] is None and status(storage, "error")["failures"] == 0


def test_backoff_doubles_from_the_first_wait_up_to_its_cap() -> None:
    assert [backoff_s(n, 5.0, 300.0) for n in range(1, 9)] == [5, 10, 20, 40, 80, 160, 300, 300]
