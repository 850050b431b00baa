"""A caller's phone and the console, both real: the operator asks for pictures from the incident's detail, the
caller opens the link in Chromium (a phone's size, a fixed position, Chromium's fake camera), shares where they
are, sends a photo and shows live video; the console gets each one live, on the map, in the media, on the wall."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import numpy as np
from pytestqt.qtbot import QtBot
from selenium.webdriver.common.by import By

from console.map.panel import MapPanel
from console.videowall.logic.wall_state import SourceRef
from console.videowall.panel import VideoWallPanel
from console.views.incident_detail import IncidentDetail
from tests.conftest import INCIDENT
from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until, value_of
from tests.support.consoles import running
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.exif_photo import jpeg_with_exif
from tests.support.map_page import js_until
from tests.support.phone_browser import phone, wait_for

log = logging.getLogger(__name__)
WHERE = (45.7581, 4.8322, 25.0)  # the caller's phone: lat, lon, accuracy (m)


def test_a_callers_position_photo_and_live_video_reach_the_console(
    qloop: QtAsync, qtbot: QtBot, tmp_path: Path
) -> None:
    backend = DispatchdProcess(tmp_path / "d", "--demo", "--no-simulation")
    backend.start(port=0)
    photo = tmp_path / "IMG_0412.jpg"
    photo.write_bytes(jpeg_with_exif("2026:11:30 18:41:07", "+01:00", 45.7579, 4.8318))
    try:

        async def body() -> None:
            async with running(qtbot, backend.url, "operator", tmp_path, real_map=True) as (console, _):
                store, wall, detail = console.store, console.wall.panel, console.operations.detail
                assert isinstance(console.map, MapPanel) and isinstance(wall, VideoWallPanel)
                assert isinstance(detail, IncidentDetail)
                with backend.api() as api:
                    incident = api.post("/incidents", json=INCIDENT).json()
                await until(lambda: incident["id"] in store.incidents, 10, "the incident")
                console.selection.select(incident["id"])

                # The operator asks for pictures: a link, "sent" by the demo's SMS (its log).
                detail.open_caller_invite()
                dialog = detail._invite_dialog
                assert dialog is not None
                dialog.number.setText("+33 6 12 34 56 78")
                dialog.make.click()
                await until(lambda: dialog.link.text().startswith("http"), 10, "the link")
                assert dialog.outcome.text() == "Demo: the SMS was written to dispatchd's log, not sent."
                url = dialog.link.text()
                await until(lambda: dialog.links.count() == 1, 5, "the link listed")
                assert "+33 6 12 34 56 78 · demo: not sent · waiting · until" in dialog.links.item(0).text()

                with phone(position=WHERE, camera=True) as session:

                    def open_and_locate() -> None:
                        session.get(url)
                        wait_for(session, lambda s: s.find_element(By.ID, "actions").is_displayed())
                        session.find_element(By.ID, "locate").click()
                        wait_for(session, lambda s: "Location shared" in s.find_element(By.ID, "located").text)

                    await asyncio.to_thread(open_and_locate)
                    position = await value_of(lambda: store.caller_positions.get(incident["id"]), 5, "the position")
                    assert (position.lat, position.lon, position.accuracy_m) == WHERE
                    view = console.map.view
                    await until(lambda: view.ready, 20, "the map page")
                    labels = await js_until(view, "consoleMap.callerLabels()", bool, "the caller on the map")
                    assert labels[0].startswith(f"Caller {incident['number']} · ±25 m"), labels
                    assert await js_until(view, "consoleMap.callerCircles()", bool, "its circle") == [25]

                    await asyncio.to_thread(session.find_element(By.ID, "choose").send_keys, str(photo))
                    chosen = time.monotonic()

                    def the_photo() -> object:
                        return next((m for m in store.media.values() if m.kind == "photo"), None)

                    item = await value_of(the_photo, 2.0, "the photo in the console's store within 2 s")
                    arrived_s = time.monotonic() - chosen
                    assert item.incident_id == incident["id"] and item.source == "citizen"  # type: ignore[attr-defined]
                    assert item.location is not None and item.location.uncertainty_m == 25  # type: ignore[attr-defined]
                    assert item.exif is not None and item.exif.lat == 45.7579  # type: ignore[attr-defined]
                    await until(lambda: "caller located ±25 m" in detail.caller_link.text(), 5, "the detail's line")

                    # Live: the phone's camera on a wall tile, its picture moving.
                    def go_live() -> None:
                        session.find_element(By.ID, "live").click()
                        wait_for(session, lambda s: "can see your camera" in s.find_element(By.ID, "banner").text, 30)

                    await asyncio.to_thread(go_live)
                    camera = await value_of(
                        lambda: next((c for c in store.cameras.values() if c.kind == "caller"), None), 10, "live"
                    )
                    assert camera.name == f"Caller — {incident['number']}" and camera.incident_id == incident["id"]
                    wall.show_source(SourceRef("camera", camera.id))
                    tile = wall.grid.tiles[0]
                    first = await value_of(lambda: tile.painted, 20, "the caller's picture on the tile")
                    before = first.pixels.astype(int)  # a copy: a frame's pixels are the feed's shared memory
                    await until(lambda: tile.painted is not None and tile.painted.seq > first.seq + 5, 10, "more")
                    assert tile.painted is not None
                    after = tile.painted.pixels.astype(int)
                    change = float(np.abs(after - before).mean())
                    assert change > 1.0, f"the picture changes over time (mean change {change:.2f})"
                    assert float(after[..., :3].std()) > 10, "a picture, not a blank tile"

                    wall.keep_live(camera.id)
                    await asyncio.sleep(0)  # (the command handed to the outbox)
                    await asyncio.to_thread(session.find_element(By.ID, "live").click)  # the caller stops

                def kept() -> object:
                    return next((m for m in store.media.values() if m.kind == "video"), None)

                video = await value_of(kept, 60, "the live video kept with the incident")
                assert video.incident_id == incident["id"] and video.sha256  # type: ignore[attr-defined]
                texts = detail.timeline_texts()
                assert any("Link for pictures sent to +33 6 12 34 56 78 (demo: not sent)" in t for t in texts), texts
                assert any("The caller's phone shared its position (within 25 m)" in t for t in texts)
                assert any("The caller is showing live video" in t for t in texts)
                log.info("photo in the console's store %.0f ms after it was chosen", arrived_s * 1000)

        qloop.run(body())
    finally:
        backend.stop()


def test_the_call_form_sends_the_caller_a_link_through_the_centres_sms_command(
    qloop: QtAsync, qtbot: QtBot, tmp_path: Path
) -> None:
    sent = tmp_path / "sms.txt"
    script = tmp_path / "send-sms"
    script.write_text(f'#!/bin/sh\nprintf \'%s\\n%s\\n\' "$1" "$2" > {sent}\n')
    script.chmod(0o755)
    backend = DispatchdProcess(
        tmp_path / "d", "--demo", "--no-simulation", "--sms-command", f"{script} {{number}} {{text}}"
    )
    backend.start(port=0)
    try:

        async def body() -> None:
            async with running(qtbot, backend.url, "operator", tmp_path) as (console, _):
                form = console.operations.create_dialog
                await until(lambda: form.type_box.count() > 1, 10, "the incident types")
                form.start(45.7604, 4.8360, "14 Rue de la République")
                form.type_box.setCurrentIndex(1)
                form.caller_phone.setText("+33 6 98 76 54 32")
                form.ask_pictures.setChecked(True)
                form.submit()
                await until(sent.exists, 10, "the SMS handed to the centre's command")
                number, text = sent.read_text().splitlines()[:2]
                assert number == "+33 6 98 76 54 32" and f"{backend.url}/c/" in text
                incident = next(iter(console.store.incidents.values()))
                assert incident.number in text
                await until(lambda: any(i.sent_by == "sms" for i in console.store.invites.values()), 5, "sent")

        qloop.run(body())
    finally:
        backend.stop()
