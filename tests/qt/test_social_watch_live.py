"""The social watch end to end: a real dispatchd polls a local feed; the console's panel shows what its
rules match; a post linked to an incident joins the incident's timeline with its hash."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from PySide6.QtWidgets import QTreeWidgetItemIterator
from pytestqt.qtbot import QtBot

from console.social_watch.panel import SocialWatchPanel
from console.views.incident_detail import IncidentDetail
from tests.conftest import INCIDENT
from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until
from tests.support.consoles import running
from tests.support.dispatchd_process import DispatchdProcess
from tests.support.feed_server import feed_server

FEED = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Valmont Matin</title>
<language>fr</language>
<item><guid>1</guid><title>Bagarre devant la GARE de Valmont</title><pubDate>{now}</pubDate></item>
<item><guid>2</guid><title>&lt;img src=x onerror=alert(1)&gt; gare fermée</title><pubDate>{now}</pubDate></item>
<item><guid>3</guid><title>Concert au parc</title><pubDate>{now}</pubDate></item>
</channel></rss>"""


def timeline_lines(detail: IncidentDetail) -> list[str]:
    lines, items = [], QTreeWidgetItemIterator(detail.timeline)
    while items.value():
        lines.append(items.value().text(2))
        items += 1
    return lines


def test_a_feed_reaches_the_panel_through_dispatchd_and_a_linked_post_joins_the_timeline(
    qloop: QtAsync, qtbot: QtBot, tmp_path: Path
) -> None:
    with feed_server() as server:
        # Dated now: the console keeps the last 25 hours of posts and the snapshot the last 24 (by the clock).
        published = format_datetime(datetime.now(UTC), usegmt=True)
        server.serve("/rss", 200, "application/rss+xml", FEED.format(now=published))
        server.serve("/down", 503, "text/plain", "maintenance")
        sources = tmp_path / "sources.json"
        sources.write_text(
            json.dumps(
                {
                    "sources": [
                        {
                            "id": "matin",
                            "kind": "rss",
                            "name": "Valmont Matin",
                            "url": f"{server.url}/rss",
                            "interval_s": 0.5,
                        },
                        {"id": "down", "kind": "rss", "name": "Le Veilleur", "url": f"{server.url}/down"},
                    ]
                }
            )
        )
        backend = DispatchdProcess(tmp_path / "d", "--demo", "--no-simulation", "--social-sources", str(sources))
        backend.start(port=0)
        try:

            async def body() -> None:
                async with running(qtbot, backend.url, "supervisor", tmp_path) as (console, _link):
                    store = console.store
                    panel = console.social.panel
                    assert isinstance(panel, SocialWatchPanel)
                    await until(lambda: len(store.social_posts) == 3, what="the feed's three items")
                    await until(
                        lambda: store.social_sources.get("down") and store.social_sources["down"].state == "failing",
                        what="the failing source reported",
                    )
                    assert "FAILING: the server answered HTTP 503" in panel.sources.item(0).text()
                    assert panel.sources_label.isChecked(), "a failing source opens the list"
                    panel.editor.edit(None)
                    panel.editor.name.setText("Gare")
                    panel.editor.query.setText("gare")
                    panel.editor.save.click()
                    await until(lambda: any(r.name == "Gare" for r in store.watch_rules.values()), what="the rule")
                    rule_id = next(r.id for r in store.watch_rules.values() if r.name == "Gare")
                    panel.show_rule(rule_id)
                    await until(lambda: panel.posts.rowCount() == 2, what="the two posts about the station")
                    assert {panel.posts.index(r).data() for r in range(2)} == {
                        "Bagarre devant la GARE de Valmont",
                        "<img src=x onerror=alert(1)> gare fermée",  # a plain-text title, shown as written
                    }
                    console.commands.create_incident(INCIDENT)
                    await until(lambda: store.incidents, what="the incident")
                    incident = next(iter(store.incidents.values()))
                    console.selection.select(incident.id)
                    row = next(r for r in range(2) if panel.posts.index(r).data().startswith("Bagarre"))
                    panel.list.setCurrentIndex(panel.posts.index(row))
                    panel.detail.link_button.click()
                    await until(
                        lambda: any(p.incident_id == incident.id for p in store.social_posts.values()),
                        what="the post linked",
                    )
                    linked = next(p for p in store.social_posts.values() if p.incident_id == incident.id)
                    assert linked.link is not None and len(linked.link.sha256) == 64
                    detail = console.operations.detail
                    assert isinstance(detail, IncidentDetail)
                    expected = "Social post linked: Valmont Matin on the news at "
                    await until(
                        lambda: any(expected in line for line in timeline_lines(detail)),
                        what="the timeline entry",
                    )
                    line = next(line for line in timeline_lines(detail) if expected in line)
                    assert line.startswith("◈ ")
                    assert "«Bagarre devant la GARE de Valmont»" in line and linked.link.sha256[:16] in line
                    assert panel.detail.link_info.text().endswith(linked.link.sha256)

            qloop.run(body())
        finally:
            backend.stop()
