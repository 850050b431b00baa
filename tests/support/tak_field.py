"""A field device as the tests use it: PyPI's `pytak`, the library TAK integrations are written with.

`send_positions` opens pytak's own connection (`pytak.protocol_factory`, TCP or UDP, XML or TAK protocol v1 as
`TAK_PROTO` says) and writes each position through pytak's `TXWorker`, as a phone's gateway would. The events
are pytak's (`pytak.cot_event`): a position atom with `<contact callsign>` and `<track>`.
"""

from __future__ import annotations

import asyncio
import contextlib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from dataclasses import dataclass

import pytak


@dataclass(frozen=True, slots=True)
class Fix:
    """One position of a field device."""

    lat: float
    lon: float
    course: float = 90.0
    speed: float = 5.0
    ce: float = 8.0


def position_event(uid: str, callsign: str, fix: Fix, cot_type: str = "a-f-G-U-C", stale_s: int = 120) -> bytes:
    """pytak's CoT event for one fix, with the track (course and speed) a moving phone adds."""
    event = pytak.cot_event(
        lat=fix.lat, lon=fix.lon, ce=fix.ce, hae=170, le=10, uid=uid, stale=stale_s, cot_type=cot_type,
        callsign=callsign,
    )  # fmt: skip
    detail = event.find("detail")
    assert detail is not None
    ET.SubElement(detail, "track", {"course": str(fix.course), "speed": str(fix.speed)})
    return ET.tostring(event)


def client_config(url: str, protobuf: bool = False) -> ConfigParser:
    config = ConfigParser()
    config["field"] = {"COT_URL": url, "TAK_PROTO": "1" if protobuf else "0"}
    return config


async def send_events(url: str, events: list[bytes], protobuf: bool = False) -> None:
    """Opens pytak's connection to `url` and writes each event with pytak's TXWorker, then closes."""
    config = client_config(url, protobuf)["field"]
    _reader, writer = await pytak.protocol_factory(config)
    sender = pytak.TXWorker(asyncio.Queue(), config, writer)
    try:
        for event in events:
            await sender.send_data(event)
    finally:
        if hasattr(writer, "close"):
            writer.close()
        if hasattr(writer, "wait_closed"):
            with contextlib.suppress(Exception):
                await writer.wait_closed()
