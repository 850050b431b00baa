"""The demo cameras are real MJPEG-over-HTTP streams that OpenCV decodes: 720p main, 360p sub."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from console.videowall.logic.diagnosis import why_stream_failed
from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e


def test_every_demo_camera_streams_a_live_street_scene(dispatchd: DispatchdProcess) -> None:
    with dispatchd.api() as api:
        cameras = api.get("/cameras").json()
    assert len(cameras) >= 8
    for camera in cameras[:2]:
        for url, shape in (
            (camera["stream"]["sub_url"], (360, 640, 3)),
            (camera["stream"]["main_url"], (720, 1280, 3)),
        ):
            capture = cv2.VideoCapture(url)
            try:
                assert capture.isOpened(), url
                frames = []
                for _ in range(8):  # about a third of a second of video at 25 fps
                    ok, frame = capture.read()
                    assert ok, url
                    frames.append(frame)
            finally:
                capture.release()
            assert frames[0].shape == shape
            assert float(frames[0].std()) > 20, "a scene, not a blank frame"
            assert np.abs(frames[0].astype(int) - frames[-1].astype(int)).mean() > 0.1, "it moves"


def test_an_unknown_camera_is_a_404(dispatchd: DispatchdProcess) -> None:
    with dispatchd.api() as api:
        base = api.get("/cameras").json()[0]["stream"]["sub_url"].rsplit("/cam/", 1)[0]
    capture = cv2.VideoCapture(f"{base}/cam/nope/sub.mjpg")
    try:
        assert not capture.isOpened() or not capture.read()[0]
    finally:
        capture.release()


def test_the_demo_has_one_camera_down_that_refuses_connections(dispatchd: DispatchdProcess) -> None:
    with dispatchd.api() as api:
        cameras = {c["id"]: c for c in api.get("/cameras").json()}
    down = cameras["cam-16"]
    assert down["status"] == "offline"
    assert why_stream_failed(down["stream"]["sub_url"]) == "camera refused the connection"
    assert sum(c["status"] == "online" for c in cameras.values()) == 15
