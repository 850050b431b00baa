"""Cursor on Target read and written: XML and TAK protocol v1 (takproto's own encoder), framing, refusals."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
import takproto  # type: ignore[import-untyped]

from dispatchd.tak.cot import CotOut, CotRejected, check_timely, parse_protobuf, parse_xml
from dispatchd.tak.framing import StreamSplitter, datagram_frame, stream_frame
from dispatchd.tak.picture import incident_cot, unit_cot

NOW = datetime.now(UTC).replace(microsecond=0)


def _xml(uid: str = "ANDROID-1", lat: str = "45.76", when: datetime = NOW, extra: str = "") -> bytes:
    t, stale = when.strftime("%Y-%m-%dT%H:%M:%SZ"), (when + timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f'<?xml version="1.0"?><event version="2.0" uid="{uid}" type="a-f-G-U-C" how="m-g" time="{t}" '
        f'start="{t}" stale="{stale}"><point lat="{lat}" lon="4.83" hae="170" ce="12.5" le="9999999.0"/>'
        f'<detail><contact callsign="Alpha &amp; co"/><track course="271.5" speed="3.2"/>{extra}</detail></event>'
    ).encode()


def test_an_xml_position_is_read_whole() -> None:
    event = parse_xml(_xml())
    assert (event.uid, event.type, event.callsign) == ("ANDROID-1", "a-f-G-U-C", "Alpha & co")
    assert (event.lat, event.lon, event.hae, event.accuracy_m) == (45.76, 4.83, 170.0, 12.5)
    assert (event.course, event.speed) == (271.5, 3.2)
    assert event.stale - event.time == timedelta(minutes=2) and event.is_position


def test_takproto_encoded_protobuf_reads_as_the_same_event() -> None:
    framed = bytes(takproto.xml2proto(_xml(), takproto.TAKProtoVer.STREAM))
    frames = StreamSplitter().feed(framed)
    assert len(frames) == 1 and frames[0].protobuf
    from_proto, from_xml = parse_protobuf(frames[0].payload), parse_xml(_xml())
    assert (from_proto.uid, from_proto.callsign, from_proto.course) == (from_xml.uid, from_xml.callsign, 271.5)
    assert from_proto.lat == pytest.approx(from_xml.lat) and from_proto.time == from_xml.time
    mesh = bytes(takproto.xml2proto(_xml(), takproto.TAKProtoVer.MESH))
    assert parse_protobuf(datagram_frame(mesh).payload).uid == "ANDROID-1"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<event uid='x'><point lat='north' lon='1'/></event>", "malformed"),
        (b"<notcot/>", "malformed"),
        (_xml(lat="91"), "malformed"),
        (b'<!DOCTYPE e [<!ENTITY a "bomb">]><event uid="&a;"/>', "malformed"),
        (_xml(extra="<remarks>" + "x" * 70_000 + "</remarks>"), "oversized"),
    ],
)
def test_bad_events_are_refused_with_their_reason(data: bytes, reason: str) -> None:
    with pytest.raises(CotRejected) as refused:
        parse_xml(data)
    assert refused.value.reason == reason


def test_future_and_stale_events_are_refused_by_the_clock_given() -> None:
    check_timely(parse_xml(_xml(when=NOW + timedelta(seconds=30))), NOW)  # a phone's drift is tolerated
    with pytest.raises(CotRejected, match="future"):
        check_timely(parse_xml(_xml(when=NOW + timedelta(hours=1))), NOW)
    with pytest.raises(CotRejected, match="stale"):
        check_timely(parse_xml(_xml(when=NOW - timedelta(minutes=5))), NOW)


def test_a_stream_is_cut_into_events_whatever_the_chunks_and_skips_what_is_too_big() -> None:
    stream = _xml("A") + b"\n" + bytes(takproto.xml2proto(_xml("B"), takproto.TAKProtoVer.STREAM)) + _xml("C")
    stream += b"<event uid='huge'>" + b"y" * 100_000 + b"</event>" + stream_frame(b"z" * 70_000) + _xml("D")
    for size in (1, 7, 4096, len(stream)):
        splitter = StreamSplitter()
        frames = [f for i in range(0, len(stream), size) for f in splitter.feed(stream[i : i + size])]
        uids = [(parse_protobuf(f.payload) if f.protobuf else parse_xml(f.payload)).uid for f in frames]
        assert uids == ["A", "B", "C", "D"], size
        assert splitter.oversized == 2


def test_garbage_between_events_costs_only_itself() -> None:
    splitter = StreamSplitter()
    frames = splitter.feed(b"hello\x01\x02" + _xml("A") + b"junk" + _xml("B"))
    assert [parse_xml(f.payload).uid for f in frames] == ["A", "B"] and splitter.garbage == 2


def test_published_events_escape_their_texts_and_read_back() -> None:
    out = CotOut("c.incident.1", "a-n-X-i-f", 45.7, 4.8, NOW, NOW + timedelta(hours=1), 'Fire "<b>"', "a & <script>")
    root = ET.fromstring(out.xml())
    assert root.find("detail/contact").get("callsign") == 'Fire "<b>"'  # type: ignore[union-attr]
    assert root.find("detail/remarks").text == "a & <script>"  # type: ignore[union-attr]
    assert parse_xml(out.xml()).uid == "c.incident.1"


def _incident(status: str = "active") -> dict[str, object]:
    return {"number": "2026-000123", "priority": 8, "type_text": "Building fire", "type_code": "FIRE-BLD",
            "emsi_category": "FIR/BLD", "status": status, "assigned_units": ["FPT-1@fire"],
            "location": {"lat": 45.76, "lon": 4.83, "address_text": "2 Place Bellecour"}}  # fmt: skip


def test_an_open_incident_is_a_fire_atom_with_its_priority_and_a_closed_one_is_already_stale() -> None:
    cot = incident_cot("police.valmont.example", _incident(), NOW)
    assert cot.type == "a-n-X-i-f" and cot.uid == "police.valmont.example.incident.2026-000123"
    assert "P8" in cot.remarks and "Building fire" in cot.remarks and cot.stale > NOW
    assert incident_cot("police.valmont.example", _incident("closed"), NOW).stale < NOW


def test_units_whose_position_came_from_their_own_tak_client_are_not_sent_back() -> None:
    position = {
        "lat": 45.7,
        "lon": 4.8,
        "observed_at": NOW.isoformat(),
        "stale_at": (NOW + timedelta(minutes=1)).isoformat(),
    }
    unit = {"id": "PS-1@police", "callsign": "PS-1", "agency": "police", "position": {**position, "source": "avl"}}
    cot = unit_cot("d.example", unit, NOW)
    assert cot is not None and cot.type == "a-f-G-U-i-l" and cot.how == "m-g"
    assert unit_cot("d.example", {**unit, "position": {**position, "source": "cot"}}, NOW) is None
    assert unit_cot("d.example", unit, NOW + timedelta(minutes=2)) is None, "stale: not published"
