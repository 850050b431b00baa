"""The social watch panel, its spike alert and its map layer, with hostile posts: text stays text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QToolBar
from pytestqt.qtbot import QtBot

from console.backend.commands import Commands
from console.domain.events import event_from_dict
from console.map.panel import MapPanel
from console.social_watch.alert_bar import SpikeAlertBar
from console.social_watch.logic.rules import WatchRule
from console.social_watch.map_layer import PostsOnMap
from console.social_watch.panel import SocialWatchPanel
from console.social_watch.post_list import HEADER_ROLE
from console.social_watch.watch_model import SocialWatchModel
from console.state.high_priority import HighPriorityAlerts
from console.state.notifier import Notifier
from console.state.selection import Selection
from console.state.store import Store
from console.views.main_window import MainWindow
from console.views.status_bar import ConsoleStatusBar
from tests.qt.conftest import QtAsync
from tests.qt.test_map import basemap  # noqa: F401 - the module's base map fixture
from tests.support.asyncwait import until
from tests.support.map_page import js, js_until
from tests.unit.console.factories import event, incident, snapshot

NOW = datetime(2026, 11, 25, 20, 0, 30, tzinfo=UTC)
SCRIPT = "<script>window.__pwned=1</script> bagarre devant la gare"
IMG = '<img src=x onerror="window.__pwned=2"> bagarre place Bellecour'
RLO = "bagarre \u202etxt.exe\u202c rue Danton"
HUGE = "bagarre " + "é" * 100_000


def raw_post(n: int, text: str, seconds_ago: float, author: str = "@someone", at: tuple[float, float] | None = None):
    return {
        "id": f"p{n}",
        "platform": "mastodon",
        "source_id": "masto",
        "author": author,
        "text": text,
        "posted_at": (NOW - timedelta(seconds=seconds_ago)).isoformat(),
        "url": f"https://masto.example/@x/{n}",
        "lang": "fr",
        "location": {"lat": at[0], "lon": at[1]} if at else None,
        "incident_id": None,
        "link": None,
        "version": 1,
    }


RULES = [
    {
        "id": "fight",
        "name": "Fights",
        "query": "bagarre OR rixe",
        "languages": [],
        "geofence": None,
        "active": True,
        "version": 1,
    },
    {
        "id": "fire",
        "name": "Fire <b>and</b> smoke",
        "query": "incendie",
        "languages": [],
        "geofence": None,
        "active": True,
        "version": 1,
    },
]
POSTS = [
    raw_post(1, SCRIPT, 50, at=(45.751, 4.841)),
    raw_post(2, IMG, 40, author="@\u202eevil", at=(45.752, 4.842)),
    raw_post(3, RLO, 30),
    raw_post(4, HUGE, 20),
    raw_post(5, "Il fait beau", 10),
]


@pytest.fixture
def watched(qtbot: QtBot) -> Iterator[tuple[SocialWatchPanel, SocialWatchModel, Store, Selection, list[str]]]:
    store = Store()
    store.reset(snapshot(10, incidents=[incident("i1")], watch_rules=RULES, social_posts=POSTS, social_sources=[]))
    model = SocialWatchModel(store, now=lambda: NOW)
    selection = Selection()
    refused: list[str] = []
    panel = SocialWatchPanel(model, store, Commands(refused.append), selection, Notifier())
    qtbot.addWidget(panel)
    panel.resize(520, 800)
    panel.show()
    yield panel, model, store, selection, refused


def social_map(qtbot: QtBot, tiles: Path, model: SocialWatchModel, store: Store, selection: Selection) -> MapPanel:
    """The real map page with its social layer, fed from the same store and social watch."""
    commands = Commands(lambda _m: None)
    map_panel = MapPanel(store, selection, commands, HighPriorityAlerts(store), lambda _lat, _lon: None, None, tiles)
    PostsOnMap(model, store, map_panel)
    qtbot.addWidget(map_panel)
    map_panel.resize(800, 600)
    map_panel.show()
    return map_panel


def test_hostile_posts_are_listed_newest_first_as_plain_text_and_the_console_is_unharmed(
    qtbot: QtBot, watched: tuple[SocialWatchPanel, SocialWatchModel, Store, Selection, list[str]]
) -> None:
    panel, _model, _store, _selection, _refused = watched
    rows = [panel.posts.index(r) for r in range(panel.posts.rowCount())]
    assert [i.data(Qt.ItemDataRole.UserRole + 1).id for i in rows] == ["p4", "p3", "p2", "p1"], "matched, newest first"
    shown = [i.data() for i in rows]
    assert shown[3] == SCRIPT and shown[2] == IMG, "markup is shown as the characters it is made of"
    assert shown[1] == "bagarre ⟦RLO⟧txt.exe⟦PDF⟧ rue Danton", "a right-to-left override is made visible"
    assert shown[0].startswith("bagarre éé") and shown[0].endswith("(99,608 more characters)"), "long posts cut"
    assert "@⟦RLO⟧evil" in rows[2].data(HEADER_ROLE), "an author's name cannot flip the header line"
    tooltip = rows[3].data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;script&gt;" in tooltip and "<script>" not in tooltip, "tooltips (read as rich text) are escaped"
    assert "Fights" in rows[3].data(HEADER_ROLE)
    image = panel.list.grab().toImage()  # the delegate paints every kind of post without trouble
    assert image.width() > 100 and len({image.pixel(x, 30) for x in range(0, image.width(), 4)}) > 3
    panel.list.setCurrentIndex(rows[0])
    assert panel.detail.text.toPlainText() == HUGE, "the post's window holds its whole text"
    assert not panel.detail.link_button.isEnabled(), "no incident selected: nothing to link to"
    assert panel.detail.open_button.isEnabled(), "its link opens only when the operator asks"


def test_a_rule_filters_the_list_a_new_rule_is_checked_as_typed_and_linking_goes_to_the_backend(
    qtbot: QtBot, watched: tuple[SocialWatchPanel, SocialWatchModel, Store, Selection, list[str]]
) -> None:
    panel, _model, store, selection, refused = watched
    panel.show_rule("*")
    assert panel.posts.rowCount() == 5, "the whole stream, matched or not"
    panel.show_rule("fire")
    assert panel.posts.rowCount() == 0 and "No post matches" in panel.count.text()
    store.apply(event_from_dict(event(11, "social.post", "p6", {"post": raw_post(6, "Incendie quai", 5)}), 11))
    qtbot.waitUntil(lambda: panel.posts.rowCount() == 1)
    assert panel.rule_filter.itemText(panel.rule_filter.currentIndex()) == "Fire <b>and</b> smoke", "names as text"
    panel.editor.edit(None)
    panel.editor.query.setText('(gare OR "place Bellecour"')
    assert not panel.editor.save.isEnabled() and "a '(' without its ')' (at character 1)" in panel.editor.message.text()
    panel.editor.query.setText('gare OR "place Bellecour"')
    assert panel.editor.save.isEnabled() and "2 of the posts" in panel.editor.message.text()
    panel.list.setCurrentIndex(panel.posts.index(0))
    selection.select("i1")
    assert panel.detail.link_button.isEnabled()
    panel.detail.link_button.click()
    assert refused == ["Could not link the post by @someone to 2026-i1: not connected to a dispatch backend yet."]


def test_a_burst_raises_the_spike_alert_above_the_panels_and_show_filters_on_its_rule(
    qtbot: QtBot, watched: tuple[SocialWatchPanel, SocialWatchModel, Store, Selection, list[str]]
) -> None:
    panel, model, store, _selection, _refused = watched
    window = MainWindow(ConsoleStatusBar(store, Notifier()))
    qtbot.addWidget(window)
    bar = SpikeAlertBar(model)
    window.add_top_bar(bar)
    bar.show_requested.connect(panel.show_rule)
    window.show()
    toolbar = window.findChild(QToolBar, "alerts_toolbar")
    assert toolbar is not None
    qtbot.waitUntil(lambda: not toolbar.isVisible())
    assert model.check_spikes() == [], "two fights this minute (two the minute before): under the bar"
    with qtbot.waitSignal(model.spike_detected) as spotted:
        for n in range(7):
            post = raw_post(100 + n, f"Rixe en cours n°{n}", 2 + n)
            store.apply(event_from_dict(event(11 + n, "social.post", post["id"], {"post": post}), 11 + n))
        model.check_spikes()
    assert (spotted.args[0].rule_id, spotted.args[0].spike.count) == ("fight", 9)
    qtbot.waitUntil(toolbar.isVisible)
    label = bar.findChild(QLabel)
    assert label is not None and label.text().startswith("▲ SOCIAL SPIKE  Fights: 9 posts this minute (usually 0.0)")
    assert model.check_spikes() == [], "the same burst does not alert again"
    charts = panel.charts.charts["fight"]
    assert charts.title.text().startswith("▲ SPIKE Fights"), "the chart says it too, not by colour alone"
    show = next(b for b in bar.findChildren(QPushButton) if b.text() == "Show posts")
    show.click()
    assert panel.rule_filter.currentData() == "fight"


def test_geotagged_posts_are_on_the_map_as_text(
    qloop: QtAsync,
    qtbot: QtBot,
    basemap: Path,  # noqa: F811 - the fixture imported from test_map
    watched: tuple[SocialWatchPanel, SocialWatchModel, Store, Selection, list[str]],
) -> None:
    _panel, model, store, selection, _refused = watched
    map_panel = social_map(qtbot, basemap, model, store, selection)

    async def body() -> list[Any]:
        await until(lambda: map_panel.view.ready, what="the page")
        await until(lambda: map_panel.view.js_ms, what="a batch")
        texts: list[Any] = await js_until(
            map_panel.view, "consoleMap.socialTexts()", lambda t: len(t or []) == 2, "the two posts on the map"
        )
        assert await js(map_panel.view, "document.querySelectorAll('.post-card img').length") == 0
        assert await js(map_panel.view, "window.__pwned === undefined") is True
        return texts

    texts = qloop.run(body())
    assert sorted(texts) == sorted(
        [
            f"@⟦RLO⟧evil · {(NOW - timedelta(seconds=40)).astimezone():%H:%M} [Fights]{IMG}",
            f"@someone · {(NOW - timedelta(seconds=50)).astimezone():%H:%M} [Fights]{SCRIPT}",
        ]
    )


def test_a_geofence_drawn_on_the_map_becomes_the_rule_s_polygon_and_is_outlined(
    qloop: QtAsync,
    qtbot: QtBot,
    basemap: Path,  # noqa: F811 - the fixture imported from test_map
    watched: tuple[SocialWatchPanel, SocialWatchModel, Store, Selection, list[str]],
) -> None:
    panel, model, store, selection, _refused = watched
    map_panel = social_map(qtbot, basemap, model, store, selection)
    panel.draw_requested.connect(map_panel.view.start_drawing)
    map_panel.view.bridge.geofence_drawn.connect(panel.area_drawn)
    panel.geofence_shown.connect(map_panel.view.show_geofence)
    corners = [(45.752, 4.838), (45.752, 4.846), (45.747, 4.846), (45.747, 4.838)]

    async def body() -> None:
        await until(lambda: map_panel.view.ready, what="the page")
        panel.editor.edit(None)
        panel.editor.name.setText("Fights near the square")
        panel.editor.query.setText("bagarre")
        panel.editor.draw.click()
        await until(lambda: map_panel.view.js_ms, what="the drawing batch")
        await js_until(map_panel.view, "consoleMap.drawingCorners()", lambda n: n == 0, "drawing mode")
        for lat, lon in corners:
            await js(map_panel.view, f"(consoleMap.fire('click', {lat}, {lon}), null)")
        assert await js(map_panel.view, "consoleMap.drawingCorners()") == 4
        await js(map_panel.view, f"(consoleMap.fire('dblclick', {corners[-1][0]}, {corners[-1][1]}), null)")
        await until(lambda: panel.editor.drawn is not None, what="the drawn area back in the editor")
        assert await js(map_panel.view, "consoleMap.drawingCorners()") == -1, "drawing ends with the double-click"

    qloop.run(body())
    body_sent = panel.editor.body()
    assert body_sent is not None
    fence = body_sent["geofence"]
    assert fence["type"] == "Polygon" and fence["label"] == "an area drawn on the map (4 corners)"
    ring = fence["coordinates"][0]
    assert [(round(lat, 3), round(lon, 3)) for lon, lat in ring] == [*corners, corners[0]]
    rule = WatchRule.build("r", "r", "bagarre", (), fence)
    assert rule.geofence is not None and rule.geofence.contains(45.750, 4.842)
    assert not rule.geofence.contains(45.760, 4.842)

    record = {**RULES[0], "id": "square", "name": "Square", "geofence": fence}
    store.apply(event_from_dict(event(11, "watch_rule.created", "square", {"rule": record}), 11))
    panel.show_rule("square")

    outline = js_until(map_panel.view, "consoleMap.geofenceShapes()", lambda n: n == 1, "the rule's area outlined")
    qloop.run(outline, timeout_s=15)
