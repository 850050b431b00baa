"""Does a video file really hold a video that can be decoded: ffprobe (FFmpeg) asked, or OpenCV where there is
no ffprobe. A header can be forged; a stream that a decoder reads cannot."""

from __future__ import annotations

import functools
import logging
import shutil
import subprocess
from pathlib import Path

log = logging.getLogger("dispatchd.media")


@functools.cache
def _no_prober_said() -> None:
    log.warning("videos are checked by their header only: neither ffprobe nor OpenCV is installed here")


def video_problem(path: Path) -> str | None:
    """None when a video stream can be read from the file; else why not, in a sentence."""
    ffprobe = shutil.which("ffprobe")
    if ffprobe is not None:
        command = [ffprobe, "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name",
                   "-of", "csv=p=0", str(path)]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
        except subprocess.TimeoutExpired:
            return "This video could not be read within 30 s: it is not accepted."
        if done.returncode == 0 and done.stdout.strip():
            return None
        return "No video could be read from this file: it is not accepted."
    try:
        import cv2
    except ImportError:
        _no_prober_said()
        return None
    capture = cv2.VideoCapture(str(path))
    try:
        ok, _frame = capture.read()
    finally:
        capture.release()
    return None if ok else "No video could be read from this file: it is not accepted."
