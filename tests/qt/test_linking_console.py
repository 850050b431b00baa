"""Automatic linking in the console, on a real dispatchd and the real map: posts suggested in the incident's
detail (one dismissed for good, one linked), a duplicate merged with its unit, the repeat place flagged, the hot
spots drawn with their legend."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from console.map.panel import MapPanel
from console.views.incident_detail import IncidentDetail
from dispatchd.social.posts import CollectedPost, store_posts
from dispatchd.storage import open_storage
from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until
from tests.support.consoles import running
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.map_page import js_until

SPOT = {"lat": 45.7604, "lon": 4.8360, "address_text": "27 Rue Paul Bert, Valmont"}


def _post(native: str, text: str, lat: float | None) -> CollectedPost:
    return CollectedPost(platform="demo", native_id=native, text=text, posted_at=datetime.now(UTC) + timedelta(
        minutes=1), author="@witness", url=None, lang="fr", lat=lat, lon=SPOT["lon"] if lat else None)  # fmt: skip


def test_suggested_posts_a_merge_a_repeat_place_and_hot_spots_in_the_console(
    qloop: QtAsync, qtbot: QtBot, tmp_path: Path
) -> None:
    backend = DispatchdProcess(tmp_path / "d", "--demo", "--no-simulation")
    backend.start(port=0)
    try:
        with backend.api("operator") as api:
            fire = api.post("/incidents", json={"type_code": "FIRE-BLD", "priority": 8, "location": SPOT}).json()
            # the same fire, called in from the other side of the block (a post goes to the nearest of two)
            dup_at = {**SPOT, "lat": SPOT["lat"] - 350 / 111_195, "address_text": "Quai Claude Bernard"}
            dup = api.post("/incidents", json={"type_code": "FIRE-VEH", "priority": 6, "location": dup_at}).json()
            unit = next(u for u in api.get("/units").json() if u["secondary_status"] == "Available")
            assert api.post(f"/incidents/{dup['id']}/assignments", json={"unit_id": unit["id"]}).is_success
        storage = open_storage(None, tmp_path / "d")  # posts as a feed brings them (the feed polls the log)
        with storage.transaction() as tx:
            store_posts(tx, "demo", [
                _post("near", "Fumée noire partout, ça brûle", SPOT["lat"] + 150 / 111_195),
                _post("words", "gros incendie rue paul bert, les pompiers arrivent", None),
                _post("chatter", "Super marché ce matin", SPOT["lat"]),
            ])  # fmt: skip
        storage.close()

        async def body() -> None:
            async with running(qtbot, backend.url, "operator", tmp_path, real_map=True) as (console, _):
                store, detail = console.store, console.operations.detail
                assert isinstance(detail, IncidentDetail) and isinstance(console.map, MapPanel)
                box = detail.linking
                await until(lambda: len(store.social_posts) >= 3, 10, "the posts")
                console.selection.select(fire["id"])
                await until(lambda: box.posts.count() == 2, 10, "two posts suggested")
                assert box.posts_title.text() == "2 posts may be about this incident"
                texts = [box.posts.item(i).text() for i in range(2)]
                assert any("posted 150 m away" in t for t in texts) and any("says what and where" in t for t in texts)

                row = next(i for i, t in enumerate(texts) if "150 m" in t)
                box.posts.setCurrentRow(row)
                box.dismiss_selected_post()
                await until(lambda: box.posts.count() == 1, 5, "dismissed")
                await until(lambda: any("dismissed" in t for t in detail.timeline_texts()), 10,
                            "the dismissal on the timeline")  # fmt: skip
                with backend.api("supervisor") as api:  # another console asking: dispatchd keeps the dismissal
                    assert len(api.get(f"/incidents/{fire['id']}/post-suggestions").json()) == 1
                box.refresh()
                await until(lambda: box.posts.count() == 1, 5, "still one")
                box.link_selected_post()
                await until(lambda: any(p.incident_id == fire["id"] for p in store.social_posts.values()), 10,
                            "the post linked")  # fmt: skip
                await until(lambda: box.posts.count() == 0 and not box.posts.isVisible(), 10, "no suggestion left")

                console.selection.select(dup["id"])
                held = store.incidents[dup["id"]]
                box.act(held, store.incidents[fire["id"]], merge=True)
                await until(lambda: store.incidents[dup["id"]].merged_into == fire["id"], 10, "merged")
                assert store.incidents[dup["id"]].status == "closed"
                await until(lambda: unit["id"] in store.incidents[fire["id"]].assigned_units, 10, "its unit moved")
                assert store.units[unit["id"]].incident_id == fire["id"]
                kept_number = store.incidents[fire["id"]].number
                console.selection.select(dup["id"])  # (the queue moved on when it closed)
                await until(lambda: box.links.text() == f"merged into {kept_number}", 5, "the detail says so")

                with backend.api("operator") as api:
                    for _ in range(2):
                        api.post("/incidents", json={"type_code": "NOISE", "priority": 2, "location": SPOT})
                console.selection.select(fire["id"])
                await until(lambda: box.repeat.text().startswith("3 incidents here since"), 10, "the repeat place")
                await until(lambda: any("merged into this incident" in t for t in detail.timeline_texts()), 10,
                            "the merge on the kept incident's timeline")  # fmt: skip

                view = console.map.view
                await until(lambda: view.ready, 20, "the map page")
                console.map.show_hotspots(7)
                counts = await js_until(view, "consoleMap.hotspotCounts()", bool, "the hexagons")
                assert counts == [3, 1], "the fire and its two noise complaints here, the merged duplicate 350 m off"
                legend = await js_until(view, "consoleMap.hotspotLegend()", bool, "the legend")
                assert legend.startswith("Incidents recorded, last 7 days") and "not a prediction" in legend
                console.map.show_hotspots(None)
                assert await js_until(view, "consoleMap.hotspotCounts()", lambda c: c == [], "hidden") == []

        qloop.run(body())
    finally:
        backend.stop()
