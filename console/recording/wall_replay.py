"""The video wall in a replay: what the operator had on the wall, each camera playing its recording from the
replayed time ("no recording for this time" on its tile when the backend no longer keeps it)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any, Protocol

from PySide6.QtCore import QObject

from console.recording.player import SessionPlayer
from console.videowall.logic.wall_state import WallState, replayed_wall, wall_from_dict

log = logging.getLogger("console.recording")


class ShowsWall(Protocol):
    """A wall that can be told what to show."""

    def set_state(self, state: WallState) -> None: ...


class WallReplay(QObject):
    """Follows the player's "wall" actions (and the wall at each seek) onto a wall panel."""

    def __init__(self, player: SessionPlayer, wall: ShowsWall) -> None:
        super().__init__(player)  # lives as long as the player
        self._player, self._wall = player, wall
        player.action_replayed.connect(self._on_action)

    def _on_action(self, name: str, body: dict[str, Any]) -> None:
        if name != "wall":
            return
        try:
            state = wall_from_dict(body["state"])
        except (KeyError, ValueError) as exc:
            log.error("the recorded wall cannot be read: %s", exc)
            return
        at = datetime.fromtimestamp(self._player.clock.position, UTC)
        names = {camera.id: camera.name for camera in self._player.store.cameras.values()}
        self._wall.set_state(replayed_wall(state, at, datetime.now(UTC), names))
