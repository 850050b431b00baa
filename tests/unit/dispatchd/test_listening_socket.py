"""dispatchd's socket: every connection it accepts has Nagle off, so that an answer written in two parts (headers,
then body) is not held for the client's delayed ACK (it cost 44 ms on each request of a kept-alive connection)."""

from __future__ import annotations

import asyncio
import socket

from dispatchd.cli import listening_socket


def test_accepted_connections_have_nagle_off() -> None:
    async def check() -> int:
        sock = listening_socket("127.0.0.1", 0)
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        async def accepted(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            seen.set_result(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(accepted, sock=sock)
        async with server:
            _reader, writer = await asyncio.open_connection(*sock.getsockname()[:2])
            nodelay = await asyncio.wait_for(seen, 5)
            writer.close()
        return nodelay

    assert asyncio.run(check()) == 1
