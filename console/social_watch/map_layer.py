"""The map's "Social posts" layer: the geotagged posts of the last hour, matched ones standing out."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject, QTimer

from console.map.logic.items import social_post_item
from console.map.surface import MapSurface
from console.social_watch.watch_model import SocialWatchModel
from console.state.store import Store

SOCIAL_WINDOW = timedelta(hours=1)  # geotagged posts of the last hour are on the map
SOCIAL_MAX = 400


class PostsOnMap(QObject):
    """Sends the posts to the map when they change, when its page (re)loads, and as they age out."""

    def __init__(self, social: SocialWatchModel, store: Store, map_surface: MapSurface) -> None:
        super().__init__(social)
        self._social, self._store, self._map = social, store, map_surface
        social.posts_changed.connect(self.send)
        map_surface.page_ready.connect(self.send)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self.send)
        self._clock.start(30_000)

    def send(self) -> None:
        """The geotagged posts of the last hour, newest first (matched ones stand out)."""
        since = self._social.now() - SOCIAL_WINDOW
        watch = self._social.watch
        posts = [p for p in self._store.social_posts.values() if p.position is not None and p.posted_at >= since]
        posts.sort(key=lambda p: p.posted_at, reverse=True)
        items = []
        for post in posts[:SOCIAL_MAX]:
            item = social_post_item(post, [self._social.rule_name(r) for r in watch.matches(post.id)])
            if item is not None:
                items.append(item)
        self._map.set_social_posts(items)
