"""The social watch fed from the store, for the panel, the map and the alerts (one object, shared).

It follows the store's posts and rules, keeps a SocialWatch up to date, tells its views a few times a
second at most, and looks for spikes every few seconds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from console.social_watch.logic.watch import KEEP, SocialWatch, SpikeAlert
from console.state.store import Store

log = logging.getLogger("console.social")
SPIKE_CHECK_MS = 5000
NOTIFY_MS = 250


class SocialWatchModel(QObject):
    """Owns the SocialWatch of one console."""

    posts_changed = Signal()
    """Posts were added, changed or matched again (coalesced, at most every 250 ms)."""
    rules_changed = Signal()
    """A watch rule was created or changed."""
    sources_changed = Signal()
    """A source's status changed."""
    spike_detected = Signal(object)
    """A rule bursts: the SpikeAlert."""

    def __init__(self, store: Store, now: Callable[[], datetime] | None = None) -> None:
        """`now`: the time (the store's clock, which a replay sets, unless a test gives its own)."""
        super().__init__()
        self.store = store
        self.watch = SocialWatch()
        self.now = now or store.now
        self.alerts: list[SpikeAlert] = []
        self._notify = QTimer(self)
        self._notify.setSingleShot(True)
        self._notify.setInterval(NOTIFY_MS)
        self._notify.timeout.connect(self.posts_changed)
        self._spikes = QTimer(self)
        self._spikes.timeout.connect(self.check_spikes)
        self._spikes.start(SPIKE_CHECK_MS)
        store.reset_done.connect(self._reset)
        store.social_post_changed.connect(self._on_post)
        store.watch_rule_changed.connect(self._on_rule)
        store.social_source_changed.connect(lambda _id: self.sources_changed.emit())
        self._reset()

    def _reset(self) -> None:
        for record in self.store.watch_rules.values():
            self.watch.set_rule(record)
        self.watch.load(self.store.social_posts.values())
        self.rules_changed.emit()
        self.sources_changed.emit()
        self.posts_changed.emit()

    def _on_post(self, post_id: str, _created: bool) -> None:
        post = self.store.social_posts.get(post_id)
        if post is not None:
            self.watch.add(post)
        if not self._notify.isActive():
            self._notify.start()

    def _on_rule(self, rule_id: str) -> None:
        record = self.store.watch_rules.get(rule_id)
        if record is not None:
            self.watch.set_rule(record)
        self.rules_changed.emit()
        self.posts_changed.emit()

    def check_spikes(self) -> list[SpikeAlert]:
        """Look now (the timer does it every 5 s); emits `spike_detected` for each new spike."""
        now = self.now()
        self.watch.forget_before(now - KEEP)
        found = self.watch.check_spikes(now)
        for alert in found:
            log.warning(
                "spike on %r: %d posts this minute (usual %.1f)",
                alert.rule_name,
                alert.spike.count,
                alert.spike.baseline,
            )
            self.alerts.append(alert)
            self.spike_detected.emit(alert)
        return found

    def rule_name(self, rule_id: str) -> str:
        return self.watch.names.get(rule_id, rule_id)
