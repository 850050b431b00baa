"""Runs every configured source: polls it, stores what is new, and says how each source is doing.

A source that fails is retried with backoff (5 s, 10 s, 20 s … 5 min) and its status, with the reason in
words and the time of the next try, is an entity (`social_source`) told by `social.source` events: the
consoles' source lists show it. The cursor of each source (feed ETag, Mastodon since_id) is kept with its
status, so a restarted dispatchd resumes where it was.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from dispatchd.clock import format_utc, utc_now
from dispatchd.event_bus import EventBus
from dispatchd.social.connectors.base import Connector, SourceError
from dispatchd.social.connectors.feed import FeedConnector
from dispatchd.social.connectors.mastodon import MastodonConnector
from dispatchd.social.posts import SOURCE, CollectedPost, store_posts
from dispatchd.social.sources import SourceConfig
from dispatchd.storage.interface import Storage

log = logging.getLogger("dispatchd.social")
ACTOR = "social:ingest"


def backoff_s(failures: int, base_s: float, max_s: float) -> float:
    """Seconds before the next try after `failures` failures in a row (1 → base, doubling, capped)."""
    return float(min(max_s, base_s * 2 ** max(0, failures - 1)))


def connector_for(source: SourceConfig) -> Connector:
    if source.kind == "rss":
        return FeedConnector(source)
    if source.kind == "mastodon":
        return MastodonConnector(source)
    raise ValueError(f"no connector for {source.kind!r} sources")


class SocialIngest:
    """The polling tasks of all sources, on dispatchd's event loop; storage work goes to a thread."""

    def __init__(
        self,
        storage: Storage,
        bus: EventBus,
        sources: list[tuple[SourceConfig, Connector]],
        retry_base_s: float = 5.0,
        retry_max_s: float = 300.0,
        user_agent: str = "dispatchd",
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._storage, self._bus = storage, bus
        self._sources = sources
        self._retry = (retry_base_s, retry_max_s)
        self._user_agent = user_agent
        self._now = now
        self._tasks: list[asyncio.Task[None]] = []
        self._http: httpx.AsyncClient | None = None

    async def start(self) -> None:
        self._http = httpx.AsyncClient(headers={"User-Agent": self._user_agent})
        for source, connector in self._sources:
            self._tasks.append(asyncio.create_task(self._run(source, connector), name=f"social:{source.id}"))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._http is not None:
            await self._http.aclose()

    async def _run(self, source: SourceConfig, connector: Connector) -> None:
        assert self._http is not None
        status = await asyncio.to_thread(self._load_status, source)
        connector.resume(status.get("cursor") or {})
        failures = 0
        while True:
            try:
                posts = await connector.fetch(self._http)
            except SourceError as exc:
                reason = str(exc)
            except Exception as exc:
                log.exception("%s: connector failed", source.id)
                reason = f"internal error: {type(exc).__name__}: {exc}"
            else:
                failures = 0
                await asyncio.to_thread(self._succeeded, source, connector, posts)
                await asyncio.sleep(source.interval_s)
                continue
            failures += 1
            delay = backoff_s(failures, *self._retry)
            log.warning("%s: %s (failure %d; next try in %.0f s)", source.id, reason, failures, delay)
            await asyncio.to_thread(self._failed, source, reason, failures, delay)
            await asyncio.sleep(delay)

    # --- status, in storage ---------------------------------------------------------------------
    def _load_status(self, source: SourceConfig) -> dict[str, Any]:
        with self._storage.transaction() as tx:
            status = tx.get(SOURCE, source.id) or {"version": 0, "posts": 0, "cursor": {}}
            status = {**status, **source.public(), "state": "starting", "version": status["version"] + 1}
            self._put_status(tx, status)
        self._bus.notify()
        return status

    def _put_status(self, tx: Any, status: dict[str, Any]) -> None:
        tx.put(SOURCE, status["id"], status)
        public = {k: v for k, v in status.items() if k != "cursor"}
        tx.append_event("social.source", SOURCE, status["id"], status["version"], ACTOR, {"source": public})

    def _succeeded(self, source: SourceConfig, connector: Connector, posts: list[CollectedPost]) -> None:
        with self._storage.transaction() as tx:
            new = store_posts(tx, source.id, posts)
            status = tx.get(SOURCE, source.id) or {"version": 0, "posts": 0}
            changed = status.get("state") != "ok" or bool(new)
            status = {
                **status,
                **source.public(),
                "state": "ok",
                "last_ok": utc_now(),
                "last_error": None,
                "failures": 0,
                "retry_at": None,
                "posts": status.get("posts", 0) + len(new),
                "cursor": connector.cursor(),
            }
            if changed:
                status["version"] += 1
                self._put_status(tx, status)
            else:
                tx.put(SOURCE, source.id, status)  # the cursor moves without telling anyone
        if new:
            log.info("%s: %d new posts", source.id, len(new))
        if changed:
            self._bus.notify()

    def _failed(self, source: SourceConfig, reason: str, failures: int, delay: float) -> None:
        with self._storage.transaction() as tx:
            status = tx.get(SOURCE, source.id) or {"version": 0, "posts": 0}
            status = {
                **status,
                **source.public(),
                "state": "failing",
                "last_error": reason,
                "failures": failures,
                "retry_at": format_utc(self._now() + timedelta(seconds=delay)),
                "version": status["version"] + 1,
            }
            self._put_status(tx, status)
        self._bus.notify()
