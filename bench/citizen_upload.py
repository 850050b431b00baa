"""A caller's video through the link: chunked, resumable uploads into one dispatchd over loopback.

    python -m bench.citizen_upload [--megabytes 100] [--chunk-kb 1024] [--phones 4]

One real dispatchd (SQLite). `--phones` callers each send a video of `--megabytes` through their own link, in
chunks of `--chunk-kb` (the page sends 1 MB: each chunk written and fsynced before its answer, so that a dropped
network resumes from there), at the same time. Figures:
* `chunked_mb_s`: megabytes a second through the links, all phones together (start of the first upload to the
  last media item made: hashing, the video's probe and the event included);
* `chunk_p99_ms`: a chunk's answer time (what the phone's progress bar waits for).

The peer, in the same run, on the same dispatchd: the same videos, each in one multipart POST to
`/incidents/{id}/media` (the API's upload: streamed to disk, hashed, probed, no resume). `ratio` is the chunked
rate over the multipart rate: the price of resuming.
Ends with one line: `phones=… megabytes=… chunk_kb=… chunked_mb_s=… chunk_p99_ms=… multipart_mb_s=… ratio=…`
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.load import pct
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.streams import ffmpeg

log = logging.getLogger("bench.citizen_upload")
INCIDENT = {"type_code": "FIGHT", "priority": 7, "location": {"lat": 45.76, "lon": 4.835}}


def make_video(path: Path, megabytes: int) -> bytes:
    """A real MP4 (dispatchd probes every video) padded to the size wanted with a trailing free box."""
    ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-t", "2", "-c:v", "mpeg4", str(path))
    data = path.read_bytes()
    pad = megabytes * 1_000_000 - len(data)
    return data + pad.to_bytes(4, "big") + b"free" + bytes(pad - 8) if pad > 8 else data


async def chunked(http: httpx.AsyncClient, link: str, data: bytes, chunk: int, times: list[float]) -> None:
    started = (await http.post(f"/c/{link}/uploads", json={"kind": "video", "size": len(data)})).json()
    offset = 0
    while offset < len(data):
        end = min(offset + chunk, len(data))
        sent = time.perf_counter()
        answer = await http.put(f"/c/{link}/uploads/{started['id']}", content=data[offset:end],
                                headers={"Content-Range": f"bytes {offset}-{end - 1}/{len(data)}"})  # fmt: skip
        times.append((time.perf_counter() - sent) * 1000)
        answer.raise_for_status()
        offset = answer.json()["offset"]


async def multipart(http: httpx.AsyncClient, incident_id: str, data: bytes) -> None:
    answer = await http.post(f"/api/v1/incidents/{incident_id}/media", data={"kind": "video"},
                             files={"file": ("clip.mp4", data, "video/mp4")})  # fmt: skip
    answer.raise_for_status()


async def run(url: str, token: str, phones: int, data: bytes, chunk: int) -> tuple[float, float, float]:
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=url, timeout=600, headers=headers) as api:
        incidents = [(await api.post("/api/v1/incidents", json=INCIDENT)).json()["id"] for _ in range(phones)]
        links = []
        for incident_id in incidents:
            made = (await api.post(f"/api/v1/incidents/{incident_id}/invites", json={"valid_minutes": 60})).json()
            links.append(made["url"].split("/c/", 1)[1])
        total_mb = phones * len(data) / 1e6
        times: list[float] = []
        async with httpx.AsyncClient(base_url=url, timeout=600) as phone:
            start = time.perf_counter()
            await asyncio.gather(*(chunked(phone, link, data, chunk, times) for link in links))
            chunked_s = time.perf_counter() - start
        start = time.perf_counter()
        await asyncio.gather(*(multipart(api, incident_id, data) for incident_id in incidents))
        multipart_s = time.perf_counter() - start
    return total_mb / chunked_s, pct(times, 0.99), total_mb / multipart_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--chunk-kb", type=int, default=1024)
    parser.add_argument("--phones", type=int, default=4)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as folder:
        data = make_video(Path(folder) / "clip.mp4", args.megabytes)
        backend = DispatchdProcess(Path(folder) / "d", "--demo", "--no-simulation")
        backend.start(port=0)
        try:
            chunked_rate, chunk_p99, multipart_rate = asyncio.run(
                run(backend.url, backend.token("operator"), args.phones, data, args.chunk_kb * 1024)
            )
        finally:
            backend.stop()
    log.info("chunked through the links: %.0f MB/s (chunk p99 %.0f ms); multipart peer: %.0f MB/s",
             chunked_rate, chunk_p99, multipart_rate)  # fmt: skip
    print(  # the benchmark's result line
        f"phones={args.phones} megabytes={args.megabytes} chunk_kb={args.chunk_kb} chunked_mb_s={chunked_rate:.0f} "
        f"chunk_p99_ms={chunk_p99:.0f} multipart_mb_s={multipart_rate:.0f} ratio={chunked_rate / multipart_rate:.2f}"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
