"""One reader of the event log for all of an instance's streams.

Without it each SSE stream queried the log and encoded each event itself: with a hundred consoles a commit cost
a hundred queries and a hundred encodings of the same event. The feed reads each new event once (woken by the
EventBus: commits here, NOTIFY from other instances, or its poll), encodes it once as SSE text, and keeps the
most recent ones; a stream that is behind the feed's window reads the database itself until it catches up.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable

from dispatchd.event_bus import EventBus
from dispatchd.storage.interface import EventRecord, Storage

log = logging.getLogger("dispatchd.events")


def format_sse(events: list[EventRecord]) -> str:
    """Server-sent events: `id:` is the seq, `event:` the type, `data:` the envelope."""
    return "".join(
        f"id: {e.seq}\nevent: {e.type}\ndata: {json.dumps(e.envelope(), separators=(',', ':'))}\n\n" for e in events
    )


class EventFeed:
    """The recent events as SSE text, read once; streams take what follows their seq and wait for more."""

    def __init__(
        self,
        storage: Storage,
        bus: EventBus,
        *,
        keep: int = 10_000,
        keep_bytes: int = 32 << 20,
        poll_s: float = 1.0,
        on_events: Callable[[list[EventRecord]], None] = lambda _events: None,
    ) -> None:
        """Keeps at least the last `keep` events or `keep_bytes` of their text, whichever is less (a batch of
        positions is several kilobytes), and at most twice that."""
        self._storage = storage
        self._bus = bus
        self._on_events = on_events  # called in a worker thread with each new batch, whichever instance wrote it
        self._keep = keep
        self._keep_bytes = keep_bytes
        self._bytes = 0
        self._poll_s = poll_s
        self._first = 1  # the seq of _texts[0]
        self._texts: list[str] = []
        self._grown = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def last_seq(self) -> int:
        return self._first + len(self._texts) - 1

    async def start(self) -> None:
        last = await asyncio.to_thread(self._storage.last_seq)
        self._first = last + 1
        self._texts = []
        self._task = asyncio.create_task(self._follow(), name="event-feed")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def after(self, seq: int) -> str | None:
        """The SSE text of every event after `seq` the feed holds ('' when none yet), or None when `seq` is
        older than the feed's window (read the database)."""
        if seq + 1 < self._first:
            return None
        return "".join(self._texts[seq + 1 - self._first :])

    async def wait_beyond(self, seq: int, timeout: float) -> None:
        """Until the feed holds an event after `seq`, or `timeout` seconds."""
        if self.last_seq > seq:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._grown.wait(), timeout)

    def _trim(self) -> None:
        """Forget the oldest events down to `keep` events and `keep_bytes`."""
        drop = max(0, len(self._texts) - self._keep)
        dropped = sum(len(text) for text in self._texts[:drop])
        while drop < len(self._texts) - 1 and self._bytes - dropped > self._keep_bytes:
            dropped += len(self._texts[drop])
            drop += 1
        del self._texts[:drop]
        self._first += drop
        self._bytes -= dropped

    def _read(self, after: int) -> list[EventRecord]:
        batch = self._storage.events_after(after, 2000)
        if batch:
            self._on_events(batch)
        return batch

    async def _follow(self) -> None:
        while True:
            generation = self._bus.generation()
            try:
                batch = await asyncio.to_thread(self._read, self.last_seq)
            except Exception:  # the database is away for a moment: streams keep waiting, the feed retries
                log.exception("reading the event log failed; retrying")
                batch = []
            if batch:
                texts = [format_sse([event]) for event in batch]
                self._texts.extend(texts)
                self._bytes += sum(len(text) for text in texts)
                if len(self._texts) > 2 * self._keep or self._bytes > 2 * self._keep_bytes:
                    self._trim()
                grown, self._grown = self._grown, asyncio.Event()
                grown.set()
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(generation.wait(), timeout=self._poll_s)
