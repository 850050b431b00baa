"""The social watch's entities as the console holds them: posts, watch rules and sources (pure, no Qt)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.domain.model import MalformedData, _opt, _req, parse_time

_NUM = (int, float)


@dataclass(frozen=True, slots=True)
class PostLink:
    """A post kept with an incident: by whom, when, and the sha256 of its text and metadata then."""

    by: str
    at: datetime
    sha256: str


@dataclass(frozen=True, slots=True)
class SocialPost:
    """A post or article collected by the backend. `text` is plain text from outside: escape it everywhere."""

    id: str
    platform: str
    source_id: str
    author: str
    text: str
    posted_at: datetime
    url: str | None = None
    lang: str | None = None
    lat: float | None = None
    lon: float | None = None
    incident_id: str | None = None
    link: PostLink | None = None
    version: int = 1

    @property
    def position(self) -> tuple[float, float] | None:
        return None if self.lat is None or self.lon is None else (self.lat, self.lon)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SocialPost:
        w = "post"
        location = _opt(d, "location", dict, w)
        link = _opt(d, "link", dict, w)
        return cls(
            id=_req(d, "id", str, w),
            platform=_req(d, "platform", str, w),
            source_id=_opt(d, "source_id", str, w) or "",
            author=_opt(d, "author", str, w) or "",
            text=_req(d, "text", str, w),
            posted_at=parse_time(_req(d, "posted_at", str, w), "post.posted_at"),
            url=_opt(d, "url", str, w),
            lang=_opt(d, "lang", str, w),
            lat=float(_req(location, "lat", _NUM, "post.location")) if location else None,
            lon=float(_req(location, "lon", _NUM, "post.location")) if location else None,
            incident_id=_opt(d, "incident_id", str, w),
            link=(
                PostLink(
                    _req(link, "by", str, "post.link"),
                    parse_time(_req(link, "at", str, "post.link"), "post.link.at"),
                    _req(link, "sha256", str, "post.link"),
                )
                if link
                else None
            ),
            version=_opt(d, "version", int, w) or 1,
        )


@dataclass(frozen=True, slots=True)
class WatchRuleRecord:
    """A watch rule as shared through the backend (the query as typed; `social_watch` compiles it)."""

    id: str
    name: str
    query: str
    languages: tuple[str, ...]
    geofence: Mapping[str, Any] | None
    active: bool
    version: int

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> WatchRuleRecord:
        w = "watch_rule"
        languages = _opt(d, "languages", list, w) or []
        if not all(isinstance(lang, str) for lang in languages):
            raise MalformedData("watch_rule.languages must be strings")
        active = _opt(d, "active", bool, w)
        return cls(
            id=_req(d, "id", str, w),
            name=_req(d, "name", str, w),
            query=_req(d, "query", str, w),
            languages=tuple(languages),
            geofence=_opt(d, "geofence", dict, w),
            active=True if active is None else active,
            version=_req(d, "version", int, w),
        )

    def to_body(self) -> dict[str, Any]:
        """What the backend takes to create or change it."""
        return {
            "name": self.name,
            "query": self.query,
            "languages": list(self.languages),
            "geofence": dict(self.geofence) if self.geofence else None,
            "active": self.active,
        }


@dataclass(frozen=True, slots=True)
class SocialSource:
    """A feed, a Mastodon server or the demo generator, and how its polling goes."""

    id: str
    kind: str
    name: str
    state: str  # starting, ok, failing
    last_error: str | None
    retry_at: datetime | None
    last_ok: datetime | None
    posts: int
    version: int

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SocialSource:
        w = "social_source"
        retry, last_ok = _opt(d, "retry_at", str, w), _opt(d, "last_ok", str, w)
        return cls(
            id=_req(d, "id", str, w),
            kind=_opt(d, "kind", str, w) or "",
            name=_opt(d, "name", str, w) or _req(d, "id", str, w),
            state=_opt(d, "state", str, w) or "starting",
            last_error=_opt(d, "last_error", str, w),
            retry_at=parse_time(retry, "social_source.retry_at") if retry else None,
            last_ok=parse_time(last_ok, "social_source.last_ok") if last_ok else None,
            posts=_opt(d, "posts", int, w) or 0,
            version=_req(d, "version", int, w),
        )
