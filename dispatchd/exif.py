"""When and where a photo says it was taken: its EXIF DateTimeOriginal and GPS position, read from a JPEG's APP1
segment (pure Python; the stored file is never changed: its hash is the evidence). What cannot be read is None."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_DATE_ORIGINAL, _OFFSET_ORIGINAL = 0x9003, 0x9011
_LAT_REF, _LAT, _LON_REF, _LON = 1, 2, 3, 4
_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8}


@dataclass(frozen=True, slots=True)
class PhotoFacts:
    taken_at: datetime | None = None
    """Aware when the photo says its offset; else naive (the camera's own clock, zone unknown)."""
    lat: float | None = None
    lon: float | None = None


def _app1(head: bytes) -> bytes | None:
    """The Exif payload of a JPEG's APP1 segment, from the first bytes of the file."""
    if not head.startswith(b"\xff\xd8"):
        return None
    at = 2
    while at + 4 <= len(head) and head[at] == 0xFF:
        marker, length = head[at + 1], struct.unpack(">H", head[at + 2 : at + 4])[0]
        if marker == 0xE1 and head[at + 4 : at + 10] == b"Exif\x00\x00":
            return head[at + 10 : at + 2 + length]
        if marker in (0xDA, 0xD9):  # image data: no Exif before it
            return None
        at += 2 + length
    return None


class _Tiff:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.order = "<" if data[:2] == b"II" else ">"
        if data[:2] not in (b"II", b"MM"):
            raise ValueError("not TIFF")

    def unpack(self, fmt: str, at: int) -> tuple[int, ...]:
        return struct.unpack_from(self.order + fmt, self.data, at)

    def entries(self, offset: int) -> dict[int, tuple[int, int, int]]:
        """Tag → (type, count, where its value is) of the IFD at `offset`."""
        (count,) = self.unpack("H", offset)
        found = {}
        for n in range(min(count, 512)):
            at = offset + 2 + 12 * n
            tag, kind, items = self.unpack("HHI", at)
            size = _SIZES.get(kind, 1) * items
            where = at + 8 if size <= 4 else self.unpack("I", at + 8)[0]
            found[tag] = (kind, items, where)
        return found

    def text(self, entry: tuple[int, int, int]) -> str:
        _kind, items, where = entry
        return self.data[where : where + items].split(b"\x00", 1)[0].decode("ascii", "replace")

    def rationals(self, entry: tuple[int, int, int]) -> list[float]:
        _kind, items, where = entry
        values = []
        for n in range(items):
            top, bottom = self.unpack("II", where + 8 * n)
            values.append(top / bottom if bottom else 0.0)
        return values

    def long(self, entry: tuple[int, int, int]) -> int:
        return self.unpack("I", entry[2])[0]


def _degrees(parts: list[float], ref: str) -> float | None:
    if len(parts) != 3:
        return None
    value = parts[0] + parts[1] / 60 + parts[2] / 3600
    return -value if ref in ("S", "W") else value


def read(head: bytes) -> PhotoFacts:
    """The facts a JPEG's first bytes (64 kB hold its Exif) tell; nothing when they tell nothing."""
    payload = _app1(head)
    if payload is None:
        return PhotoFacts()
    try:
        tiff = _Tiff(payload)
        ifd0 = tiff.entries(tiff.unpack("I", 4)[0])
        taken_at = lat = lon = None
        if _EXIF_IFD in ifd0:
            exif = tiff.entries(tiff.long(ifd0[_EXIF_IFD]))
            if _DATE_ORIGINAL in exif:
                taken_at = datetime.strptime(tiff.text(exif[_DATE_ORIGINAL]), "%Y:%m:%d %H:%M:%S")
                if _OFFSET_ORIGINAL in exif:
                    sign, hours, minutes = (offset := tiff.text(exif[_OFFSET_ORIGINAL]))[0], offset[1:3], offset[4:6]
                    delta = timedelta(hours=int(hours), minutes=int(minutes))
                    taken_at = taken_at.replace(tzinfo=timezone(-delta if sign == "-" else delta))
        if _GPS_IFD in ifd0:
            gps = tiff.entries(tiff.long(ifd0[_GPS_IFD]))
            if {_LAT_REF, _LAT, _LON_REF, _LON} <= gps.keys():
                lat = _degrees(tiff.rationals(gps[_LAT]), tiff.text(gps[_LAT_REF]))
                lon = _degrees(tiff.rationals(gps[_LON]), tiff.text(gps[_LON_REF]))
                if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    lat = lon = None
        return PhotoFacts(taken_at, lat, lon)
    except (struct.error, ValueError, IndexError):
        return PhotoFacts()
