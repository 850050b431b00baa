"""Uploads are what they say, of a sane size and name, and served so that a browser runs nothing from them."""

from __future__ import annotations

import socket
from pathlib import Path

import cv2
import numpy as np
from fastapi.testclient import TestClient

from dispatchd.media_check import identify, refusal, safe_name
from tests.conftest import INCIDENT
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.streams import make_clip
from tests.unit.dispatchd.conftest import make_client


def _jpeg() -> bytes:
    image = np.full((120, 160, 3), 90, np.uint8)
    return bytes(cv2.imencode(".jpg", image)[1].tobytes())


def _upload(api: TestClient, incident_id: str, kind: str, name: str, content: bytes) -> tuple[int, dict]:
    answer = api.post(
        f"/api/v1/incidents/{incident_id}/media",
        data={"kind": kind, "source": "citizen"},
        files={"file": (name, content, "image/jpeg")},  # what the sender claims counts for nothing
    )
    return answer.status_code, answer.json()


def test_a_page_a_drawing_or_the_wrong_kind_is_refused_with_its_reason(api: TestClient, tmp_path: Path) -> None:
    incident = api.post("/api/v1/incidents", json=INCIDENT).json()["id"]
    page = b"<!DOCTYPE html><html><script>fetch('/steal')</script></html>"
    status, body = _upload(api, incident, "photo", "../../evil.jpg", page)
    assert (status, body["detail"]) == (415, "This file is an HTML page, not a photo: it is not accepted.")
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    status, body = _upload(api, incident, "photo", "map.svg", svg)
    assert status == 415 and "an SVG drawing" in body["detail"]
    status, body = _upload(api, incident, "video", "clip.mp4", _jpeg())
    assert (status, body["detail"]) == (415, "This file is a photo (image/jpeg), not a video: send it as a photo.")
    forged = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + bytes(4096)  # an MP4 header, no video
    status, body = _upload(api, incident, "video", "clip.mp4", forged)
    assert (status, body["detail"]) == (415, "No video could be read from this file: it is not accepted.")
    status, body = _upload(api, incident, "photo", "empty.jpg", b"")
    assert status == 415
    text = api.post(f"/api/v1/incidents/{incident}/media", data={"kind": "text", "text": "help\x00me"})
    assert text.status_code == 415
    assert api.get("/api/v1/snapshot").json()["media"] == [], "nothing refused was kept"
    video = make_clip(tmp_path / "real.mp4", seconds=1).read_bytes()
    assert _upload(api, incident, "video", "real.mp4", video)[0] == 201


def test_a_photo_is_stored_under_a_safe_name_and_served_so_nothing_runs(api: TestClient) -> None:
    incident = api.post("/api/v1/incidents", json=INCIDENT).json()["id"]
    status, media = _upload(api, incident, "photo", "../../scène <script>.png", _jpeg())
    assert status == 201
    assert (media["name"], media["mime_type"]) == ("scène _script.jpg", "image/jpeg")  # its real type
    content = api.get(f"/api/v1/media/{media['id']}/content")
    assert content.headers["x-content-type-options"] == "nosniff"
    assert content.headers["content-security-policy"] == "default-src 'none'; sandbox"
    assert content.headers["cache-control"] == "no-store"
    assert content.headers["content-type"] == "image/jpeg"
    assert "../" not in content.headers["content-disposition"]
    assert api.get("/api/v1/incidents").headers["x-content-type-options"] == "nosniff"


def test_each_kind_has_its_size_limit(tmp_path: Path) -> None:
    with make_client(tmp_path, upload_limits=(("photo", 4096), ("video", 1 << 20), ("text", 64))) as api:
        token = api.post("/api/v1/auth/token", data={"username": "operator", "password": "operator"})
        api.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        incident = api.post("/api/v1/incidents", json=INCIDENT).json()["id"]
        big = _jpeg() + bytes(8192)  # a JPEG of 10 kB
        status, body = _upload(api, incident, "photo", "big.jpg", big)
        assert (status, body["detail"]) == (413, "This file is larger than 4 kB: not accepted.")
        text = api.post(f"/api/v1/incidents/{incident}/media", data={"kind": "text", "text": "x" * 100})
        assert text.status_code == 413


def test_an_upload_larger_than_any_limit_is_refused_before_its_body_is_sent(dispatchd: DispatchdProcess) -> None:
    token = dispatchd.token("operator")
    with dispatchd.api("operator") as api:
        incident = api.post("/incidents", json=INCIDENT).json()["id"]
    host, port = dispatchd.url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            f"POST /api/v1/incidents/{incident}/media HTTP/1.1\r\nHost: {host}\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: multipart/form-data; boundary=x\r\n"
            f"Content-Length: {50 << 30}\r\n\r\n".encode()  # 50 GB announced, none of it sent
        )
        received = b""
        while chunk := sock.recv(65536):  # the answer, then the server closes: it does not wait for the body
            received += chunk
        answer = received.decode(errors="replace")
    assert answer.startswith("HTTP/1.1 413"), answer[:200]
    assert "larger than the largest file accepted" in answer


def test_identify_reads_the_header_not_the_name() -> None:
    assert identify(b"\x89PNG\r\n\x1a\n" + bytes(8)).mime == "image/png"  # type: ignore[union-attr]
    assert identify(b"\x00\x00\x00\x20ftypheic" + bytes(8)).kind == "photo"  # type: ignore[union-attr]
    assert identify(b"\x1a\x45\xdf\xa3\x01webm").mime == "video/webm"  # type: ignore[union-attr]
    assert identify(b"GIF89a") is None
    assert refusal("photo", b"#!/bin/sh\nrm -rf /") == "This file is a script, not a photo: it is not accepted."
    assert safe_name("C:\\Users\\x\\..\\photo.JPG", None, "photo") == "photo.JPG"
    assert safe_name("...", None, "photo") == "photo"


def test_a_photo_announced_larger_than_the_photo_limit_is_refused_before_its_file_is_sent(
    dispatchd: DispatchdProcess,
) -> None:
    token = dispatchd.token("operator")
    with dispatchd.api("operator") as api:
        incident = api.post("/incidents", json=INCIDENT).json()["id"]
    host, port = dispatchd.url.removeprefix("http://").rsplit(":", 1)
    fields = (
        b'--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphoto\r\n'
        b'--x\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\n\r\n\xff\xd8\xff'
    )
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            f"POST /api/v1/incidents/{incident}/media HTTP/1.1\r\nHost: {host}\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: multipart/form-data; boundary=x\r\n"
            f"Content-Length: {30 << 20}\r\n\r\n".encode()
            + fields  # 30 MB announced; the photo's file not sent
        )
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    answer = received.decode(errors="replace")
    assert answer.startswith("HTTP/1.1 413"), answer[:200]
    assert "This photo is larger than 25 MB: not accepted." in answer


def test_a_command_body_larger_than_the_limit_is_refused_whether_announced_or_streamed(
    dispatchd: DispatchdProcess,
) -> None:
    token = dispatchd.token("operator")
    host, port = dispatchd.url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            f"POST /api/v1/eido HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {4 << 30}\r\n\r\n".encode()  # 4 GB announced
        )
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    assert received.startswith(b"HTTP/1.1 413") and b"larger than 8 MB" in received, received[:300]
    with dispatchd.api("operator") as api:  # no length announced: counted as it comes
        streamed = api.post("/eido", content=iter([b'{"notes": "' + b"x" * (1 << 20)] * 9 + [b'"}']),
                            headers={"Content-Type": "application/json"})  # fmt: skip
        assert streamed.status_code == 413, streamed.text[:200]
        assert api.post("/incidents", json=INCIDENT).status_code == 201, "ordinary commands still pass"
