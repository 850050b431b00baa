"""Street scenes drawn with OpenCV: what the demo cameras see, the same at any resolution for a time t."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime

import cv2
import numpy as np
import numpy.typing as npt

Frame = npt.NDArray[np.uint8]
_FONT = cv2.FONT_HERSHEY_SIMPLEX
_CAR_COLOURS = [(40, 40, 200), (200, 200, 200), (30, 30, 30), (180, 120, 30), (60, 160, 60), (0, 200, 230)]


@dataclass(frozen=True, slots=True)
class _Mover:
    lane: float  # vertical position as a fraction of the height
    speed: float  # fraction of the width per second (negative: right to left)
    phase: float
    size: float  # fraction of the width
    colour: tuple[int, int, int]
    person: bool


class StreetScene:
    """One camera's scene: a fixed background and traffic that is a pure function of time."""

    def __init__(self, name: str, seed: int) -> None:
        self.name = name
        rng = random.Random(seed)
        self._sky = (rng.randint(150, 200), rng.randint(120, 170), rng.randint(80, 120))
        self._buildings = [
            (
                rng.uniform(0, 1),
                rng.uniform(0.12, 0.3),
                rng.uniform(0.15, 0.45),
                (rng.randint(60, 140), rng.randint(60, 130), rng.randint(60, 120)),
            )
            for _ in range(9)
        ]
        movers = []
        for i in range(7):
            direction = 1 if i % 2 == 0 else -1
            movers.append(
                _Mover(
                    0.70 if direction > 0 else 0.80,
                    direction * rng.uniform(0.08, 0.2),
                    rng.random(),
                    rng.uniform(0.09, 0.14),
                    rng.choice(_CAR_COLOURS),
                    False,
                )
            )
        for _ in range(5):
            direction = rng.choice((1, -1))
            movers.append(
                _Mover(
                    rng.choice((0.60, 0.93)),
                    direction * rng.uniform(0.015, 0.035),
                    rng.random(),
                    0.012,
                    (rng.randint(0, 255), 80, 200),
                    True,
                )
            )
        self._movers = movers
        self._backgrounds: dict[tuple[int, int], Frame] = {}

    def _background(self, width: int, height: int) -> Frame:
        key = (width, height)
        if key not in self._backgrounds:
            img = np.zeros((height, width, 3), np.uint8)
            img[:] = self._sky
            for x, w, h, colour in self._buildings:
                x0, x1 = int(x * width), int((x + w) * width)
                y0 = int((0.56 - h) * height)
                cv2.rectangle(img, (x0, y0), (x1, int(0.56 * height)), colour, -1)
                for wy in range(y0 + height // 40, int(0.54 * height), max(4, height // 22)):
                    for wx in range(x0 + width // 120, x1 - width // 80, max(4, width // 45)):
                        cv2.rectangle(
                            img, (wx, wy), (wx + width // 160 + 1, wy + height // 80 + 1), (170, 210, 230), -1
                        )
            cv2.rectangle(img, (0, int(0.56 * height)), (width, int(0.64 * height)), (150, 150, 150), -1)
            cv2.rectangle(img, (0, int(0.64 * height)), (width, int(0.88 * height)), (70, 70, 70), -1)
            cv2.rectangle(img, (0, int(0.88 * height)), (width, height), (150, 150, 150), -1)
            dash = max(8, width // 24)
            for x in range(0, width, dash * 2):
                cv2.rectangle(img, (x, int(0.755 * height)), (x + dash, int(0.765 * height)), (230, 230, 230), -1)
            self._backgrounds[key] = img
        return self._backgrounds[key]

    def render(self, t: float, width: int, height: int) -> Frame:
        """The frame at Unix time t, `height`×`width` BGR, with the name and the time burned in."""
        img = self._background(width, height).copy()
        for m in self._movers:
            x = ((m.phase + m.speed * t) % 1.3 - 0.15) * width
            y = m.lane * height
            if m.person:
                r = max(2, int(m.size * width))
                cv2.circle(img, (int(x), int(y - 3 * r)), r, (180, 200, 230), -1)
                cv2.rectangle(img, (int(x - r), int(y - 2 * r)), (int(x + r), int(y + 2 * r)), m.colour, -1)
            else:
                w, h = m.size * width, m.size * width * 0.42
                cv2.rectangle(img, (int(x), int(y - h)), (int(x + w), int(y)), m.colour, -1)
                cv2.rectangle(img, (int(x + w * 0.2), int(y - h * 1.5)), (int(x + w * 0.75), int(y - h)), m.colour, -1)
                for wx in (x + w * 0.2, x + w * 0.8):
                    cv2.circle(img, (int(wx), int(y)), max(2, int(h * 0.3)), (20, 20, 20), -1)
        scale = width / 1280.0
        stamp = datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M:%S.") + f"{int(t * 1000) % 1000:03d} UTC"
        for text, org in (
            (self.name, (int(16 * scale), int(40 * scale))),
            (stamp, (int(16 * scale), height - int(20 * scale))),
        ):
            cv2.putText(img, text, org, _FONT, 1.0 * scale, (0, 0, 0), max(1, int(5 * scale)), cv2.LINE_AA)
            cv2.putText(img, text, org, _FONT, 1.0 * scale, (255, 255, 255), max(1, int(2 * scale)), cv2.LINE_AA)
        return img
