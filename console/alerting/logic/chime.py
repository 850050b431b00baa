"""The alert's sound, made here (no sound file to ship): two falling tones, like a control room's chime,
loud enough to be heard over a room and short enough not to mask a voice on the radio. Plain Python."""

from __future__ import annotations

import io
import math
import struct
import wave

RATE = 22_050
TONES = ((880.0, 0.22), (660.0, 0.34))  # Hz, seconds
FADE_S = 0.015


def chime_samples(rate: int = RATE, volume: float = 0.6) -> list[int]:
    """16-bit samples of the chime, each tone faded in and out (no click)."""
    samples: list[int] = []
    for frequency, seconds in TONES:
        count = int(rate * seconds)
        fade = int(rate * FADE_S)
        for n in range(count):
            envelope = min(1.0, n / fade, (count - n) / fade) * math.exp(-2.0 * n / count)
            samples.append(int(32767 * volume * envelope * math.sin(2 * math.pi * frequency * n / rate)))
    return samples


def chime_wav(rate: int = RATE) -> bytes:
    """The chime as a mono 16-bit WAV file."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        samples = chime_samples(rate)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return buffer.getvalue()
