"""Cutting a TAK byte stream into events, and reading one UDP datagram.

A TCP ("streaming") connection carries XML events one after the other (`<?xml …?><event …>…</event>`), or, once
a client has switched to TAK protocol v1, frames of `0xbf`, a varint length and a protobuf. A UDP ("mesh")
datagram is one XML event, or `0xbf 0x01 0xbf` and a protobuf (or, from pytak to a unicast address, one
streaming frame). An event too large is skipped whole and counted;
bytes that are neither are skipped up to the next event, so one garbled event costs only itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from dispatchd.tak.cot import MAX_EVENT_BYTES

MAGIC = 0xBF
MESH_HEADER = b"\xbf\x01\xbf"
_END = b"</event>"


@dataclass(frozen=True, slots=True)
class Frame:
    """One event's bytes: XML, or a protobuf payload."""

    payload: bytes
    protobuf: bool


class StreamSplitter:
    """Fed the bytes of one connection as they come; gives back the whole events and counts what it skipped."""

    def __init__(self, max_event: int = MAX_EVENT_BYTES) -> None:
        self._buffer = bytearray()
        self._max = max_event
        self._skip_xml = False  # inside an oversized XML event: drop up to its end
        self._skip_bytes = 0  # inside an oversized protobuf frame: drop this many more bytes
        self.oversized = 0
        self.garbage = 0

    def feed(self, data: bytes) -> list[Frame]:
        self._buffer += data
        frames: list[Frame] = []
        while True:
            frame = self._next()
            if frame is None:
                return frames
            frames.append(frame)

    def _next(self) -> Frame | None:
        buffer = self._buffer
        if self._skip_bytes:
            dropped = min(self._skip_bytes, len(buffer))
            del buffer[:dropped]
            self._skip_bytes -= dropped
            if self._skip_bytes:
                return None
        if self._skip_xml:
            end = buffer.find(_END)
            if end < 0:
                del buffer[: max(0, len(buffer) - len(_END))]
                return None
            del buffer[: end + len(_END)]
            self._skip_xml = False
        while buffer[:1].isspace() or buffer[:1] == b"\x00":
            del buffer[:1]
        if not buffer:
            return None
        if buffer[0] == MAGIC:
            return self._protobuf()
        if buffer[0] == ord("<"):
            return self._xml()
        start = min((i for i in (buffer.find(b"<"), buffer.find(bytes([MAGIC]))) if i >= 0), default=len(buffer))
        del buffer[:start]
        self.garbage += 1
        return self._next()

    def _xml(self) -> Frame | None:
        buffer = self._buffer
        end = buffer.find(_END)
        if end < 0:
            if len(buffer) > self._max:
                self.oversized += 1
                self._skip_xml = True
                del buffer[: len(buffer) - len(_END)]
            return None
        size = end + len(_END)
        payload = bytes(buffer[:size])
        del buffer[:size]
        if size > self._max:
            self.oversized += 1
            return self._next()
        return Frame(payload, protobuf=False)

    def _protobuf(self) -> Frame | None:
        buffer = self._buffer
        length = shift = 0
        position = 1
        while True:
            if position >= len(buffer):
                return None  # the length is not all here yet
            byte = buffer[position]
            length |= (byte & 0x7F) << shift
            position += 1
            if not byte & 0x80:
                break
            shift += 7
            if shift > 28:  # no frame is that long: this is no frame, skip its magic byte
                del buffer[:1]
                self.garbage += 1
                return self._next()
        if length > self._max:
            self.oversized += 1
            del buffer[:position]
            self._skip_bytes = length
            return self._next()
        if len(buffer) < position + length:
            return None
        payload = bytes(buffer[position : position + length])
        del buffer[: position + length]
        return Frame(payload, protobuf=True)


def datagram_frame(data: bytes) -> Frame:
    """The event in one UDP datagram (mesh protobuf or XML)."""
    if data[:3] == MESH_HEADER:
        return Frame(data[3:], protobuf=True)
    if data[:1] == bytes([MAGIC]):  # a streaming frame sent in a datagram (pytak's unicast UDP)
        frames = StreamSplitter().feed(data)
        return frames[0] if frames else Frame(b"", protobuf=True)
    return Frame(data.strip(b"\x00 \r\n\t"), protobuf=False)


def stream_frame(payload: bytes) -> bytes:
    """A protobuf payload framed for a TAK protocol v1 stream (0xbf, varint length, payload)."""
    length = len(payload)
    varint = bytearray()
    while True:
        byte = length & 0x7F
        length >>= 7
        varint.append(byte | (0x80 if length else 0))
        if not length:
            break
    return bytes([MAGIC]) + bytes(varint) + payload
