"""Photos, short videos and text messages sent by citizens, made locally with OpenCV."""

from __future__ import annotations

import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import cv2

from dispatchd.demo.scene import StreetScene

TEXTS = {
    "fr": [
        "Il y a une bagarre devant le bar, ils sont au moins cinq.",
        "Un homme blessé est allongé sur le trottoir, il ne répond plus.",
        "De la fumée sort du deuxième étage, vite !",
        "Deux personnes cassent la vitrine de la pharmacie.",
        "Accident entre un scooter et une voiture, le conducteur saigne.",
        "Une voiture suspecte tourne dans la rue depuis une heure.",
    ],
    "en": [
        "Someone is trying to open car doors in the car park.",
        "There's a crowd gathering and people are shouting.",
        "An elderly man fell and can't get up, please hurry.",
        "I can see flames behind the supermarket.",
    ],
}


@dataclass(frozen=True, slots=True)
class CitizenMedia:
    """One item ready to attach: kind, file name, MIME type, bytes (or text)."""

    kind: str
    name: str
    mime_type: str
    content: bytes
    text: str | None = None


def make_photo(rng: random.Random) -> CitizenMedia:
    scene = StreetScene("Photo", rng.randrange(1_000_000))
    frame = scene.render(time.time() - rng.uniform(10, 300), 1024, 576)
    _ok, jpeg = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 85])
    return CitizenMedia("photo", "photo.jpg", "image/jpeg", jpeg.tobytes())


def make_video(rng: random.Random, seconds: float = 3.0, fps: float = 12.0) -> CitizenMedia:
    """A short MP4 (MPEG-4 Part 2, which OpenCV's bundled FFmpeg always writes)."""
    scene = StreetScene("Vidéo citoyen", rng.randrange(1_000_000))
    start = time.time() - rng.uniform(10, 300)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "clip.mp4"
        writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), fps, (640, 360))
        for i in range(int(seconds * fps)):
            writer.write(scene.render(start + i / fps, 640, 360))
        writer.release()
        data = path.read_bytes()
    return CitizenMedia("video", "video.mp4", "video/mp4", data)


def make_text(rng: random.Random) -> CitizenMedia:
    text = rng.choice(TEXTS[rng.choice(("fr", "fr", "en"))])
    return CitizenMedia("text", "message.txt", "text/plain; charset=utf-8", text.encode(), text)
