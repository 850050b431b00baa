"""The social watch: its model, the panel beside Dispatch, the spike strip, and its ties to the map."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from console.core import Core
from console.i18n import tr
from console.map.surface import MapSurface
from console.social_watch.alert_bar import SpikeAlertBar
from console.social_watch.logic.spike_text import alert_text
from console.social_watch.map_layer import PostsOnMap
from console.social_watch.panel import SocialWatchPanel
from console.social_watch.watch_model import SocialWatchModel


@dataclass
class SocialWatch:
    model: SocialWatchModel
    panel: SocialWatchPanel
    spike_bar: SpikeAlertBar
    posts_on_map: PostsOnMap


def install(core: Core, map_surface: MapSurface) -> SocialWatch:
    window = core.window
    model = SocialWatchModel(core.store)
    spike_bar = SpikeAlertBar(model)
    window.add_top_bar(spike_bar)
    panel = SocialWatchPanel(model, core.store, core.commands, core.selection, core.notifier)
    dock = window.add_panel("social", tr("Social watch"), panel, Qt.DockWidgetArea.RightDockWidgetArea)
    window.tabifyDockWidget(window.docks["dispatch"], dock)
    window.docks["dispatch"].raise_()
    panel.location_requested.connect(lambda lat, lon: map_surface.focus(lat, lon, 17))
    panel.geofence_shown.connect(map_surface.show_geofence)
    panel.draw_requested.connect(lambda: map_surface.draw_for(panel.area_drawn))

    def show_spike(rule_id: str) -> None:
        window.show_panel("social")
        panel.show_rule(rule_id)
        spike_bar.acknowledge(rule_id)

    spike_bar.show_requested.connect(show_spike)
    model.spike_detected.connect(lambda alert: core.notifier.warning(alert_text(alert)))
    return SocialWatch(model, panel, spike_bar, PostsOnMap(model, core.store, map_surface))
