"""A JPEG carrying EXIF DateTimeOriginal, its offset and a GPS position, made by the tests (a phone's photo)."""

from __future__ import annotations

import struct

import cv2
import numpy as np


def _ifd(entries: list[tuple[int, int, int, bytes]], start: int) -> tuple[bytes, bytes]:
    """An IFD at `start` (entries: tag, type, count, value bytes) and the data it points to, little-endian."""
    head = struct.pack("<H", len(entries))
    data = b""
    data_at = start + 2 + 12 * len(entries) + 4
    for tag, kind, count, value in entries:
        if len(value) <= 4:
            head += struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\x00")
        else:
            head += struct.pack("<HHII", tag, kind, count, data_at + len(data))
            data += value
    return head + struct.pack("<I", 0), data


def _rationals(*values: tuple[int, int]) -> bytes:
    return b"".join(struct.pack("<II", top, bottom) for top, bottom in values)


def jpeg_with_exif(taken: str, offset: str, lat: float, lon: float) -> bytes:
    """`taken` as EXIF writes it ("2026:11:30 14:03:00"), `offset` "+01:00", a position in degrees."""

    def dms(value: float) -> bytes:
        value = abs(value)
        degrees, minutes = int(value), int((value % 1) * 60)
        seconds = round(((value % 1) * 60 - minutes) * 60 * 1000)
        return _rationals((degrees, 1), (minutes, 1), (seconds, 1000))

    ifd0_at = 8
    exif_at = ifd0_at + 2 + 2 * 12 + 4
    date = taken.encode() + b"\x00"
    zone = offset.encode() + b"\x00"
    exif_ifd, exif_data = _ifd([(0x9003, 2, len(date), date), (0x9011, 2, len(zone), zone)], exif_at)
    gps_at = exif_at + len(exif_ifd) + len(exif_data)
    gps_ifd, gps_data = _ifd(
        [
            (1, 2, 2, (b"N" if lat >= 0 else b"S") + b"\x00"),
            (2, 5, 3, dms(lat)),
            (3, 2, 2, (b"E" if lon >= 0 else b"W") + b"\x00"),
            (4, 5, 3, dms(lon)),
        ],
        gps_at,
    )
    ifd0, _ = _ifd([(0x8769, 4, 1, struct.pack("<I", exif_at)), (0x8825, 4, 1, struct.pack("<I", gps_at))], ifd0_at)
    tiff = b"II*\x00" + struct.pack("<I", ifd0_at) + ifd0 + exif_ifd + exif_data + gps_ifd + gps_data
    app1 = b"Exif\x00\x00" + tiff
    segment = b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1
    picture = bytes(cv2.imencode(".jpg", np.full((90, 120, 3), 120, np.uint8))[1].tobytes())
    return picture[:2] + segment + picture[2:]
