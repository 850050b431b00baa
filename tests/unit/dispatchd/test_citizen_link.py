"""The link given to a caller: what it lets through (uploads to its incident only), how long, how often; chunked
uploads that resume where they stopped; the SMS gateway; the field officer's narrower token."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from fastapi.testclient import TestClient

from dispatchd.auth import Role
from dispatchd.citizen.content_range import parse_content_range
from dispatchd.citizen.links import link_key, state_at
from dispatchd.citizen.rate import RateLimit
from dispatchd.citizen.sms import command_words
from dispatchd.citizen.uploads import PartFiles
from dispatchd.context import AppContext
from tests.conftest import INCIDENT
from tests.unit.dispatchd.conftest import make_client


def _jpeg(size: int = 0) -> bytes:
    """A real JPEG, padded after its end marker to `size` bytes (a decoder stops at the marker)."""
    image = np.random.default_rng(3).integers(0, 255, (240, 320, 3), np.uint8)
    data = bytes(cv2.imencode(".jpg", image)[1].tobytes())
    return data + bytes(max(0, size - len(data)))


def _ctx(api: TestClient) -> AppContext:
    ctx: AppContext = api.app.state.ctx  # type: ignore[attr-defined]
    return ctx


def _invite(api: TestClient, **body: Any) -> tuple[str, dict[str, Any]]:
    incident = api.post("/api/v1/incidents", json=INCIDENT).json()["id"]
    answer = api.post(f"/api/v1/incidents/{incident}/invites", json=body)
    assert answer.status_code == 201, answer.text
    made = answer.json()
    return made["url"].split("/c/", 1)[1], made


def _send(api: TestClient, link: str, data: bytes, kind: str = "photo", chunk: int = 1 << 20) -> dict[str, Any]:
    started = api.post(f"/c/{link}/uploads", json={"kind": kind, "size": len(data), "name": "IMG_0001.jpg"})
    assert started.status_code == 201, started.text
    upload_id, offset = started.json()["id"], 0
    answer: dict[str, Any] = {}
    while offset < len(data):
        end = min(offset + chunk, len(data))
        put = api.put(f"/c/{link}/uploads/{upload_id}", content=data[offset:end],
                      headers={"Content-Range": f"bytes {offset}-{end - 1}/{len(data)}"})  # fmt: skip
        assert put.status_code == 200, put.text
        answer = put.json()
        offset = answer["offset"]
    return answer


def test_a_link_cannot_be_guessed_and_storage_keeps_only_its_hash(api: TestClient, tmp_path: Path) -> None:
    links = {_invite(api)[0] for _ in range(3)}
    assert len(links) == 3
    for link in links:
        assert len(link) == 32 and set(link) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    stored = b"".join(p.read_bytes() for p in (tmp_path / "backend").rglob("*") if p.is_file())
    for link in links:
        assert link.encode() not in stored, "a copy of the database must give no working link"
        assert link_key(link).encode() in stored
    events = api.get("/api/v1/events", params={"after": 0}).json()
    assert not any(link in str(events) for link in links), "the link travels in no event"


def test_the_page_is_served_with_a_strict_policy_and_no_cookie(api: TestClient) -> None:
    link, _ = _invite(api)
    page = api.get(f"/c/{link}")
    assert page.status_code == 200 and "set-cookie" not in page.headers
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "http" not in page.text.replace('content="width=device-width', ""), "no asset from elsewhere"
    script = api.get("/citizen-page/citizen.js")
    assert script.status_code == 200 and "innerHTML" not in script.text, "texts are set as text, never as HTML"
    assert api.get("/citizen-page/../app.py").status_code == 404


def test_a_link_grants_uploads_to_its_incident_and_reads_nothing_back(api: TestClient) -> None:
    link, made = _invite(api, number="+33 6 12 34 56 78", send=False)
    api.headers.pop("Authorization")
    status = api.get(f"/c/{link}/status").json()
    assert set(status) == {"state", "expires_at", "chunk_bytes"}, "nothing of the incident is read through the link"
    assert api.post(f"/c/{link}/position", json={"lat": 45.7578, "lon": 4.832, "accuracy_m": 12}).status_code == 200
    assert api.post(f"/c/{link}/messages", json={"text": "<b>Smoke</b> on the 3rd floor"}).status_code == 201
    photo = _jpeg()
    done = _send(api, link, photo)
    assert done["media_id"] and done["offset"] == len(photo)
    for path in ("/api/v1/snapshot", f"/api/v1/incidents/{made['incident_id']}", f"/api/v1/media/{done['media_id']}"):
        assert api.get(path).status_code == 401, f"the link opens nothing else ({path})"
    token = api.post("/api/v1/auth/token", data={"username": "operator", "password": "operator"}).json()
    api.headers["Authorization"] = f"Bearer {token['access_token']}"
    snapshot = api.get("/api/v1/snapshot").json()
    media = {m["kind"]: m for m in snapshot["media"] if m["incident_id"] == made["incident_id"]}
    assert media["photo"]["sha256"] == hashlib.sha256(photo).hexdigest() and media["photo"]["source"] == "citizen"
    assert media["text"]["text"] == "<b>Smoke</b> on the 3rd floor", "kept as the plain text it is"
    (position,) = [p for p in snapshot["caller_positions"] if p["incident_id"] == made["incident_id"]]
    assert (position["lat"], position["accuracy_m"]) == (45.7578, 12.0)
    (invite,) = [i for i in snapshot["invites"] if i["ref"] == made["ref"]]
    assert (invite["state"], invite["items"]) == ("used", 2), "two items (a position is no item)"
    kinds = [e["type"] for e in api.get(f"/api/v1/incidents/{made['incident_id']}/timeline").json()]
    assert kinds.count("invite.updated") == 2 and "caller.position" in kinds and kinds.count("media.added") == 2


def test_an_upload_cut_midway_resumes_from_the_part_on_disk(api: TestClient) -> None:
    link, _ = _invite(api)
    data = _jpeg(3 * (1 << 20) + 12345)
    started = api.post(f"/c/{link}/uploads", json={"kind": "photo", "size": len(data)}).json()
    url = f"/c/{link}/uploads/{started['id']}"

    def put(start: int, end: int, body: bytes | None = None) -> Any:
        content = data[start:end] if body is None else body
        return api.put(url, content=content, headers={"Content-Range": f"bytes {start}-{end - 1}/{len(data)}"})

    assert put(0, 1 << 20).json()["offset"] == 1 << 20
    skipped = put(2 << 20, 3 << 20)
    assert skipped.status_code == 409 and skipped.json()["offset"] == 1 << 20, "a chunk goes where the part ends"
    short = put(1 << 20, 2 << 20, data[1 << 20 : (1 << 20) + 100])
    assert short.status_code == 422, "a chunk cut short writes nothing"
    assert api.get(url).json()["offset"] == 1 << 20
    assert put(1 << 20, 2 << 20).json() == {"id": started["id"], "offset": 2 << 20, "size": len(data), "media_id": None}
    assert put(2 << 20, len(data)).json()["media_id"], "the last chunk makes the media item"
    done = api.get(url).json()
    assert done["offset"] == len(data) and done["media_id"]
    again = put(len(data) - 10, len(data))
    assert again.status_code == 200 and again.json()["media_id"] == done["media_id"], "the last chunk again: same"
    media = api.get(f"/api/v1/media/{done['media_id']}").json()
    assert media["sha256"] == hashlib.sha256(data).hexdigest() and media["size"] == len(data)


def test_what_the_api_refuses_the_link_refuses(api: TestClient) -> None:
    link, _ = _invite(api)
    page = b"<!DOCTYPE html><html><script>fetch('/steal')</script></html>"
    started = api.post(f"/c/{link}/uploads", json={"kind": "photo", "size": len(page)}).json()
    refused = api.put(f"/c/{link}/uploads/{started['id']}", content=page,
                      headers={"Content-Range": f"bytes 0-{len(page) - 1}/{len(page)}"})  # fmt: skip
    assert (refused.status_code, refused.json()["detail"]) == (415, "This file is an HTML page, not a photo: it is "
                                                                    "not accepted.")  # fmt: skip
    too_big = api.post(f"/c/{link}/uploads", json={"kind": "photo", "size": 26 << 20})
    assert too_big.status_code == 413
    assert api.post(f"/c/{link}/messages", json={"text": "a\x00b"}).status_code == 415
    assert api.post(f"/c/{link}/uploads", json={"kind": "text", "size": 3}).status_code == 422
    # What a link may bring in all is counted from the sizes declared (the refused page's too): 4 GB.
    for size in (2 << 30, (2 << 30) - 1000):
        assert api.post(f"/c/{link}/uploads", json={"kind": "video", "size": size}).status_code == 201
    over = api.post(f"/c/{link}/uploads", json={"kind": "photo", "size": 1000})
    assert over.status_code == 413 and "at most 4 GB in all" in over.json()["detail"]


def test_an_expired_or_revoked_link_says_so_and_takes_nothing(api: TestClient) -> None:
    ctx = _ctx(api)
    link, made = _invite(api, valid_minutes=5)
    revoked, made2 = _invite(api)
    assert api.post(f"/api/v1/invites/{made2['ref']}/revoke").status_code == 200
    start = datetime.now(UTC)
    ctx.citizens.clock = lambda: start + timedelta(minutes=6)
    for gone, state in ((link, "expired"), (revoked, "revoked")):
        answer = api.get(f"/c/{gone}/status")
        assert (answer.status_code, answer.json()["state"]) == (410, state)
        assert api.post(f"/c/{gone}/messages", json={"text": "hello"}).status_code == 410
    assert api.get(f"/c/{'x' * 32}/status").json()["state"] == "unknown"
    assert ctx.citizens.expire_due() == 1
    timeline = api.get(f"/api/v1/incidents/{made['incident_id']}/timeline").json()
    assert timeline[-1]["data"]["invite"]["state"] == "expired", "its expiry is on the incident's timeline"


def test_a_link_is_rate_limited_but_not_an_uploads_chunks(api: TestClient) -> None:
    link, _ = _invite(api)
    started = api.post(f"/c/{link}/uploads", json={"kind": "photo", "size": 100}).json()
    answers = [api.get(f"/c/{link}/status").status_code for _ in range(60)]
    assert answers[:39] == [200] * 39 and answers[-1] == 429
    assert answers.count(429) > 0 and api.get(f"/c/{link}/status").headers["retry-after"]
    resumed = api.get(f"/c/{link}/uploads/{started['id']}")
    assert resumed.status_code == 200, "a phone resuming its upload is not held back by the rate"


def test_the_sms_goes_through_the_centres_command_without_a_shell(tmp_path: Path) -> None:
    script = tmp_path / "sms.py"
    script.write_text(f"#!{sys.executable}\nimport sys, pathlib\n"
                      f"pathlib.Path({str(tmp_path / 'sent')!r}).write_text('\\n'.join(sys.argv[1:]))\n")  # fmt: skip
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    with make_client(tmp_path, sms_command=f"{script} --to {{number}} --text {{text}}") as api:
        token = api.post("/api/v1/auth/token", data={"username": "operator", "password": "operator"}).json()
        api.headers["Authorization"] = f"Bearer {token['access_token']}"
        incident = api.post("/api/v1/incidents", json=INCIDENT).json()["id"]
        odd = api.post(f"/api/v1/incidents/{incident}/invites", json={"number": "+33 6 12; rm -rf /"})
        assert odd.status_code == 422, "a number is digits, spaces, dots, dashes and brackets"
        link, made = _invite(api, number="+33 6 12 34 56 78", language="fr")
        assert made["sent_by"] == "sms" and made["sms_problem"] is None
    to, number, text_flag, text = (tmp_path / "sent").read_text().split("\n", 3)
    assert (to, number, text_flag) == ("--to", "+33 6 12 34 56 78", "--text")
    assert f"/c/{link}" in text and text.startswith("Centre d'information"), "the text with its ' is one argument"


def test_a_failing_gateway_is_said_and_the_link_still_works(tmp_path: Path) -> None:
    with make_client(tmp_path, sms_command="false {number} {text}") as api:
        token = api.post("/api/v1/auth/token", data={"username": "operator", "password": "operator"}).json()
        api.headers["Authorization"] = f"Bearer {token['access_token']}"
        link, made = _invite(api, number="+33612345678")
        assert made["sent_by"] == "" and "the SMS command failed (exit 1)" in made["sms_problem"]
        assert api.get(f"/c/{link}/status").status_code == 200


def test_a_field_officer_sends_to_their_units_incident_only_and_reads_nothing(api: TestClient) -> None:
    ctx = _ctx(api)
    ctx.auth.add_account("pc-martin", "field-password-12", Role.FIELD)
    unit = {"callsign": "PS-21", "agency": "police", "type_common": "PatrolUnit", "field_account": "pc-martin"}
    assert api.put("/api/v1/units/PS-21@police", json=unit).status_code in (200, 201)
    mine = api.post("/api/v1/incidents", json=INCIDENT).json()["id"]
    other = api.post("/api/v1/incidents", json=INCIDENT).json()["id"]
    assert api.post(f"/api/v1/incidents/{mine}/assignments", json={"unit_id": "PS-21@police"}).status_code == 201
    token = api.post("/api/v1/auth/token", data={"username": "pc-martin", "password": "field-password-12"}).json()
    field = {"Authorization": f"Bearer {token['access_token']}"}
    listed = api.get("/api/v1/field/incidents", headers=field).json()
    assert [i["id"] for i in listed] == [mine]
    photo = _jpeg()
    started = api.post(f"/api/v1/field/incidents/{mine}/uploads", headers=field,
                       json={"kind": "photo", "size": len(photo)})  # fmt: skip
    done = api.put(f"/api/v1/field/incidents/{mine}/uploads/{started.json()['id']}", content=photo,
                   headers={**field, "Content-Range": f"bytes 0-{len(photo) - 1}/{len(photo)}"})  # fmt: skip
    media = api.get(f"/api/v1/media/{done.json()['media_id']}").json()
    assert (media["source"], media["incident_id"]) == ("officer", mine)
    assert api.post(f"/api/v1/field/incidents/{other}/uploads", headers=field,
                    json={"kind": "photo", "size": 10}).status_code == 403  # fmt: skip
    for path in ("/api/v1/snapshot", "/api/v1/incidents", f"/api/v1/media/{media['id']}/content"):
        assert api.get(path, headers=field).status_code == 403, f"a field token reads nothing ({path})"
    assert api.post("/api/v1/incidents", headers=field, json=INCIDENT).status_code == 403


def test_pure_parts() -> None:
    assert parse_content_range("bytes 0-1048575/20971520").length == 1 << 20
    for bad in ("", "bytes 5-4/10", "bytes 0-10/10", "items 0-1/2", "bytes */10"):
        with pytest.raises(ValueError):
            parse_content_range(bad)
    now = datetime(2030, 1, 1, tzinfo=UTC)
    invite = {"state": "used", "expires_at": "2030-01-01T00:30:00.000Z"}
    assert state_at(invite, now) == "used" and state_at(invite, now + timedelta(minutes=30)) == "expired"
    assert state_at({**invite, "state": "revoked"}, now + timedelta(days=1)) == "revoked"
    limit = RateLimit(per_minute=60, burst=2)
    assert [limit.take("a", 0.0), limit.take("a", 0.0)] == [0.0, 0.0] and limit.take("a", 0.0) == pytest.approx(1.0)
    assert limit.take("a", 1.0) == 0.0 and limit.take("b", 0.0) == 0.0
    words = command_words("send-sms --to {number} '{text}'", "+33 6", "a b; c")
    assert words == ["send-sms", "--to", "+33 6", "a b; c"]
    assert os.sep not in link_key("abc")


def test_the_sms_goes_through_the_centres_webhook(tmp_path: Path) -> None:
    received: list[dict[str, Any]] = []

    class Gateway(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(202)
            self.end_headers()

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with make_client(tmp_path, sms_webhook=f"http://127.0.0.1:{server.server_port}/send") as api:
            token = api.post("/api/v1/auth/token", data={"username": "operator", "password": "operator"}).json()
            api.headers["Authorization"] = f"Bearer {token['access_token']}"
            link, made = _invite(api, number="+33 6 12 34 56 78")
    finally:
        server.shutdown()
        server.server_close()
    assert made["sent_by"] == "webhook"
    assert received[0]["to"] == "+33 6 12 34 56 78" and f"/c/{link}" in received[0]["text"]


def test_a_part_left_for_a_day_is_dropped(tmp_path: Path) -> None:
    parts = PartFiles(tmp_path / "uploads")
    old, fresh = parts.path("old"), parts.path("fresh")
    old.write_bytes(b"x" * 10)
    fresh.write_bytes(b"y" * 10)
    now = fresh.stat().st_mtime
    os.utime(old, (now - 2 * 86400, now - 2 * 86400))
    assert parts.prune(now - 86400) == 1
    assert not old.exists() and parts.offset("fresh") == 10 and parts.offset("old") == 0
