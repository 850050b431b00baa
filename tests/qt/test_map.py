"""The map page in a real QtWebEngine: local Leaflet, nothing from outside, clicks, batches, hostile text."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from console.backend.commands import Commands
from console.domain.events import event_from_dict
from console.map.panel import MapPanel
from console.map.request_guard import LOCAL_SCHEMES
from console.state.high_priority import HighPriorityAlerts
from console.state.selection import Selection
from console.state.store import Store
from console.views.create_incident import CreateIncidentDialog
from dispatchd.clock import format_utc
from dispatchd.demo.basemap import write_mbtiles
from dispatchd.demo.city import build_city
from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until
from tests.support.map_page import js, js_until
from tests.unit.console.factories import event, incident, snapshot, unit

HOSTILE = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "</script><script>window.__pwned=2</script>"


@pytest.fixture(scope="module")
def basemap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tiles") / "city.mbtiles"
    write_mbtiles(build_city(17), path, range(13, 15))
    return path


@pytest.fixture
def mapped(qtbot: QtBot, basemap: Path) -> Iterator[tuple[MapPanel, Store, Selection, list[str]]]:
    now = datetime.now(UTC)  # the map greys a position past its stale_at, by the clock: this one is fresh
    position = {
        "lat": 45.745,
        "lon": 4.85,
        "course": 90,
        "speed": 10,
        "observed_at": format_utc(now),
        "stale_at": format_utc(now + timedelta(hours=1)),
    }
    store = Store()
    store.reset(
        snapshot(
            2,
            incidents=[
                incident(
                    "i1",
                    priority=9,
                    location={"lat": 45.75, "lon": 4.84, "address_text": HOSTILE, "sector": "Centre"},
                    type_text=SCRIPT,
                )
            ],
            units=[unit("PS-01@police", position=position, callsign=HOSTILE)],
        )
    )
    selection = Selection()
    refused: list[str] = []
    commands = Commands(refused.append)  # not connected: an attempted command is reported here
    dialogs: list[CreateIncidentDialog] = []  # the call form, a child of the map (as in the console's window)
    panel = MapPanel(
        store,
        selection,
        commands,
        HighPriorityAlerts(store),
        lambda lat, lon: dialogs[0].start(lat, lon),
        None,
        basemap,
    )
    dialogs.append(CreateIncidentDialog(commands, panel))
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    yield panel, store, selection, refused


def test_leaflet_loads_from_local_files_and_nothing_leaves_the_machine(
    qloop: QtAsync, mapped: tuple[MapPanel, Store, Selection, list[str]]
) -> None:
    panel, _store, _selection, _refused = mapped

    async def body() -> None:
        await until(lambda: panel.view.ready, what="the page and its layers")
        assert await js(panel.view, "typeof L") == "object"
        assert await js(panel.view, "typeof L.markerClusterGroup") == "function"
        await until(lambda: any("/tiles/" in u for u in panel.view.guard.seen), what="tiles requested")

    qloop.run(body())
    guard = panel.view.guard
    assert list(guard.blocked) == []
    assert guard.seen and all(url.split(":", 1)[0] in LOCAL_SCHEMES for url in guard.seen), guard.seen


# Light pixels (streets, avenues, names) in the base map's tiles the page has loaded; its background and
# blocks are dark slate (red below 60), the page's own background too.
STREET_PIXELS = """(() => {
  let light = 0;
  for (const img of document.querySelectorAll("img.leaflet-tile-loaded")) {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 256;
    const g = canvas.getContext("2d");
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, 256, 256).data;
    for (let i = 0; i < data.length; i += 4) if (data[i] >= 90) light++;
  }
  return light;
})()"""


def test_an_offline_base_map_written_after_the_map_opened_shows_when_it_arrives(
    qloop: QtAsync, qtbot: QtBot, basemap: Path, tmp_path: Path
) -> None:
    """The demo's first run: the backend draws the city's map while the console opens its map page."""
    path = tmp_path / "data" / "demo-basemap-17.mbtiles"
    commands = Commands(lambda _text: None)
    store = Store()
    panel = MapPanel(store, Selection(), commands, HighPriorityAlerts(store), lambda _lat, _lon: None, None, path)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()

    async def body() -> None:
        await until(lambda: panel.view.ready, what="the page")
        await until(lambda: any("/tiles/" in u for u in panel.view.guard.seen), what="tiles asked for")
        assert await js(panel.view, "document.querySelectorAll('img.leaflet-tile-loaded').length") == 0
        assert "Offline base map" in await js(
            panel.view, "document.querySelector('.leaflet-control-attribution').textContent"
        )
        part = path.with_suffix(".part")  # as dispatchd writes it: whole, then renamed into place
        shutil.copyfile(basemap, part)
        part.replace(path)
        await until(lambda: panel.base_map is not None and panel.base_map.present, what="the file noticed")
        await js_until(panel.view, STREET_PIXELS, lambda light: light > 2000, "the city's streets on the map")

    qloop.run(body())
    assert list(panel.view.guard.blocked) == []


def test_clicking_a_marker_selects_and_a_new_incident_arrives_in_one_batch(
    qloop: QtAsync, mapped: tuple[MapPanel, Store, Selection, list[str]]
) -> None:
    panel, store, selection, _refused = mapped

    async def body() -> None:
        await until(lambda: panel.view.ready, what="the page")
        await until(lambda: panel.view.js_ms, what="the first batch")
        assert await js(panel.view, "consoleMap.incidentIds()") == ["i1"]
        await js(panel.view, "(consoleMap.clickIncident('i1'), null)")
        await until(lambda: selection.incident_id == "i1", what="the click selects the incident")
        store.apply(event_from_dict(event(3, "incident.created", "i2", {"incident": incident("i2")}), 3))
        batches = len(panel.view.js_ms)
        panel.push_changes()
        panel.view.flush()  # exactly one batch
        await until(lambda: len(panel.view.js_ms) == batches + 1, what="the batch applied")
        assert sorted(await js(panel.view, "consoleMap.incidentIds()")) == ["i1", "i2"]

    qloop.run(body())


def test_hostile_text_is_shown_as_text_and_never_runs(
    qloop: QtAsync, mapped: tuple[MapPanel, Store, Selection, list[str]]
) -> None:
    panel, _store, _selection, _refused = mapped

    async def body() -> None:
        await until(lambda: panel.view.ready, what="the page")
        await until(lambda: panel.view.js_ms, what="the first batch")
        tooltip = await js(panel.view, "consoleMap.tooltipOf('i1')")
        assert "&lt;img src=x" in tooltip and "&lt;/script&gt;" in tooltip and "<img" not in tooltip
        await js(panel.view, "consoleMap.showUnitPopup('PS-01@police')")
        popup_text = await js(panel.view, "document.querySelector('.unit-popup b').textContent")
        assert popup_text.startswith(HOSTILE)
        assert await js(panel.view, "document.querySelectorAll('.leaflet-container img[src=\"x\"]').length") == 0
        assert await js(panel.view, "typeof window.__pwned") == "undefined"

    qloop.run(body())


def test_right_click_offers_a_new_incident_there_and_search_finds_numbers_and_callsigns(
    qloop: QtAsync, mapped: tuple[MapPanel, Store, Selection, list[str]]
) -> None:
    panel, _store, selection, _refused = mapped
    panel._context_menu(45.7512, 4.8431)
    menu = panel.findChildren(QMenu)[-1]
    action = menu.actions()[0]
    assert action.text() == "Create incident here (45.75120, 4.84310)"
    action.trigger()
    dialog = panel.findChild(CreateIncidentDialog)
    assert dialog is not None
    assert dialog.isVisible() and (dialog.lat.text(), dialog.lon.text()) == ("45.751200", "4.843100")
    dialog.reject()
    panel.search.setText("2026-i1")
    panel.find_place()
    assert selection.incident_id == "i1"
    panel.search.setText(HOSTILE.upper())
    panel.find_place()
    assert panel.follow.isEnabled(), "the callsign was found: it can be followed"


def test_a_unit_popup_dispatches_it_to_the_selected_incident(
    qloop: QtAsync, mapped: tuple[MapPanel, Store, Selection, list[str]]
) -> None:
    panel, _store, selection, sent = mapped

    async def body() -> None:
        await until(lambda: panel.view.ready, what="the page")
        await until(lambda: panel.view.js_ms, what="the first batch")
        selection.select("i1")
        await until(lambda: not panel.view._pending, what="the selection sent")
        await js(panel.view, "(consoleMap.showUnitPopup('PS-01@police'), null)")
        assert await js(panel.view, "document.querySelector('.unit-popup button').disabled") is False
        await js(panel.view, "(document.querySelector('.unit-popup button').click(), null)")
        await until(lambda: sent, what="the dispatch command")

    qloop.run(body())
    assert sent == [f"Could not send {HOSTILE} to 2026-i1: not connected to a dispatch backend yet."]
