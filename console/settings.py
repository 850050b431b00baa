"""Declared settings (each once: type, default, description) and the user's folders."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from console.i18n import tr

log = logging.getLogger("console.settings")


def config_dir() -> Path:
    """`$CONSOLE_CONFIG_DIR`, else `$XDG_CONFIG_HOME/command-console`, else `~/.config/command-console`."""
    if env := os.environ.get("CONSOLE_CONFIG_DIR"):
        return Path(env)
    return Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "command-console"


def data_dir() -> Path:
    """`$CONSOLE_DATA_DIR`, else `$XDG_DATA_HOME/command-console`, else `~/.local/share/command-console`."""
    if env := os.environ.get("CONSOLE_DATA_DIR"):
        return Path(env)
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "command-console"


@dataclass
class Settings:
    """What the user may set; the descriptions are the documentation (README: Configuration)."""

    backend_url: str = "http://127.0.0.1:8765"
    """Dispatch backend used when neither --demo nor --backend is given."""
    ca_file: str = ""
    """The centre's own certificate authority (PEM file) that the backend's certificate is checked against;
    empty: the system's authorities."""
    idle_lock_minutes: float = 15.0
    """Minutes without keyboard or mouse before every window is covered and the password asked again (1 to 30;
    Ctrl+L locks at once)."""
    username: str = ""
    """User name offered in the login dialog."""
    demo_seed: int = 17
    """Seed of the embedded demo city (same seed, same city)."""
    demo_incident_interval_s: float = 45.0
    """Mean seconds between new incidents in the demo."""
    map_tile_url: str = ""
    """XYZ tile URL of the centre's tile server (`https://tiles.example/{z}/{x}/{y}.png`); the only host the map
    may reach. Empty: offline tiles from `map_mbtiles`."""
    map_mbtiles: str = ""
    """Path of an MBTiles file for offline tiles (the demo generates its city's)."""
    wall_layout: str = "2×2"
    """Video wall layout at start: 1×1 … 5×5, "1 big + 5", "1 big + 7" or "2 big + 8"."""
    language: str = "auto"
    """The console's language: "fr", "en", or "auto" (French when the system's locale is French)."""
    theme: str = "dark"
    """The look: "dark" (the control room's), "light" or "high-contrast"."""
    text_scale: float = 1.0
    """Text size, 1.0 as designed (0.8 to 2.0): larger for a wall of screens seen from afar."""
    session_folder: str = ""
    """Record every session into this folder (one file per session, named by its start); empty: only with
    --record FILE."""
    wall_screen: int = 0
    """0: the video wall is a panel of the main window. N: at start it goes full screen on screen N (1, 2, …)."""

    problem: tuple[str, str] | None = field(default=None, compare=False, repr=False, metadata={"saved": False})
    """(why, the name it was set aside as) when the settings file could not be used: the console says so."""

    def problem_message(self) -> str:
        """What the operator is told about an unusable settings file ("" when it was fine), in their language
        (the settings are read before the language is installed)."""
        if self.problem is None:
            return ""
        return tr(
            "Your settings file could not be read ({exc}); it was set aside as {name} and the console "
            "started with its default settings.",
            exc=self.problem[0],
            name=self.problem[1],
        )

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read settings.json; a corrupt file is set aside (renamed) and defaults are used."""
        path = path or config_dir() / "settings.json"
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("not a JSON object")  # i18n: not shown (said through problem_message)
            known = {f.name: f.type for f in fields(cls) if f.name != "problem"}
            values: dict[str, Any] = {k: v for k, v in raw.items() if k in known}
            settings = cls(**values)
        except (ValueError, TypeError) as exc:
            aside = path.with_suffix(".corrupt.json")
            path.replace(aside)
            log.error("settings file %s was unreadable (%s); set aside as %s, using defaults", path, exc, aside)
            defaults = cls()
            defaults.problem = (str(exc), aside.name)
            return defaults
        return settings

    def save(self, path: Path | None = None) -> None:
        """Write settings.json (through a temporary file: a crash never leaves half a file)."""
        path = path or config_dir() / "settings.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        kept = {k: v for k, v in asdict(self).items() if k != "problem"}
        tmp.write_text(json.dumps(kept, indent=1, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
