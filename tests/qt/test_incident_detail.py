"""The incident detail with a real backend: photo thumbnails that open full size, EIDO and EMSI exports."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from console.views.incident_detail import IncidentDetail, PhotoViewer
from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until
from tests.support.consoles import running
from tests.support.dispatchd_process import DispatchdProcess

pytestmark = pytest.mark.e2e


def _photo() -> bytes:
    image = np.zeros((300, 400, 3), np.uint8)
    image[:, :, 2] = 220  # a red picture (BGR)
    _ok, jpeg = cv2.imencode(".jpg", image)
    return bytes(jpeg.tobytes())


def test_a_citizen_photo_shows_as_a_thumbnail_and_opens_full_size(
    qloop: QtAsync, qtbot: QtBot, dispatchd: DispatchdProcess, tmp_path: Path
) -> None:
    with dispatchd.api() as api:
        incident = api.post(
            "/incidents", json={"type_code": "FIGHT", "priority": 6, "location": {"lat": 45.75, "lon": 4.84}}
        ).json()
        api.post(
            f"/incidents/{incident['id']}/media",
            data={"kind": "photo", "source": "citizen"},
            files={"file": ("photo.jpg", _photo(), "image/jpeg")},
        ).raise_for_status()
        api.post(f"/incidents/{incident['id']}/media", data={"kind": "text", "text": "<b>He ran away</b>"})

    async def body() -> None:
        async with running(qtbot, dispatchd.url, "operator", tmp_path) as (console, _link):
            detail = console.operations.detail
            assert isinstance(detail, IncidentDetail)
            console.selection.select(incident["id"])
            await until(lambda: detail.media.count() == 2, what="both media listed")
            photo = next(detail.media.item(i) for i in range(2) if "photo" in detail.media.item(i).text())
            text = next(detail.media.item(i) for i in range(2) if "✉" in detail.media.item(i).text())
            assert text.text() == "✉ <b>He ran away</b>", "shown as plain text, tags and all"
            await until(lambda: not photo.icon().isNull(), what="the thumbnail")
            pixel = photo.icon().pixmap(64, 64).toImage().pixelColor(32, 32)
            assert pixel.red() > 180 and pixel.green() < 60, "the thumbnail shows the photo"
            detail._open_media(photo)
            viewers = detail.findChildren(PhotoViewer)
            assert len(viewers) == 1 and viewers[0].isVisible()
            await until(
                lambda: any("Photo received from citizen" in t for t in detail.timeline_texts()),
                what="the photo in the timeline",
            )

    qloop.run(body())


def test_the_detail_exports_eido_and_emsi(
    qloop: QtAsync, qtbot: QtBot, dispatchd: DispatchdProcess, tmp_path: Path
) -> None:
    with dispatchd.api() as api:
        incident = api.post(
            "/incidents", json={"type_code": "RTA", "priority": 8, "location": {"lat": 45.75, "lon": 4.84}}
        ).json()
    saved: list[Path] = []

    async def body() -> None:
        async with running(qtbot, dispatchd.url, "operator", tmp_path) as (console, _link):
            for kind in ("eido", "emsi"):
                console.queries.export(incident["id"], kind, tmp_path / f"{kind}.json", saved.append)
            await until(lambda: len(saved) == 2, what="both files")

    qloop.run(body())
    eido = json.loads((tmp_path / "eido.json").read_text(encoding="utf-8"))
    emsi = json.loads((tmp_path / "emsi.json").read_text(encoding="utf-8"))
    assert eido["incidentComponent"]["localIncidentIdentifier"] == incident["number"]
    assert emsi["EMSI"]["EVENT"]["ETYPE"]["CATEGORY"] == ["ROA/ACC"]
