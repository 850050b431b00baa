"""A console's live connection to its backend: the client, the event stream into the store and the durable
outbox of commands, with their tasks (plain asyncio, no Qt)."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from console.backend.client import DispatchClient
from console.backend.commands import Commands
from console.backend.connection import ConnectionStatus
from console.backend.event_stream import EventSink, EventStream
from console.backend.outbox import Outbox
from console.backend.outbox_file import OutboxFile
from console.backend.queries import Queries


@dataclass
class Link:
    """Client, event stream and outbox, with their tasks."""

    client: DispatchClient
    stream: EventStream
    outbox: Outbox
    tasks: list[asyncio.Task[None]]

    def log_in(self, username: str, password: str, code: str = "") -> None:
        self.client.set_credentials(username, password, code)
        self.stream.credentials_changed()

    async def log_out(self) -> None:
        """Revoke the token, forget the credentials: the login dialog asks again."""
        await self.client.logout()
        self.stream.credentials_changed()

    async def close(self) -> None:
        for task in self.tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def open_link(
    http: httpx.AsyncClient,
    url: str,
    outbox_file: Path,
    sink: EventSink,
    commands: Commands,
    queries: Queries,
    on_error: Callable[[str], None],
    on_pending: Callable[[int], None],
    on_status: Callable[[ConnectionStatus], None],
) -> Link:
    """Stream into `sink`, send `commands` through a durable outbox, answer `queries`. Returns at once; the link
    keeps trying until it is closed."""
    client = DispatchClient(http, url)
    outbox = Outbox(await asyncio.to_thread(OutboxFile, outbox_file), client, on_error, on_pending)
    commands.attach(outbox)
    queries.attach(client)
    on_pending(outbox.pending_count)
    stream = EventStream(client, sink, on_status)
    return Link(client, stream, outbox, [asyncio.ensure_future(stream.run()), asyncio.ensure_future(outbox.run())])


def backend_key(backend_url: str) -> str:
    """A short name for a backend, for the files a console keeps per backend (its outbox, the centre's map)."""
    return hashlib.sha256(backend_url.encode()).hexdigest()[:12]


def outbox_path(backend_url: str, data_dir: Path) -> Path:
    """One outbox per backend (a command is never sent to another one)."""
    return data_dir / f"outbox-{backend_key(backend_url)}.jsonl"
