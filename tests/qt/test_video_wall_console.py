"""The wall in a whole console against a real dispatchd: the demo cameras live on the wall, a camera clicked
on the map, an uploaded video downloaded through the console's client and played, a snapshot attached."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import cv2
import pytest
from pytestqt.qtbot import QtBot

from console.evidence.bookmarks_panel import BookmarksPanel
from console.evidence.logic.export import export_bookmark, export_clip
from console.videowall.logic.feed_status import FeedState
from console.videowall.panel import VideoWallPanel
from console.views.incident_detail import IncidentDetail
from tests.conftest import INCIDENT
from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until
from tests.support.consoles import running
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.streams import make_clip

pytestmark = pytest.mark.e2e


def test_demo_cameras_videos_and_snapshots_on_the_wall(
    qloop: QtAsync, qtbot: QtBot, dispatchd: DispatchdProcess, tmp_path: Path
) -> None:
    clip = make_clip(tmp_path / "citizen.mp4", seconds=3)
    with dispatchd.api() as api:
        incident = api.post("/incidents", json=INCIDENT, headers={"Idempotency-Key": "wall-1"}).json()
        cameras = api.get("/cameras").json()

    async def body() -> None:
        async with running(qtbot, dispatchd.url, "supervisor", tmp_path, wall=True) as (console, _link):
            wall = console.wall.panel
            assert isinstance(wall, VideoWallPanel)
            grid = wall.grid
            # At first connection the empty wall takes the first cameras of the list, live on their sub-streams.
            await until(lambda: all(grid.tiles[i].painted is not None for i in range(4)), 20, "demo cameras drawn")
            first = grid.worker(0)
            assert first is not None
            await until(lambda: first.status.state is FeedState.LIVE, 2, "the state from the decoding process")
            assert first.source.url.endswith("/sub.mjpg")
            assert {first.source.url} <= {c["stream"]["sub_url"] for c in cameras}

            # A camera clicked on the map comes onto the wall (the selected tile, the wall being full).
            shown = {grid.tiles[i].title for i in range(4)}
            target = next(c for c in cameras if c["name"] not in shown)
            console.map.camera_requested.emit(target["id"])
            await until(lambda: any(grid.worker(i) and grid.worker(i).source.label == target["name"] for i in range(4)))

            # A video attached to the incident plays from the local cache, downloaded with the console's token.
            with dispatchd.api() as api:
                api.post(
                    f"/incidents/{incident['id']}/media",
                    data={"kind": "video", "source": "citizen"},
                    files={"file": ("citizen.mp4", clip.read_bytes(), "video/mp4")},
                ).raise_for_status()
            await until(lambda: any(m.kind == "video" for m in console.store.media.values()), what="media.added")
            video = next(m for m in console.store.media.values() if m.kind == "video")
            grid.select(1)
            wall.play_media(video.id)
            await until(
                lambda: grid.worker(1) is not None and grid.worker(1).status.state is FeedState.PLAYBACK, 15, "playback"
            )
            worker = grid.worker(1)
            assert worker is not None and Path(worker.source.url).read_bytes() == clip.read_bytes()
            await until(lambda: grid.tiles[1].painted is not None and grid.tiles[1].painted.position_s is not None)

            # A tagged stretch of that video plays on a tile from its first frame, again and again.
            filmed = video.captured_at or video.received_at
            with dispatchd.api() as api:
                tagged = api.post(
                    "/bookmarks",
                    json={
                        "incident_id": incident["id"],
                        "media_id": video.id,
                        "start": (filmed + timedelta(seconds=1)).isoformat(),
                        "end": (filmed + timedelta(seconds=2)).isoformat(),
                    },
                ).json()
            await until(lambda: tagged["id"] in console.store.bookmarks, what="the video's bookmark")
            grid.select(2)
            wall.play_bookmark(tagged["id"])
            positions: list[float] = []

            def looped() -> bool:
                frame = grid.tiles[2].painted
                if (
                    frame is not None
                    and frame.position_s is not None
                    and (not positions or positions[-1] != frame.position_s)
                ):
                    positions.append(frame.position_s)
                return len(positions) > 3 and positions[-1] < positions[-2]

            await until(looped, 15, "the clip played to its end and from its start again")
            assert all(0.95 <= p <= 2.1 for p in positions), positions

            # A snapshot of the selected tile becomes a photo of the selected incident.
            console.selection.select(incident["id"])
            grid.select(0)
            wall.snapshot()
            await until(
                lambda: any(m.kind == "photo" and m.source == "vms" for m in console.store.media.values()),
                15,
                "the snapshot as a photo of the incident",
            )
            photo = next(m for m in console.store.media.values() if m.kind == "photo")
            assert photo.incident_id == incident["id"] and photo.mime_type == "image/jpeg" and photo.size > 10_000

    qloop.run(body())


def test_tag_ten_seconds_of_a_live_demo_camera_to_an_incident(
    qloop: QtAsync, qtbot: QtBot, dispatchd: DispatchdProcess, tmp_path: Path
) -> None:
    with dispatchd.api() as api:
        incident = api.post("/incidents", json=INCIDENT, headers={"Idempotency-Key": "tag-1"}).json()

    async def body() -> None:
        async with running(qtbot, dispatchd.url, "operator", tmp_path, wall=True) as (console, _link):
            wall, grid = console.wall.panel, console.wall.panel.grid
            await until(lambda: grid.tiles[0].painted is not None, 20, "a live camera")
            console.selection.select(incident["id"])
            grid.select(0)
            first = grid.tiles[0].painted
            assert first is not None and first.time is not None
            wall.mark_in()
            await until(
                lambda: (
                    (frame := grid.tiles[0].painted) is not None
                    and frame.time is not None
                    and (frame.time - first.time).total_seconds() >= 10
                ),
                15,
                "ten seconds of video",
            )
            last = grid.tiles[0].painted
            assert last is not None and last.time is not None
            wall.mark_out()
            dialog = wall.tag_dialog
            await until(dialog.isVisible, what="the tag dialog")
            assert dialog.incident.currentData() == incident["id"], "the selected incident by default"
            dialog.labels[1].setChecked(True)  # weapon
            assert dialog.summary.text().startswith(grid.tiles[0].title), "the camera's name, not its id"
            dialog.other_labels.setText("knife, <b>red coat</b>")
            dialog.note.setText("a man shows a knife")
            dialog._tag()
            await until(lambda: len(console.store.bookmarks) == 1, 10, "the bookmark, as an event")
            bookmark = next(iter(console.store.bookmarks.values()))
            camera = grid.worker(0)
            assert camera is not None
            assert bookmark.camera_id == grid.effective(0).id  # type: ignore[union-attr]
            assert abs((bookmark.start - first.time).total_seconds()) < 0.001, "to the frame (ms)"
            assert abs((bookmark.end - last.time).total_seconds()) < 0.001
            assert bookmark.labels == ("<b>red coat</b>", "knife", "weapon") and bookmark.created_by == "operator"
            detail = console.operations.detail
            assert isinstance(detail, IncidentDetail)
            await until(lambda: any("Clip tagged" in t for t in detail.timeline_texts()), what="in the timeline")

            # An export cancelled midway leaves nothing half-written.
            holder: dict[str, asyncio.Task[None] | None] = {}

            def cancel_at_first_bytes(_received: int) -> None:
                task = holder.get("task")
                if task is not None:
                    task.cancel()

            holder["task"] = export_bookmark(
                console.queries,
                bookmark,
                console.store.incidents[incident["id"]],
                "camera",
                tmp_path / "cancelled",
                cancel_at_first_bytes,
                lambda _digest: None,
            )
            cancelled = holder["task"]
            assert cancelled is not None
            await until(cancelled.done, 10, "the export to stop")
            assert cancelled.cancelled()
            assert not any((tmp_path / "cancelled").iterdir()), "no half-written file"

            # Exported as evidence: the clip and a manifest that anyone can check.
            progress: list[int] = []
            digest = await export_clip(
                _link.client,
                bookmark,
                console.store.incidents[incident["id"]],
                grid.tiles[0].title,
                "operator",
                tmp_path / "export",
                progress.append,
            )
            exported["digest"] = digest
            assert progress and progress[-1] == (tmp_path / "export" / "clip.mp4").stat().st_size

            # The clips panel: filtered, locked as evidence (and shown so), played on the wall again and again.
            clips = console.clips
            assert isinstance(clips, BookmarksPanel)
            await until(lambda: clips.table.rowCount() == 1, what="the clip listed")
            clips.search.setText("knife red")
            assert clips.table.rowCount() == 1
            clips.search.setText("fire")
            assert clips.table.rowCount() == 0
            clips.search.clear()
            clips.lock(bookmark, "kept for the investigation")
            await until(lambda: console.store.bookmarks[bookmark.id].locked, 10, "the evidence lock")
            await until(
                lambda: "LOCKED by operator" in (clips.table.item(0, 6).text() if clips.table.item(0, 6) else "")
            )
            clips.table.selectRow(0)
            clips.play_requested.emit(bookmark.id)
            slot = grid.selected
            await until(
                lambda: (
                    (frame := grid.tiles[slot].painted) is not None
                    and frame.time is not None
                    and bookmark.start <= frame.time <= bookmark.end
                ),
                20,
                "the clip playing on a tile",
            )
            assert grid.tiles[slot].title.startswith("Clip — ")

    exported: dict[str, str] = {}
    qloop.run(body())
    with dispatchd.api() as api:
        server = api.get("/bookmarks", params={"incident_id": incident["id"]}).json()
        trail = [e["action"] for e in api.get("/audit", params={"bookmark_id": server[0]["id"]}).json()]
    assert len(server) == 1 and server[0]["note"] == "a man shows a knife"
    assert trail == ["tag", "export", "export", "lock"], "the cancelled export too: it was started"
    folder = tmp_path / "export"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert (manifest["start"], manifest["end"]) == (server[0]["start"], server[0]["end"])
    assert manifest["incident"]["number"] == incident["number"] and manifest["exported_by"] == "operator"
    capture = cv2.VideoCapture(str(folder / "clip.mp4"))
    frames = 0
    while capture.read()[0]:
        frames += 1
    capture.release()
    assert abs(frames - 250) <= 2, f"{frames} frames: the 10 s clip at 25 fps"

    def verify() -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "console", "verify-export", str(folder)]
        return subprocess.run(command, capture_output=True, text=True, timeout=60)

    assert (verify().returncode, verify().stdout) == (0, "OK\n")
    data = bytearray((folder / "clip.mp4").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (folder / "clip.mp4").write_bytes(bytes(data))
    tampered = verify()
    assert (tampered.returncode, tampered.stdout) == (1, "TAMPERED: clip.mp4\n")
