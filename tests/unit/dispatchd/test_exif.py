"""A photo's own EXIF time and position reach the incident's media, the original left as it was."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from fastapi.testclient import TestClient

from dispatchd import exif
from tests.conftest import INCIDENT
from tests.support.exif_photo import jpeg_with_exif


def test_exif_time_offset_and_position_are_read() -> None:
    facts = exif.read(jpeg_with_exif("2026:11:30 14:03:00", "+01:00", 45.764, -4.8357))
    assert facts.taken_at == datetime(2026, 11, 30, 13, 3, tzinfo=UTC)
    assert facts.lat is not None and abs(facts.lat - 45.764) < 1e-5
    assert facts.lon is not None and abs(facts.lon + 4.8357) < 1e-5
    assert exif.read(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00") == exif.PhotoFacts()
    assert exif.read(b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*garbage") == exif.PhotoFacts()


def test_an_uploaded_photo_carries_its_exif_and_keeps_its_hash(api: TestClient) -> None:
    incident = api.post("/api/v1/incidents", json=INCIDENT).json()["id"]
    photo = jpeg_with_exif("2026:11:30 14:03:00", "+01:00", 45.764, 4.8357)
    media = api.post(
        f"/api/v1/incidents/{incident}/media", data={"kind": "photo"}, files={"file": ("phone.jpg", photo)}
    ).json()
    assert media["exif"]["taken_at"] == "2026-11-30T14:03:00+01:00"
    assert round(media["exif"]["lat"], 4) == 45.764 and round(media["exif"]["lon"], 4) == 4.8357
    assert media["sha256"] == hashlib.sha256(photo).hexdigest()
    assert api.get(f"/api/v1/media/{media['id']}/content").content == photo
