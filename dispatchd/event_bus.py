"""Wakes the SSE streams when events were committed (from any thread)."""

from __future__ import annotations

import asyncio
import contextlib


class EventBus:
    """A level-triggered wake-up: the event feed waits on the current generation, commits start a new one.

    Commits in this process notify it; on PostgreSQL so do the other instances' (LISTEN/NOTIFY). The feed also
    polls the log on a timeout, so events written by another process reach the streams even without a wake-up.
    """

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._event = asyncio.Event()

    def generation(self) -> asyncio.Event:
        """Take this before reading the log; then wait on it if the read found nothing new."""
        assert self._event is not None, "EventBus.bind() was not called"
        return self._event

    def notify(self) -> None:
        """Thread-safe: tell waiting streams that new events were committed."""
        if self._loop is None or self._loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # loop closing during shutdown
            self._loop.call_soon_threadsafe(self._advance)

    def _advance(self) -> None:
        if self._event is not None:
            current, self._event = self._event, asyncio.Event()
            current.set()
