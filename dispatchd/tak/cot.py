"""Cursor on Target events: read (XML or TAK protocol v1 protobuf) and written (XML), nothing else.

A CoT event is `<event uid type how time start stale><point lat lon hae ce le/><detail>…</detail></event>`;
TAK clients add `<contact callsign>`, `<track course speed>` and `<remarks>` to the detail. TAK protocol v1
carries the same fields in a protobuf (`TakMessage.cotEvent`), decoded here by PyPI's `takproto`.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from xml.sax.saxutils import escape as escape_text
from xml.sax.saxutils import quoteattr

MAX_EVENT_BYTES = 64 * 1024
"""A CoT event larger than this is dropped (a position is ~400 bytes; a whole map package is not for us)."""

FUTURE_TOLERANCE = timedelta(seconds=60)
"""How far ahead of our clock an event's `time` may be (a phone's clock drifts) before it is refused."""


class CotRejected(ValueError):
    """An event that is not taken, and why in one word: `malformed`, `oversized`, `future`, `stale`."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class CotEvent:
    """What we read from one CoT event."""

    uid: str
    type: str
    how: str
    time: datetime
    stale: datetime
    lat: float
    lon: float
    hae: float | None = None
    ce: float | None = None
    """Circular error, metres (9999999: unknown)."""
    course: float | None = None
    speed: float | None = None
    """Metres per second."""
    callsign: str | None = None
    remarks: str | None = None

    @property
    def is_position(self) -> bool:
        """A track of something on the ground, in the air or at sea (atoms `a-?-G…`, `a-?-A…`, `a-?-S…`): not a
        chat, a shape, a ping, nor an incident marker (`a-?-X-…`, another centre's picture)."""
        parts = self.type.split("-")
        return len(parts) >= 3 and parts[0] == "a" and parts[2] in ("G", "A", "S")

    @property
    def accuracy_m(self) -> float | None:
        return self.ce if self.ce is not None and self.ce < 9_999_999 else None


UNKNOWN = 9_999_999.0  # CoT's "unknown" for hae, ce and le


def parse_time(text: str | None) -> datetime:
    if not text:
        raise CotRejected("malformed", "a time is missing")
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise CotRejected("malformed", f"not a time: {text[:40]!r}") from None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _number(text: str | None, name: str, *, low: float = -math.inf, high: float = math.inf) -> float | None:
    if text is None or text == "":
        return None
    try:
        value = float(text)
    except ValueError:
        raise CotRejected("malformed", f"{name} is not a number") from None
    if not math.isfinite(value) or not low <= value <= high:
        raise CotRejected("malformed", f"{name} is out of range")
    return value


def _unknown_is_none(value: float | None) -> float | None:
    return None if value is None or value >= UNKNOWN else value


def parse_xml(data: bytes) -> CotEvent:
    """One `<event>` (with or without an XML declaration). Raises CotRejected."""
    if len(data) > MAX_EVENT_BYTES:
        raise CotRejected("oversized", f"{len(data)} bytes")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # CoT has neither; entities are how XML bombs explode
        raise CotRejected("malformed", "a document type declaration")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise CotRejected("malformed", str(error)) from None
    if root.tag != "event":
        raise CotRejected("malformed", f"<{root.tag[:40]}> is not an event")
    point = root.find("point")
    uid = root.get("uid") or ""
    if point is None or not uid or len(uid) > 200:
        raise CotRejected("malformed", "no uid or no point")
    lat = _number(point.get("lat"), "lat", low=-90, high=90)
    lon = _number(point.get("lon"), "lon", low=-180, high=180)
    if lat is None or lon is None:
        raise CotRejected("malformed", "the point has no lat or lon")
    detail = root.find("detail")
    contact = detail.find("contact") if detail is not None else None
    track = detail.find("track") if detail is not None else None
    remarks = detail.find("remarks") if detail is not None else None
    return CotEvent(
        uid=uid,
        type=root.get("type") or "",
        how=root.get("how") or "",
        time=parse_time(root.get("time")),
        stale=parse_time(root.get("stale")),
        lat=lat,
        lon=lon,
        hae=_unknown_is_none(_number(point.get("hae"), "hae")),
        ce=_number(point.get("ce"), "ce", low=0),
        course=_number(track.get("course"), "course", low=0, high=360) if track is not None else None,
        speed=_number(track.get("speed"), "speed", low=0) if track is not None else None,
        callsign=(contact.get("callsign") or None) if contact is not None else None,
        remarks=(remarks.text or None) if remarks is not None else None,
    )


def _from_millis(millis: int) -> datetime:
    try:
        return datetime.fromtimestamp(millis / 1000, UTC)
    except (OverflowError, OSError, ValueError):
        raise CotRejected("malformed", "a time is out of range") from None


def parse_protobuf(payload: bytes) -> CotEvent:
    """A TAK protocol v1 `TakMessage` (the payload, without its 0xbf header or length). Raises CotRejected."""
    from google.protobuf.message import DecodeError  # type: ignore[import-untyped]
    from takproto.proto import TakMessage  # type: ignore[import-untyped]

    if len(payload) > MAX_EVENT_BYTES:
        raise CotRejected("oversized", f"{len(payload)} bytes")
    message = TakMessage()
    try:
        message.ParseFromString(payload)
    except DecodeError:
        raise CotRejected("malformed", "not a TAK protocol message") from None
    if not message.HasField("cotEvent"):
        raise CotRejected("malformed", "a TAK control message, no event")
    cot = message.cotEvent
    if not cot.uid or len(cot.uid) > 200:
        raise CotRejected("malformed", "no uid")
    if not (-90 <= cot.lat <= 90 and -180 <= cot.lon <= 180 and math.isfinite(cot.lat + cot.lon)):
        raise CotRejected("malformed", "the point is out of range")
    detail = cot.detail
    course = speed = None
    if detail.HasField("track"):
        course = _number(repr(detail.track.course), "course", low=0, high=360)
        speed = _number(repr(detail.track.speed), "speed", low=0)
    return CotEvent(
        uid=cot.uid,
        type=cot.type,
        how=cot.how,
        time=_from_millis(cot.sendTime),
        stale=_from_millis(cot.staleTime),
        lat=cot.lat,
        lon=cot.lon,
        hae=_unknown_is_none(cot.hae),
        ce=cot.ce if math.isfinite(cot.ce) and cot.ce >= 0 else None,
        course=course,
        speed=speed,
        callsign=(detail.contact.callsign or None) if detail.HasField("contact") else None,
    )


def check_timely(event: CotEvent, now: datetime) -> None:
    """Refuses an event from the future (beyond a phone's drift) or already stale."""
    if event.time > now + FUTURE_TOLERANCE:
        raise CotRejected("future", f"{event.uid} at {event.time.isoformat()}")
    if event.stale <= now:
        raise CotRejected("stale", event.uid)


# --- written ---------------------------------------------------------------------------------------------------
def cot_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


@dataclass(frozen=True, slots=True)
class CotOut:
    """An event we publish: a unit's position or an incident's marker."""

    uid: str
    type: str
    lat: float
    lon: float
    time: datetime
    stale: datetime
    callsign: str
    remarks: str = ""
    how: str = "h-g-i-g-o"
    """Human-entered, GPS-derived: a dispatcher placed it (incidents); `m-g` for a unit's own GPS."""
    ce: float | None = None
    course: float | None = None
    speed: float | None = None

    def xml(self) -> bytes:
        """The event as one line of XML (values and texts escaped)."""
        ce = f"{self.ce:.1f}" if self.ce is not None else f"{UNKNOWN:.1f}"
        track = (
            f'<track course="{self.course or 0.0:.1f}" speed="{self.speed or 0.0:.2f}"/>'
            if self.course is not None or self.speed is not None
            else ""
        )
        remarks = f"<remarks>{escape_text(self.remarks)}</remarks>" if self.remarks else ""
        return (
            f"<?xml version='1.0' encoding='UTF-8'?>"
            f'<event version="2.0" uid={quoteattr(self.uid)} type={quoteattr(self.type)} how={quoteattr(self.how)}'
            f' time="{cot_time(self.time)}" start="{cot_time(self.time)}" stale="{cot_time(self.stale)}">'
            f'<point lat="{self.lat:.7f}" lon="{self.lon:.7f}" hae="{UNKNOWN:.1f}" ce="{ce}" le="{UNKNOWN:.1f}"/>'
            f"<detail><contact callsign={quoteattr(self.callsign)}/>{track}{remarks}</detail></event>"
        ).encode()
