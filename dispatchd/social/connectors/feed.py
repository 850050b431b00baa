"""RSS and Atom feeds (online media), read with feedparser; conditional GET with ETag and Last-Modified."""

from __future__ import annotations

import asyncio
import calendar
import hashlib
import logging
from datetime import UTC, datetime
from typing import Any

import feedparser
import httpx

from dispatchd.social.connectors.base import SourceError, get
from dispatchd.social.plain_text import MAX_TEXT, text_of_html
from dispatchd.social.posts import CollectedPost
from dispatchd.social.sources import SourceConfig

log = logging.getLogger("dispatchd.social.feed")


def _time_of(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC)


def _location_of(entry: Any) -> tuple[float | None, float | None]:
    """GeoRSS: `<georss:point>lat lon</georss:point>` (feedparser gives it as `where`, GeoJSON order)."""
    where = entry.get("where")
    try:
        if where and where.get("type") == "Point":
            lon, lat = where["coordinates"][:2]
            return float(lat), float(lon)
    except (TypeError, ValueError, KeyError):
        pass
    return None, None


def _plain(entry: Any, key: str) -> str:
    """A field as plain text: markup removed when the feed says it is HTML (RSS's usual), kept as written when
    it says plain text (an Atom `type="text"` title about "<b>" stays "<b>")."""
    value = entry.get(key) or ""
    detail = entry.get(f"{key}_detail") or {}
    if "html" in str(detail.get("type", "text/html")):
        return text_of_html(value)
    return value[:MAX_TEXT]


def _web_url(value: Any) -> str | None:
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else None


def posts_of_feed(content: bytes, content_type: str, source: SourceConfig, now: datetime) -> list[CollectedPost]:
    """The entries of a feed document; SourceError when it is not a feed at all."""
    parsed = feedparser.parse(content, response_headers={"content-type": content_type})
    if not parsed.entries:
        if parsed.bozo or not parsed.version:
            reason = parsed.get("bozo_exception") or f"got {content_type or 'an unknown type'}"
            raise SourceError(f"not a readable RSS or Atom feed ({reason})")
        return []
    if parsed.bozo:
        log.debug("%s: feed has errors but readable entries: %s", source.id, parsed.get("bozo_exception"))
    feed_lang = parsed.feed.get("language") or source.lang
    feed_title = parsed.feed.get("title") or source.name
    posts = []
    for entry in parsed.entries:
        title = _plain(entry, "title")
        summary = _plain(entry, "summary")
        text = f"{title}\n{summary}".strip() if summary and summary != title else title
        if not text:
            continue
        native = entry.get("id") or entry.get("link") or hashlib.sha256(text.encode()).hexdigest()
        lat, lon = _location_of(entry)
        posts.append(
            CollectedPost(
                platform="rss",
                native_id=f"{source.url}\n{native}",
                text=text,
                posted_at=_time_of(entry) or now,
                author=entry.get("author") or feed_title,
                url=_web_url(entry.get("link")),
                lang=entry.get("language") or feed_lang,
                lat=lat,
                lon=lon,
            )
        )
    return posts


class FeedConnector:
    """One RSS or Atom feed."""

    def __init__(self, source: SourceConfig) -> None:
        self._source = source
        self._etag: str | None = None
        self._modified: str | None = None

    async def fetch(self, http: httpx.AsyncClient) -> list[CollectedPost]:
        headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
        if self._etag:
            headers["If-None-Match"] = self._etag
        if self._modified:
            headers["If-Modified-Since"] = self._modified
        response = await get(http, self._source.url, self._source.timeout_s, headers=headers)
        if response.status_code == 304:
            return []
        posts = await asyncio.to_thread(
            posts_of_feed,
            response.content,
            response.headers.get("content-type", ""),
            self._source,
            datetime.now(UTC),
        )
        self._etag = response.headers.get("etag")
        self._modified = response.headers.get("last-modified")
        return posts

    def cursor(self) -> dict[str, Any]:
        return {"etag": self._etag, "last_modified": self._modified}

    def resume(self, cursor: dict[str, Any]) -> None:
        self._etag, self._modified = cursor.get("etag"), cursor.get("last_modified")
