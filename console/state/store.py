"""Store: the single source of truth of the console; applies events in seq order and signals each change."""

from __future__ import annotations

import logging
import time
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from console.domain.clock import ConsoleClock
from console.domain.events import Event, MalformedEvent
from console.domain.model import (
    BaseMap,
    Bookmark,
    CallerInvite,
    CallerPosition,
    Camera,
    Incident,
    IncidentType,
    MediaItem,
    Sector,
    Track,
    Unit,
)
from console.domain.social import SocialPost, SocialSource, WatchRuleRecord
from console.domain.state import DispatchState, Outcome

log = logging.getLogger("console.store")


class Store(QObject):
    """Wraps DispatchState for the views: read through its properties, follow its signals.

    Views never change it: only the event stream (live) or the session player (replay) does.
    """

    incident_changed = Signal(str, bool)
    """An incident was created (True) or changed (False): its id."""
    unit_changed = Signal(str, bool)
    """A unit was created (True) or changed (False): its id."""
    camera_changed = Signal(str, bool)
    """A camera was created (True) or changed (False): its id."""
    bookmark_changed = Signal(str)
    """A bookmark was tagged, changed, locked or deleted: its id."""
    social_post_changed = Signal(str, bool)
    """A post was collected (True) or changed, e.g. linked to an incident (False): its id."""
    watch_rule_changed = Signal(str)
    """A watch rule was created or changed: its id."""
    social_source_changed = Signal(str)
    """A social source's status changed: its id."""
    exercise_changed = Signal()
    """The backend started, advanced or ended a training exercise."""
    media_added = Signal(str)
    """A media item was attached to an incident: its id."""
    reference_changed = Signal(str)
    """The centre's sectors (`sector`), incident types (`incident_type`) or base map (`map`) changed; also after
    each reset."""
    track_changed = Signal(str)
    """A TAK track of no unit was heard, or mapped to a unit: its uid."""
    link_changed = Signal(str)
    """A backend link (TAK) changed state: its name."""
    warning_changed = Signal(str)
    """A public warning (CAP) was issued, updated or cancelled: its major event's id."""
    invite_changed = Signal(str)
    """A link given to a caller was made, used, revoked or expired: its incident's id."""
    caller_moved = Signal(str)
    """A caller's phone said where it is: the incident's id."""
    reset_done = Signal()
    """Everything was replaced (snapshot loaded): views rebuild."""
    snapshot_loaded = Signal(object)
    """The snapshot dict the state was just replaced with (for recorders; emitted before reset_done)."""
    malformed_event = Signal(int, str)
    """An event was skipped as unusable: its seq and why."""
    event_applied = Signal(object)
    """An event was applied (after the per-entity signals): the Event, for timelines and recorders."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = DispatchState()
        self.applied_count = 0
        self.malformed_count = 0
        self.last_event_wallclock: float | None = None
        self.clock = ConsoleClock()
        """The time the state is at: the wall clock live, the replayed time in a replay (the player sets it)."""

    def now(self) -> datetime:
        """Now, for views: ages, stale positions, "3 min ago"."""
        return self.clock.now()

    # --- reading ---------------------------------------------------------------------------
    @property
    def last_seq(self) -> int:
        return self._state.last_seq

    @property
    def incidents(self) -> dict[str, Incident]:
        return self._state.incidents

    @property
    def units(self) -> dict[str, Unit]:
        return self._state.units

    @property
    def cameras(self) -> dict[str, Camera]:
        return self._state.cameras

    @property
    def media(self) -> dict[str, MediaItem]:
        return self._state.media

    @property
    def bookmarks(self) -> dict[str, Bookmark]:
        return self._state.bookmarks

    @property
    def sectors(self) -> dict[str, Sector]:
        return self._state.sectors

    @property
    def incident_types(self) -> dict[str, IncidentType]:
        return self._state.incident_types

    @property
    def base_map(self) -> BaseMap | None:
        return self._state.base_map

    @property
    def exercise(self) -> dict[str, Any] | None:
        return self._state.exercise

    @property
    def social_posts(self) -> dict[str, SocialPost]:
        return self._state.social_posts

    @property
    def watch_rules(self) -> dict[str, WatchRuleRecord]:
        return self._state.watch_rules

    @property
    def social_sources(self) -> dict[str, SocialSource]:
        return self._state.social_sources

    @property
    def tracks(self) -> dict[str, Track]:
        return self._state.tracks

    @property
    def links(self) -> dict[str, dict[str, Any]]:
        return self._state.links

    @property
    def warnings(self) -> dict[str, dict[str, Any]]:
        return self._state.warnings

    @property
    def invites(self) -> dict[str, CallerInvite]:
        return self._state.invites

    @property
    def caller_positions(self) -> dict[str, CallerPosition]:
        return self._state.caller_positions

    # --- feeding (EventSink) ---------------------------------------------------------------
    def reset(self, snapshot: dict[str, Any]) -> None:
        for problem in self._state.load_snapshot(snapshot):
            log.error("snapshot: skipped a malformed entity: %s", problem)
        self.snapshot_loaded.emit(snapshot)
        self.reset_done.emit()
        for kind in ("sector", "incident_type", "map"):
            self.reference_changed.emit(kind)

    def apply(self, event: Event) -> Outcome:
        try:
            result = self._state.apply(event)
        except MalformedEvent as error:
            return self.malformed(error)
        if result.outcome is Outcome.APPLIED:
            self.applied_count += 1
            self.last_event_wallclock = time.time()
            for change in result.changes:
                if change.kind == "incident":
                    self.incident_changed.emit(change.id, change.created)
                elif change.kind == "unit":
                    self.unit_changed.emit(change.id, change.created)
                elif change.kind == "camera":
                    self.camera_changed.emit(change.id, change.created)
                elif change.kind == "media":
                    self.media_added.emit(change.id)
                elif change.kind == "bookmark":
                    self.bookmark_changed.emit(change.id)
                elif change.kind == "exercise":
                    self.exercise_changed.emit()
                elif change.kind == "social_post":
                    self.social_post_changed.emit(change.id, change.created)
                elif change.kind == "watch_rule":
                    self.watch_rule_changed.emit(change.id)
                elif change.kind == "social_source":
                    self.social_source_changed.emit(change.id)
                elif change.kind in ("sector", "incident_type", "map"):
                    self.reference_changed.emit(change.kind)
                elif change.kind == "track":
                    self.track_changed.emit(change.id)
                elif change.kind == "link":
                    self.link_changed.emit(change.id)
                elif change.kind == "warning":
                    self.warning_changed.emit(change.id)
                elif change.kind == "invite":
                    self.invite_changed.emit(change.id)
                elif change.kind == "caller":
                    self.caller_moved.emit(change.id)
            self.event_applied.emit(event)
        return result.outcome

    def malformed(self, error: MalformedEvent) -> Outcome:
        outcome = self._state.skip(error)
        if outcome is Outcome.SKIPPED:
            self.malformed_count += 1
            log.error("skipped malformed event seq=%d: %s", error.seq, error.reason)
            self.malformed_event.emit(error.seq, error.reason)
        return outcome
