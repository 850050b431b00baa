"""A phone's flaky mobile network between a browser and dispatchd: a TCP relay on loopback that, once a given
number of bytes went up, drops every connection and refuses new ones for a while (the phone in a tunnel), then
carries on as if nothing happened."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress


class FlakyNetwork:
    def __init__(self, target_port: int, cut_after_bytes: int, outage_s: float = 2.0) -> None:
        self._target = ("127.0.0.1", target_port)
        self._cut_after = cut_after_bytes
        self._outage_s = outage_s
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._down_until = 0.0
        self.sent_up = 0
        """Bytes carried from the browser to dispatchd (what a phone pays for)."""
        self.cut_at: int | None = None
        self.refused = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if time.monotonic() < self._down_until:
                self.refused += 1
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                client.close()  # a reset: no network
                continue
            server = socket.create_connection(self._target)
            with self._lock:
                self._open |= {client, server}
            threading.Thread(target=self._pipe, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, False), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, up: bool) -> None:
        try:
            while data := source.recv(65536):
                if up:
                    with self._lock:
                        self.sent_up += len(data)
                        cut = self.cut_at is None and self.sent_up >= self._cut_after
                        if cut:
                            self.cut_at = self.sent_up
                    if cut:
                        self._drop_all()
                        return
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
            source.close()  # each end is one pipe's source: every socket is closed once both pipes end
            with self._lock:
                self._open.discard(source)

    def _drop_all(self) -> None:
        self._down_until = time.monotonic() + self._outage_s
        with self._lock:
            ends, self._open = self._open, set()
        for end in ends:
            try:
                end.shutdown(socket.SHUT_RDWR)
                end.close()
            except OSError:
                pass

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
        self._drop_all()


@contextmanager
def flaky_network(target_port: int, cut_after_bytes: int, outage_s: float = 2.0) -> Iterator[FlakyNetwork]:
    network = FlakyNetwork(target_port, cut_after_bytes, outage_s)
    try:
        yield network
    finally:
        network.close()
