"""Layout profiles: which panel is where, on which screen, saved by name (pure: JSON in and out).

    {"name": "Supervisor — 3 screens", "version": 1,
     "main": {"geometry": [x, y, w, h], "screen": {"name": "DP-1", "geometry": [...]}, "state": "<base64>"},
     "panels": {"social": {"floating": true, "visible": true, "geometry": [...], "screen": {...}}, …},
     "wall_screen": "HDMI-2"}

`state` is the main window's own dock arrangement (QMainWindow.saveState, base64); floating panels and the
full-screen wall are placed by screen, so that a missing screen sends them to one that exists.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from console.i18n import N_, tr
from console.layout.logic.placement import Rect, ScreenInfo

PROFILE_VERSION = 1
BUILT_IN = (N_("Supervisor — 3 screens"), N_("Operator — 2 screens"), N_("Trainer — 1 screen"))


class ProfileError(ValueError):
    """A profile that cannot be read; the message says which and why."""


@dataclass(frozen=True)
class PanelPlacement:
    floating: bool
    visible: bool
    geometry: Rect | None = None
    screen: ScreenInfo | None = None


@dataclass
class Profile:
    name: str
    main_geometry: Rect
    main_screen: ScreenInfo | None
    main_state: str = ""
    panels: dict[str, PanelPlacement] = field(default_factory=dict)
    wall_screen: str = ""  # the screen's name where the wall is full screen ("" when it is a panel)

    def to_json(self) -> str:
        return json.dumps(
            {
                "name": self.name,
                "version": PROFILE_VERSION,
                "main": {
                    "geometry": self.main_geometry.to_list(),
                    "screen": self.main_screen.to_dict() if self.main_screen else None,
                    "state": self.main_state,
                },
                "panels": {
                    name: {
                        "floating": p.floating,
                        "visible": p.visible,
                        "geometry": p.geometry.to_list() if p.geometry else None,
                        "screen": p.screen.to_dict() if p.screen else None,
                    }
                    for name, p in self.panels.items()
                },
                "wall_screen": self.wall_screen,
            },
            ensure_ascii=False,
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str, source: str = "profile") -> Profile:
        try:
            raw = json.loads(text)
            if int(raw.get("version", 0)) > PROFILE_VERSION:
                raise ProfileError(
                    tr("{source} was saved by a newer console; update it to use this profile", source=source)
                )
            main = raw["main"]
            panels = {
                str(name): PanelPlacement(
                    bool(p["floating"]),
                    bool(p["visible"]),
                    Rect.of(p["geometry"]) if p.get("geometry") else None,
                    ScreenInfo.of(p["screen"]) if p.get("screen") else None,
                )
                for name, p in (raw.get("panels") or {}).items()
            }
            return cls(
                str(raw["name"]),
                Rect.of(main["geometry"]),
                ScreenInfo.of(main["screen"]) if main.get("screen") else None,
                str(main.get("state") or ""),
                panels,
                str(raw.get("wall_screen") or ""),
            )
        except ProfileError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ProfileError(tr("{source} cannot be read ({exc})", source=source, exc=exc)) from None


def file_name(name: str) -> str:
    """A profile's file: its name with anything but letters, digits and dashes made a dash."""
    return re.sub(r"[^\w-]+", "-", name, flags=re.UNICODE).strip("-").lower() + ".json"


def save(folder: Path, profile: Profile) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name(profile.name)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(profile.to_json(), encoding="utf-8")
    tmp.replace(path)
    return path


def load(folder: Path, name: str) -> Profile:
    path = folder / file_name(name)
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.json"))) or tr("none saved yet")
        raise ProfileError(tr("there is no layout profile {name!r} (saved: {known})", name=name, known=known))
    return Profile.from_json(path.read_text(encoding="utf-8"), path.name)


def names(folder: Path) -> list[str]:
    """The saved profiles' names."""
    found = []
    for path in sorted(folder.glob("*.json")):
        try:
            found.append(Profile.from_json(path.read_text(encoding="utf-8"), path.name).name)
        except (ProfileError, OSError):
            continue
    return found


def _part(screen: ScreenInfo, x: float, y: float, w: float, h: float) -> Rect:
    """A share of a screen (fractions of its size)."""
    g = screen.geometry
    return Rect(g.x + int(g.w * x), g.y + int(g.h * y), int(g.w * w), int(g.h * h))


def builtin_name(name: str) -> str | None:
    """The built-in profile a name means, in English or in the operator's language (`--profile` takes both)."""
    return next((b for b in BUILT_IN if name in (b, tr(b))), None)


def builtin_profile(name: str, screens: list[ScreenInfo], panels: list[str]) -> Profile:
    """The profiles every console has, fitted to the screens there are (primary first):
    Trainer — 1 screen: everything in the main window. Operator — 2 screens: the wall full screen on the
    second. Supervisor — 3 screens: the wall on the second, social watch, units and alerts on the third."""
    if builtin_name(name) is None:
        raise ProfileError(tr("there is no built-in layout profile {name!r}", name=name))
    name = builtin_name(name) or name
    first = screens[0]
    profile = Profile(name, first.geometry, first, "", {p: PanelPlacement(False, True) for p in panels})
    wants = BUILT_IN.index(name)  # 0: supervisor (3), 1: operator (2), 2: trainer (1)
    if wants <= 1 and len(screens) >= 2:
        profile.wall_screen = screens[1].name
        if "wall" in profile.panels:
            profile.panels["wall"] = PanelPlacement(False, False)
    if wants == 0 and len(screens) >= 3:
        third = screens[2]
        for panel, part in (
            ("social", _part(third, 0, 0, 0.5, 1)),
            ("units", _part(third, 0.5, 0, 0.5, 0.6)),
            ("alert_log", _part(third, 0.5, 0.6, 0.5, 0.4)),
        ):
            if panel in profile.panels:
                profile.panels[panel] = PanelPlacement(True, True, part, third)
    return profile
