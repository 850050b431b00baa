"""Social sources as configured in dispatchd's settings (a JSON file given with `--social-sources`).

    {"sources": [
      {"id": "lemonde", "kind": "rss", "name": "Le Monde — à la une", "url": "https://…/rss.xml", "interval_s": 120},
      {"id": "masto", "kind": "mastodon", "name": "mastodon.social", "url": "https://mastodon.social",
       "hashtags": ["manif", "greve"], "public_timeline": false, "interval_s": 60}
    ]}

`kind` is `rss` (RSS or Atom) or `mastodon`; the demo adds its own generated source.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS = ("rss", "mastodon", "demo")


class SourceConfigError(ValueError):
    """The sources file cannot be used; the message says where."""


@dataclass(frozen=True, slots=True)
class SourceConfig:
    id: str
    kind: str
    name: str
    url: str = ""
    interval_s: float = 60.0
    timeout_s: float = 10.0
    hashtags: tuple[str, ...] = ()
    public_timeline: bool = False
    lang: str | None = None  # for feeds that do not say their language
    options: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any], where: str) -> SourceConfig:
        if not isinstance(raw, Mapping):
            raise SourceConfigError(f"{where} is not an object")
        kind = raw.get("kind")
        if kind not in KINDS:
            raise SourceConfigError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        source_id = str(raw.get("id") or "").strip()
        if not source_id:
            raise SourceConfigError(f"{where} has no id")
        url = str(raw.get("url") or "")
        if kind != "demo" and not url.startswith(("http://", "https://")):
            raise SourceConfigError(f"{where} ({source_id}): url must be an http(s) address, not {url!r}")
        interval = float(raw.get("interval_s", 60.0))
        if interval <= 0:
            raise SourceConfigError(f"{where} ({source_id}): interval_s must be positive")
        return cls(
            source_id,
            kind,
            str(raw.get("name") or source_id),
            url,
            interval,
            float(raw.get("timeout_s", 10.0)),
            tuple(str(tag).lstrip("#") for tag in raw.get("hashtags") or ()),
            bool(raw.get("public_timeline", False)),
            raw.get("lang"),
            {k: v for k, v in raw.items() if k not in cls.__slots__},
        )

    def public(self) -> dict[str, Any]:
        """What consoles see of the source (no secrets in our configs, but no options either)."""
        return {"id": self.id, "kind": self.kind, "name": self.name, "url": self.url, "interval_s": self.interval_s}


def load_sources(path: Path) -> list[SourceConfig]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SourceConfigError(f"cannot read the social sources file {path}: {exc}") from exc
    items = raw.get("sources") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        raise SourceConfigError(f"{path}: expected an object with a list 'sources'")
    sources = [SourceConfig.from_dict(item, f"{path.name}: source {i + 1}") for i, item in enumerate(items)]
    ids = [s.id for s in sources]
    if len(set(ids)) != len(ids):
        raise SourceConfigError(f"{path}: two sources have the same id")
    return sources
