"""The demo cameras' recordings: the picture a camera showed at a past time, as MP4 over HTTP."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import cv2
import httpx
import numpy as np
import pytest

from dispatchd.demo.scene import StreetScene
from dispatchd.demo.world import CAMERAS
from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e


def window(end: datetime, seconds: float) -> str:
    start = end - timedelta(seconds=seconds)
    return urlencode({"start": start.isoformat(), "end": end.isoformat()})


def test_a_recording_shows_what_the_camera_saw_at_that_time(dispatchd: DispatchdProcess) -> None:
    with dispatchd.api() as api:
        camera = next(c for c in api.get("/cameras").json() if c["id"] == "cam-02")
    end = datetime.now(UTC).replace(microsecond=0) - timedelta(seconds=30)
    url = f"{camera['archive_url']}?{window(end, 4)}"
    started = time.monotonic()
    capture = cv2.VideoCapture(url, cv2.CAP_FFMPEG)
    try:
        assert capture.isOpened()
        frames = []
        while True:
            ok, frame = capture.read()
            if not ok:
                break
            frames.append(frame)
    finally:
        capture.release()
    elapsed = time.monotonic() - started
    assert len(frames) == 100, "4 s at 25 fps"
    assert elapsed < 10
    # The demo scenes are a function of time: frame 50 is the camera's picture 2 s into the window.
    index = list(c[0] for c in CAMERAS).index("cam-02")
    scene = StreetScene(CAMERAS[index][1], 17 * 100 + index)
    expected = scene.render((end - timedelta(seconds=4)).timestamp() + 50 / 25, 640, 360)
    difference = np.abs(frames[50].astype(int) - expected.astype(int)).mean()
    assert difference < 6, f"the recorded frame differs from the scene at that time by {difference:.1f} on average"
    other = scene.render((end - timedelta(seconds=4)).timestamp() + 150 / 25, 640, 360)
    assert np.abs(frames[50].astype(int) - other.astype(int)).mean() > difference


def test_no_recording_of_the_future_nor_of_last_week(dispatchd: DispatchdProcess) -> None:
    with dispatchd.api() as api:
        camera = next(c for c in api.get("/cameras").json() if c["id"] == "cam-02")
    now = datetime.now(UTC)
    for when, words in ((now + timedelta(minutes=5), "future"), (now - timedelta(days=7), "no recording before")):
        answer = httpx.get(f"{camera['archive_url']}?{window(when, 10)}", timeout=10)
        assert answer.status_code == 404 and words in answer.text
