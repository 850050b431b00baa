"""Live video from a caller's phone: WebRTC (aiortc) in, each picture kept as the newest JPEG for the consoles
(an MJPEG stream, read by the wall like any camera), and the whole session recorded to a file that is kept with
the incident only when an operator asks."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
from aiortc import MediaStreamTrack, RTCPeerConnection, RTCSessionDescription
from aiortc.contrib.media import MediaRecorder, MediaRelay
from aiortc.mediastreams import MediaStreamError

log = logging.getLogger("dispatchd.citizen.live")

JPEG_FPS = 10.0
"""How often the newest picture is encoded for the consoles (the wall's tiles need no more)."""
BOUNDARY = "frame"


@dataclass
class LiveSource:
    """One phone streaming to one incident."""

    camera_id: str
    incident_id: str
    key: str
    """The secret in the stream's address (the consoles get it from `GET /cameras/{id}/streams`)."""
    recording: Path
    peer: RTCPeerConnection
    jpeg: bytes = b""
    frames: int = 0
    keep_by: str | None = None
    """Who asked to keep the recording with the incident (None: it is dropped at the end)."""
    ended: bool = False
    fresh: asyncio.Condition = field(default_factory=asyncio.Condition)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)


Ended = Callable[[LiveSource], Awaitable[None]]


class LiveVideo:
    """The live sources of this instance (a phone's stream lives in the instance that answered its offer)."""

    def __init__(self, recordings: Path, on_ended: Ended) -> None:
        self._recordings = recordings
        recordings.mkdir(parents=True, exist_ok=True)
        self._sources: dict[str, LiveSource] = {}
        self._on_ended = on_ended
        self._relay = MediaRelay()

    def get(self, camera_id: str) -> LiveSource | None:
        return self._sources.get(camera_id)

    async def answer(self, offer_sdp: str, camera_id: str, incident_id: str) -> tuple[str, LiveSource]:
        """Take a phone's offer; returns the answer's SDP and the source (its pictures come once connected)."""
        peer = RTCPeerConnection()  # no ICE server: the phone reaches dispatchd directly, as it reached the page
        source = LiveSource(camera_id, incident_id, secrets.token_urlsafe(24),
                            self._recordings / f"{camera_id}.mp4", peer)  # fmt: skip
        self._sources[camera_id] = source
        recorder = MediaRecorder(str(source.recording))

        @peer.on("track")
        def on_track(track: MediaStreamTrack) -> None:
            if track.kind != "video":
                return
            recorder.addTrack(self._relay.subscribe(track))
            source.tasks.append(asyncio.create_task(self._pictures(source, self._relay.subscribe(track))))
            source.tasks.append(asyncio.create_task(recorder.start()))

        @peer.on("connectionstatechange")
        async def on_state() -> None:
            log.info("live %s: %s", camera_id, peer.connectionState)
            if peer.connectionState in ("failed", "closed"):
                await self._end(source, recorder)

        await peer.setRemoteDescription(RTCSessionDescription(sdp=offer_sdp, type="offer"))
        await peer.setLocalDescription(await peer.createAnswer())
        source.tasks.append(asyncio.create_task(self._watch_end(source, recorder)))
        return peer.localDescription.sdp, source

    async def _watch_end(self, source: LiveSource, recorder: MediaRecorder) -> None:
        """A phone that vanishes without closing: no picture for 20 s ends it."""
        while not source.ended:
            frames = source.frames
            await asyncio.sleep(20.0)
            if source.frames == frames and not source.ended:
                await self._end(source, recorder)

    async def _pictures(self, source: LiveSource, track: MediaStreamTrack) -> None:
        encoder: Any = None
        last = 0.0
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:  # the phone stopped
                return
            if not isinstance(frame, av.VideoFrame):
                continue
            source.frames += 1
            now = time.monotonic()
            if now - last < 1.0 / JPEG_FPS:
                continue
            last = now
            if encoder is None or (encoder.width, encoder.height) != (frame.width, frame.height):
                encoder = av.CodecContext.create("mjpeg", "w")
                encoder.width, encoder.height = frame.width, frame.height
                encoder.pix_fmt = "yuvj420p"
                encoder.time_base = Fraction(1, 30)
                encoder.options = {"q:v": "5"}
            packets = encoder.encode(frame.reformat(format="yuvj420p"))
            if packets:
                async with source.fresh:
                    source.jpeg = bytes(packets[0])
                    source.fresh.notify_all()

    async def stream(self, source: LiveSource) -> AsyncIterator[bytes]:
        """multipart/x-mixed-replace parts, each the newest picture (a slow viewer skips pictures)."""
        sent = b""
        while not source.ended:
            async with source.fresh:
                if source.jpeg is sent:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(source.fresh.wait(), 5.0)
                picture = source.jpeg
            if picture and picture is not sent:
                sent = picture
                yield (f"--{BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Length: {len(picture)}\r\n\r\n".encode()
                       + picture + b"\r\n")  # fmt: skip

    async def _end(self, source: LiveSource, recorder: MediaRecorder) -> None:
        if source.ended:
            return
        source.ended = True
        async with source.fresh:
            source.fresh.notify_all()
        with contextlib.suppress(Exception):
            await recorder.stop()
        with contextlib.suppress(Exception):
            await source.peer.close()
        current = asyncio.current_task()
        for task in source.tasks:
            if task is not current:
                task.cancel()
        self._sources.pop(source.camera_id, None)
        try:
            await self._on_ended(source)
        finally:
            source.recording.unlink(missing_ok=True)

    async def close(self) -> None:
        for source in list(self._sources.values()):
            with contextlib.suppress(Exception):
                await source.peer.close()
