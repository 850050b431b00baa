"""The citizens' page in a real browser (Debian's chromium at a phone's size) against a real dispatchd: a 20 MB
video through a network that drops at 60 %, an expired and a closed link, a field officer logged in."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.conftest import INCIDENT
from tests.support.clock_file import MovableClock
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.eventually import eventually
from tests.support.flaky_network import flaky_network
from tests.support.phone_browser import phone, wait_for
from tests.support.streams import ffmpeg

pytestmark = pytest.mark.e2e
FIELD_PASSWORD = "Field-photos-2026"


@pytest.fixture
def clock(tmp_path: Path) -> MovableClock:
    return MovableClock(tmp_path)


@pytest.fixture
def centre(tmp_path: Path, clock: MovableClock) -> Iterator[DispatchdProcess]:
    data = tmp_path / "dispatchd"
    create = [sys.executable, "-m", "dispatchd", "--data-dir", str(data), "--create-user", "pc-martin", "--role",
              "field"]  # fmt: skip
    subprocess.run(create, input=f"{FIELD_PASSWORD}\n", text=True, check=True, capture_output=True)
    process = DispatchdProcess(data, "--demo", "--no-simulation", env=clock.env())
    process.start(port=0)
    yield process
    process.stop()


def _api(centre: DispatchdProcess) -> httpx.Client:
    return httpx.Client(base_url=centre.url, timeout=30, headers={"Authorization": f"Bearer {centre.token()}"})


def _invite(api: httpx.Client, **body: Any) -> dict[str, Any]:
    incident = api.post("/api/v1/incidents", json=INCIDENT).json()
    made = api.post(f"/api/v1/incidents/{incident['id']}/invites", json=body)
    assert made.status_code == 201, made.text
    return {**made.json(), "incident": incident}


def _items_text(session: WebDriver) -> str:
    return str(session.find_element(By.ID, "items").text)


def test_a_20_mb_video_cut_at_60_percent_resumes_from_there_and_arrives_whole(
    centre: DispatchdProcess, tmp_path: Path
) -> None:
    video = tmp_path / "IMG_2044.mp4"
    ffmpeg("-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30", "-t", "6", "-c:v", "mpeg4", "-q:v", "1",
           str(video))  # fmt: skip
    size = video.stat().st_size
    assert size > 20_000_000
    with _api(centre) as api, flaky_network(centre.port, cut_after_bytes=int(size * 0.6)) as network:
        made = _invite(api)
        url = made["url"].replace(f":{centre.port}/", f":{network.port}/")  # the phone's way in: the flaky network
        with phone(position=(45.7578, 4.8320, 25.0)) as session:
            session.get(url)
            wait_for(session, lambda s: s.find_element(By.ID, "actions").is_displayed())
            session.find_element(By.ID, "choose").send_keys(str(video))
            wait_for(session, lambda s: "network lost: resuming" in _items_text(s), 60)
            wait_for(session, lambda s: "sent ✓" in _items_text(s), 120)
            session.save_screenshot(str(tmp_path / "resumed.png"))

        def arrived() -> list[dict[str, Any]]:
            media = api.get("/api/v1/snapshot").json()["media"]
            return [m for m in media if m["incident_id"] == made["incident_id"] and m["kind"] == "video"]

        eventually(arrived, 10, "the video on the incident")
        (item,) = arrived()
    assert item["sha256"] == hashlib.sha256(video.read_bytes()).hexdigest() and item["size"] == size
    assert network.cut_at is not None and network.cut_at >= 0.6 * size and network.refused > 0
    # Resumed from where it stopped: what went up is the file plus at most the chunk lost at the cut (1 MB)
    # and the requests' own bytes; starting again from zero would have sent 1.6 times the file.
    assert network.sent_up < size + 2_500_000, f"{network.sent_up} bytes sent for a {size}-byte file"
    assert item["name"] == "IMG_2044.mp4" and item["source"] == "citizen"


def test_an_expired_link_and_a_closed_link_say_so_on_the_phone(
    centre: DispatchdProcess, clock: MovableClock, tmp_path: Path
) -> None:
    with _api(centre) as api:
        expiring = _invite(api, valid_minutes=30)
        with phone(language="fr") as session:
            session.get(expiring["url"])
            wait_for(session, lambda s: s.find_element(By.ID, "actions").is_displayed())
            assert "Ce lien est valable jusqu'à" in session.find_element(By.ID, "validity").text
            clock.move(31 * 60)  # half an hour and a minute later
            session.get(expiring["url"])
            banner = wait_for(session, lambda s: s.find_element(By.ID, "banner").is_displayed() and
                              s.find_element(By.ID, "banner"))  # fmt: skip
            assert banner.text == "Ce lien a expiré. Si vous avez autre chose à envoyer, rappelez le centre."
            assert not session.find_element(By.ID, "actions").is_displayed(), "nothing left to press"
            session.save_screenshot(str(tmp_path / "expired.png"))
        closing = _invite(api)
        with phone(language="en") as session:
            session.get(closing["url"])
            wait_for(session, lambda s: s.find_element(By.ID, "actions").is_displayed())
            assert api.post(f"/api/v1/invites/{closing['ref']}/revoke").status_code == 200
            session.find_element(By.ID, "text").send_keys("Are you still there?")
            session.find_element(By.ID, "send").click()
            banner = wait_for(session, lambda s: s.find_element(By.ID, "banner").is_displayed() and
                              s.find_element(By.ID, "banner"))  # fmt: skip
            assert banner.text == "This link was closed by the centre."

        def expired_on_timeline() -> bool:
            timeline = api.get(f"/api/v1/incidents/{expiring['incident_id']}/timeline").json()
            return any(e["type"] == "invite.updated" and e["data"]["invite"]["state"] == "expired" for e in timeline)

        eventually(expired_on_timeline, 20, "the expiry on the incident's timeline")


def test_a_field_officer_logs_in_and_sends_a_photo_to_their_units_incident(
    centre: DispatchdProcess, tmp_path: Path
) -> None:
    photo = tmp_path / "scene.jpg"
    ffmpeg("-f", "lavfi", "-i", "testsrc2=size=800x600", "-frames:v", "1", str(photo))
    with _api(centre) as api:
        unit = {"callsign": "PS-21", "agency": "police", "type_common": "PatrolUnit", "field_account": "pc-martin"}
        assert api.put("/api/v1/units/PS-21@police", json=unit).status_code in (200, 201)
        incident = api.post("/api/v1/incidents", json=INCIDENT).json()
        assert api.post(f"/api/v1/incidents/{incident['id']}/assignments", json={"unit_id": "PS-21@police"}).is_success
        with phone() as session:
            session.get(f"{centre.url}/field")
            session.find_element(By.ID, "username").send_keys("pc-martin")
            session.find_element(By.ID, "password").send_keys(FIELD_PASSWORD)
            session.find_element(By.CSS_SELECTOR, "#login button").click()
            wait_for(session, lambda s: s.find_element(By.ID, "actions").is_displayed())
            assert incident["number"] in session.find_element(By.ID, "incident").text
            session.find_element(By.ID, "choose").send_keys(str(photo))
            wait_for(session, lambda s: "sent ✓" in _items_text(s))
            cookies = session.get_cookies()
        media = [m for m in api.get("/api/v1/snapshot").json()["media"] if m["incident_id"] == incident["id"]]
    assert [(m["kind"], m["source"]) for m in media] == [("photo", "officer")]
    assert media[0]["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert cookies == [], "the token stays in the page's memory: no cookie"
