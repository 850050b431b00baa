"""Plays the alert chime through the workstation's sound server (PipeWire, PulseAudio or ALSA's player, in
a process of its own: nothing waits on the GUI thread); without any of them, the system's beep."""

from __future__ import annotations

import logging
import shutil
import subprocess
import threading
from pathlib import Path

from PySide6.QtWidgets import QApplication

from console.alerting.logic.chime import chime_wav

log = logging.getLogger("console.alerting")
PLAYERS = ("pw-play", "paplay", "aplay")


class AlertSound:
    def __init__(self, folder: Path, players: tuple[str, ...] = PLAYERS) -> None:
        self.path = folder / "alert-chime.wav"
        self.player = next((found for name in players if (found := shutil.which(name))), None)
        self.played = 0
        self._playing: subprocess.Popen[bytes] | None = None
        if self.player is None:
            log.info("no sound player (%s): alerts use the system beep", ", ".join(players))
            return
        try:
            wav = chime_wav()
            if not self.path.exists() or self.path.read_bytes() != wav:
                folder.mkdir(parents=True, exist_ok=True)
                self.path.write_bytes(wav)
        except OSError as exc:
            log.warning("the alert chime cannot be written to %s (%s): alerts use the system beep", self.path, exc)
            self.player = None

    def play(self) -> None:
        """The chime, once (a chime still playing is not doubled)."""
        self.played += 1
        if self.player is None:
            QApplication.beep()
            return
        if self._playing is not None and self._playing.poll() is None:
            return
        try:
            self._playing = subprocess.Popen(
                [self.player, str(self.path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            reaper = threading.Thread(target=self._playing.wait, name="chime-reaper", daemon=True)
            reaper.start()  # reaps the player when it ends
        except OSError as exc:
            log.warning("the alert chime could not be played (%s)", exc)
            QApplication.beep()

    def close(self) -> None:
        """Let a chime that is playing finish (at most 2 s)."""
        if self._playing is not None:
            try:
                self._playing.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self._playing.kill()
                self._playing.wait()
