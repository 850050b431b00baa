"""The real video wall on N real local streams: per-tile fps, CPU, GUI paint time, decode-to-paint latency.

    python -m bench.wall --tiles 16 --res 720p --seconds 20

A clip of 10 s of H.264 at 25 fps is made first, with a 12-bit frame counter burned into every frame (big
black and white blocks along the top, readable after any scaling). N ffmpeg processes serve it as MPEG-TS
over TCP in real time (`-re`, looping, stream copy: the cameras cost little CPU; at nice 15, as they would
run on other machines). This process runs the
real WallGrid (16 tiles per wall window, 1920×1080 each, a second window beyond 16 tiles as on a second
monitor), offscreen, its FeedWorkers in the console's decoding process as in the console.

Measured over `--seconds` after a warm-up:
- per-tile fps: distinct frames painted per second, identified by the counter read from the painted pixels
  (a repeated counter is not a new frame; a jump counts frames that were dropped);
- cpu_pct: CPU time of this process and the decoding process (all threads) over wall time, out of
  100 × cores (the stream servers apart);
- paint_ms: GUI time spent in the tiles' paintEvent to paint the grid once: the paints of each 40 ms
  window (one frame period at 25 fps), scaled to one paint per tile (frames arrive with jitter, so a window
  holds a few more or fewer); p99 over the run. The raw sum per 40 ms is printed too;
- latency_ms: what the console adds between a frame's arrival and its picture: the decode time of one frame
  (from the decode-only run) plus the time from OpenCV handing the decoded frame over (`grab()` returned)
  to the end of the paint that showed it (colour conversion, scale, RGB32, hand-over, wait for the paint
  timer, paint). The network wait inside `grab()` is the transport's, not the console's;
- decode_ratio: the frames per second the wall decodes live (all tiles; a frame the GUI could not show
  in time is decoded but not converted, see docs/video-pipeline.md) over the raw decode-only throughput
  of the same clip, measured afterwards in the same run with one OpenCV reader thread per core. The frames
  painted are printed beside it (min_fps is the lowest painted rate of a tile).
- peer_cpu_ratio: a plain GStreamer pipeline (Debian's gst-launch-1.0 with gstreamer1.0-libav) doing the same
  work, in the same run, on N fresh servers of the same clip: `tcpclientsrc ! tsdemux ! h264parse ! avdec_h264 !
  videoconvert ! videoscale` to each tile's size in BGRx, all into one `compositor` picture of 1920×1080 (one
  grid of N), to a fakesink. Its CPU is measured as ours (over the same `--seconds`, after the same warm-up),
  its frame rate is the composited pictures per second; peer_cpu_ratio is our cpu_pct over the peer's.
Ends with one line `tiles=N min_fps=… cpu_pct=… paint_ms_p99=… latency_ms_p50=… decode_ratio=… peer_cpu_pct=…
peer_fps=… peer_cpu_ratio=…`.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import cv2
import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication

from console.videowall.logic.feed_source import FeedSource
from console.videowall.logic.remote_feed import DecoderProcess
from console.videowall.logic.wall_state import SourceRef, WallState
from console.videowall.tile import Tile
from console.videowall.wall_grid import WallGrid
from tests.support.streams import free_port, mpegts_over_tcp

RESOLUTIONS = {"720p": (1280, 720), "360p": (640, 360), "1080p": (1920, 1080)}
FPS = 25
CLIP_SECONDS = 10
BITS = 12
TILES_PER_WALL = 16
WARMUP_S = 4.0
SERVER_NICE = 15  # the cameras: on a real wall they run elsewhere, here they should not take the GUI's turn


def stamp(frame: np.ndarray[Any, Any], number: int) -> None:
    """Burn `number` into the frame: BITS blocks along the top, white for 1, black for 0."""
    height, width = frame.shape[:2]
    band = height // 10
    for bit in range(BITS):
        x0, x1 = bit * width // BITS, (bit + 1) * width // BITS
        frame[:band, x0:x1] = 255 if number >> bit & 1 else 0


def read_stamp(pixels: np.ndarray[Any, Any]) -> int:
    """The counter in a (scaled) frame: sample the middle of each block."""
    height, width = pixels.shape[:2]
    y = height // 20
    number = 0
    for bit in range(BITS):
        x = int((bit + 0.5) * width / BITS)
        if int(pixels[y, x, :3].mean()) > 127:
            number |= 1 << bit
    return number


def make_clip(path: Path, width: int, height: int) -> Path:
    """testsrc2 frames from one ffmpeg, stamped here, encoded to H.264 by another."""
    frames = FPS * CLIP_SECONDS
    source = subprocess.Popen(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"testsrc2=size={width}x{height}:rate={FPS}",
         "-frames:v", str(frames), "-f", "rawvideo", "-pix_fmt", "bgr24", "-"],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    encoder = subprocess.Popen(
        ["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", f"{width}x{height}",
         "-r", str(FPS), "-i", "-", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
         "-g", str(2 * FPS), str(path)],
        stdin=subprocess.PIPE,
    )  # fmt: skip
    assert source.stdout is not None and encoder.stdin is not None
    size = width * height * 3
    for number in range(frames):
        raw = source.stdout.read(size)
        if len(raw) < size:
            break
        frame = np.frombuffer(raw, np.uint8).reshape(height, width, 3).copy()
        stamp(frame, number)
        encoder.stdin.write(frame.tobytes())
    encoder.stdin.close()
    source.stdout.close()
    if encoder.wait() != 0 or source.wait() != 0:
        raise RuntimeError("could not make the clip")
    return path


class PaintProbe:
    """Wraps Tile.paintEvent: times every paint and notes each new frame shown (counter, latency)."""

    def __init__(self) -> None:
        self.measuring = False
        self.cpu_ms: list[float] = []  # the GUI thread's CPU time in each paint
        self.paints: list[tuple[float, float]] = []  # (end time, duration)
        self.latencies: list[float] = []
        self.shown: dict[int, list[int]] = defaultdict(list)  # tile → counters shown, in order
        self._last_seq: dict[int, int] = {}
        original = Tile.paintEvent

        def timed(tile: Tile, event: QPaintEvent) -> None:
            started, cpu_started = time.monotonic(), time.thread_time()
            original(tile, event)
            ended = time.monotonic()
            if self.measuring:
                self.cpu_ms.append((time.thread_time() - cpu_started) * 1000)
            frame = tile.painted
            key = id(tile)
            if frame is None or self._last_seq.get(key) == frame.seq:
                if self.measuring:
                    self.paints.append((ended, ended - started))
                return
            self._last_seq[key] = frame.seq
            if self.measuring:
                self.paints.append((ended, ended - started))
                self.latencies.append(ended - frame.grabbed_at)
                self.shown[key].append(read_stamp(frame.pixels))

        Tile.paintEvent = timed  # type: ignore[method-assign]


def cpu_seconds(decoder: DecoderProcess) -> float:
    """CPU time of this process and of the decoding process (all threads of both)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    total = usage.ru_utime + usage.ru_stime
    if decoder.pid is not None:
        total += process_cpu_seconds(decoder.pid)
    return total


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def decode_only(clip: Path, seconds: float, threads: int) -> float:
    """Frames per second OpenCV decodes from the clip, as fast as it can, with `threads` readers."""
    counts = [0] * threads
    stop = threading.Event()

    def reader(index: int) -> None:
        capture = cv2.VideoCapture(str(clip), cv2.CAP_FFMPEG)
        while not stop.is_set():
            if not capture.grab():
                capture.release()
                capture = cv2.VideoCapture(str(clip), cv2.CAP_FFMPEG)
                continue
            capture.retrieve()
            counts[index] += 1
        capture.release()

    workers = [threading.Thread(target=reader, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    stop.wait(1.0)
    start_counts, started = sum(counts), time.monotonic()
    stop.wait(seconds)
    total, elapsed = sum(counts) - start_counts, time.monotonic() - started
    stop.set()
    for worker in workers:
        worker.join()
    return total / elapsed


def process_cpu_seconds(pid: int) -> float:
    """CPU time (user + system, all threads) of a process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def gstreamer_peer(clip: Path, tiles: int, seconds: float) -> tuple[float, float]:
    """A plain GStreamer wall of the same N streams in one 1920×1080 picture: its CPU % and pictures a second."""
    gst = shutil.which("gst-launch-1.0")
    if gst is None:
        raise SystemExit("the peer needs gst-launch-1.0 (apt-get install gstreamer1.0-tools gstreamer1.0-libav)")
    servers = [mpegts_over_tcp(clip, port=free_port(), nice=SERVER_NICE) for _ in range(tiles)]
    side = math.ceil(math.sqrt(tiles))
    width, height = 1920 // side, 1080 // side
    args = [gst, "-v", "compositor", "name=mix", "background=black"]
    args += [f"sink_{i}::xpos={i % side * width}" for i in range(tiles)]
    args += [f"sink_{i}::ypos={i // side * height}" for i in range(tiles)]
    args += ["!", "video/x-raw,width=1920,height=1080", "!", "fpsdisplaysink", "video-sink=fakesink",
             "text-overlay=false", "sync=false"]  # fmt: skip
    for i, server in enumerate(servers):
        port = server.url.rsplit(":", 1)[1]
        args += ["tcpclientsrc", "host=127.0.0.1", f"port={port}", "!", "tsdemux", "!", "h264parse", "!",
                 "avdec_h264", "!", "videoconvert", "!", "videoscale", "!",
                 f"video/x-raw,format=BGRx,width={width},height={height}", "!", f"mix.sink_{i}"]  # fmt: skip
    peer = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    rendered = [0]

    def read_counts() -> None:
        assert peer.stdout is not None
        for line in peer.stdout:
            if "last-message = rendered: " in line:
                rendered[0] = int(line.split("rendered: ", 1)[1].split(",", 1)[0])

    reader = threading.Thread(target=read_counts, daemon=True)
    reader.start()
    pause = threading.Event()
    pause.wait(WARMUP_S)
    if peer.poll() is not None:
        raise RuntimeError(f"the GStreamer peer stopped: {' '.join(args)}")
    cpu, frames, started = process_cpu_seconds(peer.pid), rendered[0], time.monotonic()
    pause.wait(seconds)
    cpu_end, frames_end, elapsed = process_cpu_seconds(peer.pid), rendered[0], time.monotonic() - started
    peer.terminate()
    peer.wait(timeout=10)
    reader.join(timeout=5)
    for server in servers:
        server.stop()
    return 100 * (cpu_end - cpu) / elapsed, (frames_end - frames) / elapsed


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


def frames_and_drops(counters: list[int]) -> tuple[int, int]:
    """Distinct frames shown, and frames skipped between them (the counter wraps with the looping clip)."""
    period = FPS * CLIP_SECONDS
    distinct = dropped = 0
    previous: int | None = None
    for counter in counters:
        if counter == previous:
            continue
        if previous is not None:
            dropped += max(0, (counter - previous) % period - 1)
        distinct += 1
        previous = counter
    return distinct, dropped


def run(tiles: int, res: str, seconds: float) -> int:
    width, height = RESOLUTIONS[res]
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-wall-"))
    started = time.monotonic()
    clip = make_clip(folder / f"counter-{res}.mp4", width, height)
    print(f"clip: {clip.name}, {width}×{height} H.264 {FPS} fps, made in {time.monotonic() - started:.1f} s")
    servers = [mpegts_over_tcp(clip, port=free_port(), nice=SERVER_NICE) for _ in range(tiles)]
    probe = PaintProbe()
    walls: list[WallGrid] = []
    decoder = DecoderProcess()

    def resolve(ref: SourceRef, _main: bool) -> FeedSource | str:
        return FeedSource(ref.id, ref.label, playback=False)

    for first in range(0, tiles, TILES_PER_WALL):
        count = min(TILES_PER_WALL, tiles - first)
        side = math.ceil(math.sqrt(count))
        state = WallState(f"{side}×{side}")
        for slot in range(count):
            state = state.assign(slot, SourceRef("url", servers[first + slot].url, f"cam {first + slot + 1}"))
        wall = WallGrid(resolve, decoder)
        wall.resize(1920, 1080)
        wall.show()
        wall.set_state(state)
        walls.append(wall)
    marks: dict[str, float] = {}

    def begin() -> None:
        probe.measuring = True
        marks["cpu"], marks["t"] = cpu_seconds(decoder), time.monotonic()

    def end() -> None:
        probe.measuring = False
        marks["cpu_end"], marks["t_end"] = cpu_seconds(decoder), time.monotonic()
        marks["rss"] = rss_mb()
        app.quit()

    QTimer.singleShot(int(WARMUP_S * 1000), begin)
    QTimer.singleShot(int((WARMUP_S + seconds) * 1000), end)
    app.exec()
    for wall in walls:
        wall.close_feeds()
    decoder.close()
    for server in servers:
        server.stop()
    elapsed = marks["t_end"] - marks["t"]
    cpu_pct = 100 * (marks["cpu_end"] - marks["cpu"]) / elapsed
    per_tile = []  # frames painted per second
    progress = []  # frames of the stream gone by per second (painted or decoded and skipped): live if ~25
    dropped_total = 0
    for wall in walls:
        for tile in wall.tiles:
            if tile.worker is None:
                continue
            distinct, dropped = frames_and_drops(probe.shown.get(id(tile), []))
            per_tile.append(distinct / elapsed)
            progress.append((distinct + dropped) / elapsed)
            dropped_total += dropped
    windows: dict[int, float] = defaultdict(float)
    counts: dict[int, int] = defaultdict(int)
    for ended, duration in probe.paints:
        windows[int(ended / 0.040)] += duration * 1000
        counts[int(ended / 0.040)] += 1
    # One grid = one paint of each tile; a 40 ms window holds more or fewer as frames arrive with jitter.
    per_grid = [total * tiles / counts[window] for window, total in windows.items()]
    paint_p99 = percentile(per_grid, 99)
    sums = list(windows.values())
    delivered = sum(per_tile)
    decoded = sum(progress)
    threads = os.cpu_count() or 1
    raw = decode_only(clip, min(8.0, seconds), threads)
    peer_cpu, peer_fps = gstreamer_peer(clip, tiles, seconds)
    decode_ms = 1000 * threads / raw
    latency_ms = [decode_ms + value * 1000 for value in probe.latencies]
    print(f"per-tile fps (painted): {' '.join(f'{fps:.1f}' for fps in per_tile)}")
    print(f"per-tile stream progress fps (decoded, live at {FPS}): min {min(progress):.1f} max {max(progress):.1f}")
    print(
        f"frames painted: {delivered * elapsed:.0f} in {elapsed:.1f} s, {dropped_total} skipped "
        f"({100 * dropped_total / max(1, delivered * elapsed + dropped_total):.1f}%)"
    )
    singles = [duration * 1000 for _ended, duration in probe.paints]
    print(
        f"paint ms per grid: p50={percentile(per_grid, 50):.2f} p99={paint_p99:.2f}; "
        f"per 40 ms: p50={percentile(sums, 50):.2f} p99={percentile(sums, 99):.2f}; "
        f"one tile: p50={percentile(singles, 50):.3f} p99={percentile(singles, 99):.3f} max={max(singles):.1f}; "
        f"GUI thread CPU in one tile's paint: p50={percentile(probe.cpu_ms, 50):.3f} "
        f"p99={percentile(probe.cpu_ms, 99):.3f}"
    )
    print(
        f"decode-to-paint latency ms: p50={statistics.median(latency_ms):.1f} "
        f"p90={percentile(latency_ms, 90):.1f} p99={percentile(latency_ms, 99):.1f}"
    )
    print(f"cpu: {cpu_pct:.0f}% of {100 * threads}% (GUI and decoding processes) · GUI rss {marks['rss']:.0f} MB")
    print(
        f"decode-only: {raw:.0f} fps with {threads} threads ({decode_ms:.2f} ms a frame a thread); "
        f"the wall decoded {decoded:.0f} fps live and painted {delivered:.0f} fps"
    )
    print(
        f"GStreamer peer (decode, convert, scale, composite {tiles} streams into one 1920×1080 picture): "
        f"{peer_cpu:.0f}% CPU, {peer_fps:.1f} pictures/s"
    )
    print(
        f"tiles={tiles} min_fps={min(per_tile):.1f} cpu_pct={cpu_pct:.0f} paint_ms_p99={paint_p99:.2f} "
        f"latency_ms_p50={statistics.median(latency_ms):.1f} decode_ratio={decoded / raw:.2f} "
        f"peer_cpu_pct={peer_cpu:.0f} peer_fps={peer_fps:.1f} peer_cpu_ratio={cpu_pct / peer_cpu:.2f}"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiles", type=int, default=16)
    parser.add_argument("--res", choices=sorted(RESOLUTIONS), default="720p")
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    return run(args.tiles, args.res, args.seconds)


if __name__ == "__main__":
    sys.exit(main())
