"""Mastodon: public hashtag timelines and the public timeline through the REST API, resuming with since_id.

Each timeline keeps the id of the newest status seen. A poll asks for statuses newer than it (`since_id`);
when a whole page comes back there may be more between, so older pages are fetched (`max_id` + `since_id`)
until the gap is closed: nothing is lost when a burst outpaces the polling. Statuses are read as plain text;
media attachments are not fetched.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import httpx

from dispatchd.social.connectors.base import SourceError, get
from dispatchd.social.plain_text import text_of_html
from dispatchd.social.posts import CollectedPost
from dispatchd.social.sources import SourceConfig

log = logging.getLogger("dispatchd.social.mastodon")
PAGE = 40
MAX_PAGES = 10


def _id_key(status_id: str) -> tuple[int, str]:
    """Mastodon ids are decimal strings that sort as numbers."""
    return (len(status_id), status_id)


def post_of_status(status: dict[str, Any]) -> CollectedPost:
    """A status as a post (a boost is the boosted status)."""
    if isinstance(status.get("reblog"), dict):
        status = status["reblog"]
    account = status.get("account") or {}
    spoiler = text_of_html(status.get("spoiler_text") or "")
    content = text_of_html(status.get("content") or "")
    text = f"[{spoiler}]\n{content}" if spoiler else content
    try:
        posted = datetime.fromisoformat(str(status["created_at"]).replace("Z", "+00:00")).astimezone(UTC)
    except (KeyError, ValueError):
        posted = datetime.now(UTC)
    url = status.get("url") or status.get("uri")
    return CollectedPost(
        platform="mastodon",
        native_id=str(status.get("uri") or status["id"]),
        text=text,
        posted_at=posted,
        author="@" + str(account.get("acct") or account.get("username") or "unknown"),
        url=url if isinstance(url, str) and url.startswith(("http://", "https://")) else None,
        lang=status.get("language"),
    )


class MastodonConnector:
    """The hashtag timelines (and optionally the public timeline) of one Mastodon server."""

    def __init__(self, source: SourceConfig) -> None:
        self._source = source
        base = source.url.rstrip("/")
        self._timelines = {f"tag:{tag}": f"{base}/api/v1/timelines/tag/{quote(tag)}" for tag in source.hashtags}
        if source.public_timeline or not source.hashtags:
            self._timelines["public"] = f"{base}/api/v1/timelines/public"
        self._since: dict[str, str] = {}

    async def _page(self, http: httpx.AsyncClient, url: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        response = await get(http, url, self._source.timeout_s, params=params)
        try:
            page = response.json()
        except ValueError:
            raise SourceError("the server did not answer with JSON (is this a Mastodon server?)") from None
        if not isinstance(page, list):
            raise SourceError("the server's answer is not a list of statuses (is this a Mastodon server?)")
        return [s for s in page if isinstance(s, dict) and "id" in s]

    async def _timeline(self, http: httpx.AsyncClient, name: str, url: str) -> list[CollectedPost]:
        since = self._since.get(name)
        params: dict[str, Any] = {"limit": PAGE}
        if since:
            params["since_id"] = since
        statuses = await self._page(http, url, params)
        pages = 1
        while since and len(statuses) >= PAGE and pages < MAX_PAGES:
            oldest = min((str(s["id"]) for s in statuses), key=_id_key)
            older = await self._page(http, url, {**params, "max_id": oldest})
            pages += 1
            if not older:
                break
            statuses.extend(older)
            if len(older) < PAGE:
                break
        posts = []
        for status in statuses:
            try:
                posts.append(post_of_status(status))
            except (KeyError, TypeError, ValueError) as exc:
                log.warning("%s: skipped an unreadable status %r: %s", self._source.id, status.get("id"), exc)
        if statuses:
            newest = max((str(s["id"]) for s in statuses), key=_id_key)
            if since is None or _id_key(newest) > _id_key(since):
                self._since[name] = newest
        return posts

    async def fetch(self, http: httpx.AsyncClient) -> list[CollectedPost]:
        posts: list[CollectedPost] = []
        for name, url in self._timelines.items():
            posts.extend(await self._timeline(http, name, url))
        return posts

    def cursor(self) -> dict[str, Any]:
        return {"since_id": dict(self._since)}

    def resume(self, cursor: dict[str, Any]) -> None:
        self._since = {str(k): str(v) for k, v in (cursor.get("since_id") or {}).items()}
