"""dispatchd listening for field clients: TCP ("streaming", one connection per client) and UDP ("mesh").

Each TCP client has its own reader task and its own splitter: a client that sends garbage, an endless event or
nothing at all costs only its own connection (idle ones are closed after `idle_s`); reading never waits for the
database (the intake writes in batches apart).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from dispatchd.tak.framing import StreamSplitter, datagram_frame
from dispatchd.tak.intake import CotIntake
from dispatchd.tak.settings import Endpoint

log = logging.getLogger("dispatchd.tak")


class CotListener:
    """One listening endpoint; `start()` binds it (port 0: any free port, see `port`)."""

    def __init__(self, endpoint: Endpoint, intake: CotIntake, *, idle_s: float = 300.0) -> None:
        self.endpoint = endpoint
        self._intake = intake
        self._idle_s = idle_s
        self._server: asyncio.Server | None = None
        self._transport: asyncio.DatagramTransport | None = None
        self._clients: set[asyncio.Task[None]] = set()
        self.port = endpoint.port

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        if self.endpoint.scheme == "udp":
            intake = self._intake

            class Mesh(asyncio.DatagramProtocol):
                def datagram_received(self, data: bytes, addr: tuple[str | object, ...]) -> None:
                    if len(data) > 65_000:
                        intake.count_dropped("oversized")
                        return
                    intake.take(datagram_frame(data))

            transport, _ = await loop.create_datagram_endpoint(
                Mesh, local_addr=(self.endpoint.host, self.endpoint.port)
            )
            self._transport = transport
            self.port = transport.get_extra_info("sockname")[1]
        else:
            # a backlog for a fleet reconnecting at once (after a restart, every client calls in the same second)
            self._server = await asyncio.start_server(self._serve, self.endpoint.host, self.endpoint.port, backlog=4096)
            self.port = self._server.sockets[0].getsockname()[1]
        log.info("CoT: listening on %s://%s:%d", self.endpoint.scheme, self.endpoint.host, self.port)

    async def stop(self) -> None:
        if self._transport is not None:
            self._transport.close()
        if self._server is not None:
            self._server.close()
            for task in list(self._clients):
                task.cancel()
            with contextlib.suppress(Exception):
                await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._clients.add(task)
        peer = writer.get_extra_info("peername")
        try:
            await read_stream(reader, self._intake, self._idle_s)
        except (ConnectionError, TimeoutError) as error:
            log.info("CoT client %s gone: %s", peer, error)
        finally:
            self._clients.discard(task)
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()


async def read_stream(reader: asyncio.StreamReader, intake: CotIntake, idle_s: float) -> None:
    """Frames from one stream into the intake, until it ends (or says nothing for `idle_s`)."""
    splitter = StreamSplitter()
    oversized = garbage = 0
    while True:
        data = await asyncio.wait_for(reader.read(65536), idle_s)
        if not data:
            return
        for frame in splitter.feed(data):
            intake.take(frame)
        for _ in range(splitter.oversized - oversized):  # each event too large counts, however many came at once
            intake.count_dropped("oversized")
        oversized = splitter.oversized
        if splitter.garbage != garbage:
            intake.count_dropped("malformed", "bytes that are no CoT event")
            garbage = splitter.garbage
