"""Field units over Cursor on Target: pytak clients → dispatchd's listeners → unit positions and unmapped tracks.

A real dispatchd listening on TCP (streaming) and UDP (mesh); the field clients are PyPI's pytak, writing XML
and TAK protocol v1 (protobuf) as ATAK gateways do. Bad input is counted and dropped; a client that never ends
its event does not stall the others.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import httpx
import pytest

from tests.support.asyncwait import value_of
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.streams import free_port
from tests.support.tak_field import Fix, position_event, send_events

UNIT = "PS-11@police"
T = TypeVar("T")


@pytest.fixture
def cot_dispatchd(tmp_path: Path) -> Iterator[tuple[DispatchdProcess, int, int]]:
    tcp, udp = free_port(), free_port()
    process = DispatchdProcess(
        tmp_path / "d", "--demo", "--no-simulation",
        "--cot-listen", f"tcp://127.0.0.1:{tcp}", "--cot-listen", f"udp://127.0.0.1:{udp}",
    )  # fmt: skip
    process.start(port=0)
    yield process, tcp, udp
    process.stop()


def _map_unit(api: httpx.Client, unit_id: str, uid: str) -> None:
    api.put(f"/tak/mappings/{uid}", json={"unit_id": unit_id}).raise_for_status()


def _position(api: httpx.Client, unit_id: str) -> dict[str, object] | None:
    """The unit's position once it came from CoT (the demo's units start with one of their own)."""
    position = api.get(f"/units/{unit_id}").json().get("position")
    return position if isinstance(position, dict) and position.get("source") == "cot" else None


def test_pytak_tracks_over_tcp_and_udp_move_their_units(cot_dispatchd: tuple[DispatchdProcess, int, int]) -> None:
    process, tcp, udp = cot_dispatchd
    with process.api("supervisor") as api:
        units = [u["id"] for u in api.get("/units", params={"agency": "police"}).json()][:3]
        assert len(units) == 3, "the demo fleet"
        for n, unit_id in enumerate(units):
            _map_unit(api, unit_id, f"ANDROID-{n}")

        async def field() -> None:
            await send_events(f"tcp://127.0.0.1:{tcp}", [position_event("ANDROID-0", "Alpha", Fix(45.7601, 4.8352))])
            await send_events(
                f"tcp://127.0.0.1:{tcp}", [position_event("ANDROID-1", "Bravo", Fix(45.7602, 4.8353))], protobuf=True
            )
            charlie = position_event("ANDROID-2", "Charlie", Fix(45.7603, 4.8354))
            await send_events(f"udp+wo://127.0.0.1:{udp}", [charlie])

        asyncio.run(field())
        for n, unit_id in enumerate(units):
            position = until_sync(lambda uid=unit_id: _position(api, uid), f"{unit_id}'s CoT position")
            assert position["lat"] == pytest.approx(45.7601 + n / 10_000)
            assert position["source"] == "cot" and position["accuracy_m"] == pytest.approx(8.0)
            assert position["altitude_m"] == pytest.approx(170.0)
            assert position["course"] == pytest.approx(90.0) and position["speed"] == pytest.approx(5.0)
            stale_in = datetime.fromisoformat(str(position["stale_at"])) - datetime.now(UTC)
            assert timedelta(seconds=60) < stale_in <= timedelta(seconds=120), "the client's own stale time"
        status = api.get("/tak/status").json()
        assert status["state"] == "listening" and status["accepted"] == 3 and status["tracks_per_min"] == 3


def test_a_track_of_no_unit_is_offered_and_mapped_in_one_call(cot_dispatchd: tuple[DispatchdProcess, int, int]) -> None:
    process, tcp, _ = cot_dispatchd
    with process.api("supervisor") as api:
        unit = api.get("/units", params={"agency": "police"}).json()[0]
        event = position_event("ANDROID-77", unit["callsign"].lower(), Fix(45.7610, 4.8360))
        asyncio.run(send_events(f"tcp://127.0.0.1:{tcp}", [event]))
        tracks = until_sync(lambda: api.get("/tak/tracks").json() or None, "the unmapped track")
        assert [(t["uid"], t["suggested_unit"]) for t in tracks] == [("ANDROID-77", unit["id"])], "callsign matched"
        snapshot = api.get("/snapshot").json()
        assert [t["uid"] for t in snapshot["tracks"]] == ["ANDROID-77"]
        seq = snapshot["seq"]

        _map_unit(api, unit["id"], "ANDROID-77")
        assert api.get("/tak/tracks").json() == [], "mapped: no longer offered"
        events = api.get("/events", params={"after": seq}).json()["events"]
        assert [e["type"] for e in events if e["type"] != "link.status"] == ["unit.updated", "track.mapped"]
        assert {"uid": "ANDROID-77", "unit_id": unit["id"], "callsign": unit["callsign"]} in api.get(
            "/tak/mappings"
        ).json()
        asyncio.run(send_events(f"tcp://127.0.0.1:{tcp}", [position_event("ANDROID-77", "x", Fix(45.7620, 4.8370))]))
        position = until_sync(
            lambda: (p := _position(api, unit["id"])) and p["lat"] == pytest.approx(45.7620) and p, "the next report"
        )
        assert position["source"] == "cot"
    with process.api("operator") as api:
        assert api.put("/tak/mappings/ANDROID-9", json={"unit_id": unit["id"]}).status_code == 403, "supervisors only"


def test_bad_events_are_counted_and_dropped_and_a_stuck_client_stalls_no_one(
    cot_dispatchd: tuple[DispatchdProcess, int, int],
) -> None:
    process, tcp, udp = cot_dispatchd
    with process.api("supervisor") as api:
        unit_id = api.get("/units", params={"agency": "police"}).json()[0]["id"]
        _map_unit(api, unit_id, "GOOD-1")
        future = position_event("GOOD-1", "Alpha", Fix(10.0, 10.0)).replace(
            datetime.now(UTC).strftime("%Y-%m-%d").encode(), (datetime.now(UTC) + timedelta(days=2)).strftime(
                "%Y-%m-%d").encode()
        )  # fmt: skip
        oversized = b'<event uid="BIG" type="a-f-G"><detail><remarks>' + b"x" * 70_000 + b"</remarks></detail></event>"
        with socket.create_connection(("127.0.0.1", tcp)) as stuck:
            stuck.sendall(b'<event uid="STUCK" type="a-f-G"><point lat="1" lon="1"/>')  # and never more
            with socket.create_connection(("127.0.0.1", tcp)) as bad:
                bad.sendall(b"\x01\x02 not cot at all <event uid='X'><point lat='north' lon='1'/></event>")
                bad.sendall(oversized + future)
                bad.sendall(b'<!DOCTYPE x [<!ENTITY a "aaaa">]><event uid="&a;"/>')
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as mesh:
                mesh.sendto(b"\xbf\x01\xbf\xff\xff\xff garbage", ("127.0.0.1", udp))
            asyncio.run(send_events(f"tcp://127.0.0.1:{tcp}", [position_event("GOOD-1", "Alpha", Fix(45.77, 4.83))]))
            position = until_sync(lambda: _position(api, unit_id), "the good client's report, despite the others")
            assert position["lat"] == pytest.approx(45.77)
        dropped = until_sync(lambda: (d := api.get("/tak/status").json()["dropped"])["future"] and d, "the counts")
        assert dropped["oversized"] >= 1 and dropped["future"] == 1 and dropped["malformed"] >= 3, dropped
        assert api.get("/health").status_code == 200


def until_sync(probe: Callable[[], T | None], what: str, timeout: float = 10.0) -> T:
    """The first truthy value of `probe()` (the backend applies reports in batches every quarter second)."""
    return asyncio.run(value_of(probe, timeout, what))
