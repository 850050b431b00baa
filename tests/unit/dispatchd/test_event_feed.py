"""One reader of the log for all streams: every event once, in order; a stream behind its window is told so."""

from __future__ import annotations

import asyncio
from pathlib import Path

from dispatchd.event_bus import EventBus
from dispatchd.event_feed import EventFeed
from dispatchd.storage import SQLiteStorage
from tests.support.asyncwait import until

EXERCISE = {"exercise": {"name": "drill"}}


def _append(storage: SQLiteStorage, count: int) -> None:
    with storage.transaction() as tx:
        for n in range(count):
            tx.append_event("exercise.updated", "exercise", "x", n, "me", EXERCISE)


def _seqs(text: str) -> list[int]:
    return [int(line[4:]) for line in text.splitlines() if line.startswith("id: ")]


def test_the_feed_hands_every_new_event_once_and_forgets_beyond_its_window(tmp_path: Path) -> None:
    storage = SQLiteStorage(tmp_path / "db.sqlite3")
    _append(storage, 3)  # before the feed started: streams that want them read the log

    async def scenario() -> None:
        bus = EventBus()
        bus.bind(asyncio.get_running_loop())
        feed = EventFeed(storage, bus, keep=5, keep_bytes=1 << 20, poll_s=30.0)
        await feed.start()
        try:
            assert feed.after(3) == "" and feed.after(2) is None
            waiting = asyncio.ensure_future(feed.wait_beyond(3, timeout=30.0))
            _append(storage, 4)
            bus.notify()  # as a commit does; without it the feed would only find them at its next poll
            await asyncio.wait_for(waiting, timeout=10.0)
            await until(lambda: feed.last_seq == 7, what="the feed read seqs 4-7")
            assert _seqs(feed.after(3) or "") == [4, 5, 6, 7] and _seqs(feed.after(5) or "") == [6, 7]
            assert "event: exercise.updated" in (feed.after(6) or "")
            _append(storage, 8)
            bus.notify()
            await until(lambda: feed.last_seq == 15, what="the feed read seqs 8-15")
            assert feed.after(3) is None  # beyond the window (11 held > 2 × 5: trimmed to the last 5)
            assert _seqs(feed.after(10) or "") == [11, 12, 13, 14, 15]
        finally:
            await feed.stop()

    asyncio.run(scenario())
    storage.close()
