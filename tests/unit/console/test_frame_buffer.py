"""Frames through shared memory between the decoding process and the GUI (two attachments, one process)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import numpy as np
import pytest

from console.videowall.logic.frame_buffer import FrameBuffer


@pytest.fixture
def pair() -> Iterator[tuple[FrameBuffer, FrameBuffer]]:
    gui = FrameBuffer(capacity=64 * 48 * 4)
    decoder = FrameBuffer(name=gui.name, untrack=False)  # same process: one tracker for both
    yield gui, decoder
    decoder.close()
    gui.close()


def picture(value: int, width: int = 64, height: int = 36) -> np.ndarray:
    return np.full((height, width, 4), value, np.uint8)


def test_the_gui_reads_the_newest_frame_in_place(pair: tuple[FrameBuffer, FrameBuffer]) -> None:
    gui, decoder = pair
    assert gui.read() is None
    when = datetime(2026, 11, 25, 18, 0, 1, 500000, tzinfo=UTC)
    assert decoder.publish(picture(10), 1, 5.0, 5.01, when, None)
    assert decoder.publish(picture(20, 48, 27), 2, 6.0, 6.01, None, 12.5)
    frame = gui.read()
    assert frame is not None
    assert frame.seq == 2 and frame.pixels.shape == (27, 48, 4) and int(frame.pixels[0, 0, 0]) == 20
    assert (frame.grabbed_at, frame.ready_at, frame.time, frame.position_s) == (6.0, 6.01, None, 12.5)
    decoder.publish(picture(30), 3, 7.0, 7.01, when, None)
    assert int(frame.pixels[0, 0, 0]) == 20, "the frame being painted is not overwritten by the next one"
    newest = gui.read()
    assert newest is not None and newest.time == when and int(newest.pixels[0, 0, 0]) == 30


def test_a_frame_too_big_for_the_buffer_is_refused(pair: tuple[FrameBuffer, FrameBuffer]) -> None:
    gui, decoder = pair
    assert not decoder.publish(picture(1, 65, 48), 1, 0.0, 0.0, None, None)
    assert gui.read() is None
    assert gui.fits(64, 48) and not gui.fits(64, 49)


def test_the_gui_tells_the_decoder_what_it_painted(pair: tuple[FrameBuffer, FrameBuffer]) -> None:
    gui, decoder = pair
    gui.mark_shown(41)
    decoder.set_fps(24.6)
    assert decoder.shown_seq() == 41 and gui.fps() == pytest.approx(24.6)


def test_a_closed_buffer_reads_nothing() -> None:
    gui = FrameBuffer(capacity=1024)
    gui.close()
    assert gui.read() is None and gui.latest_seq() == 0 and gui.fps() == 0.0
