"""The alert log (tabbed with Units) and its chime: incidents of high priority, social spikes and cameras that
fail, each acknowledged once wherever the operator does it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, SignalInstance

from console.alerting.panel import AlertCenter, AlertLogPanel
from console.alerting.sound import AlertSound
from console.core import Core
from console.i18n import tr
from console.settings import data_dir
from console.social_watch.install import SocialWatch
from console.social_watch.logic.spike_text import alert_text
from console.social_watch.logic.watch import SpikeAlert
from console.videowall.install import VideoWall


@dataclass
class Alerting:
    center: AlertCenter
    panel: AlertLogPanel


def listen(
    center: AlertCenter,
    spike_detected: SignalInstance,
    spike_acknowledged: SignalInstance,
    acknowledge_spike: Callable[[str], None],
    feed_failed: SignalInstance,
) -> None:
    """The alerts other capabilities raise: social spikes (acknowledged on their strip too) and failing feeds."""
    raise_spike = center.add_source("social", acknowledge_spike)

    def spiked(spike: SpikeAlert) -> None:
        raise_spike(spike.rule_id, alert_text(spike))

    spike_detected.connect(spiked)
    spike_acknowledged.connect(lambda rule_id: center.acknowledged_elsewhere("social", rule_id))
    raise_camera = center.add_source("camera")
    feed_failed.connect(lambda camera, reason: raise_camera(camera, f"{camera}: {reason}"))


def install(core: Core, social: SocialWatch, wall: VideoWall) -> Alerting:
    center = AlertCenter(core.store, core.alerts, core.queries.user_name, AlertSound(data_dir()))
    bar = social.spike_bar
    listen(center, social.model.spike_detected, bar.acknowledged, bar.acknowledge, wall.panel.grid.feed_failed)
    panel = AlertLogPanel(center)
    dock = core.window.add_panel("alert_log", tr("Alerts"), panel, Qt.DockWidgetArea.LeftDockWidgetArea)
    core.window.tabifyDockWidget(core.window.docks["units"], dock)
    core.window.docks["units"].raise_()
    return Alerting(center, panel)
