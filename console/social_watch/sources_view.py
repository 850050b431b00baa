"""The social sources and how their polling goes: a failing one says why and when it is tried again."""

from __future__ import annotations

import html

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from console.domain.social import SocialSource
from console.social_watch.safe_text import one_line
from console.social_watch.watch_model import SocialWatchModel

STATE_MARKS = {"ok": ("●", "#9ccc65"), "failing": ("✖", "#ff8a80"), "starting": ("…", "#cfd8dc")}


def source_line(source: SocialSource) -> str:
    """One line in words (the mark says the state without colour)."""
    mark = STATE_MARKS.get(source.state, ("?", ""))[0]
    name = one_line(source.name, 80)
    if source.state == "failing":
        retry = f"; next try at {source.retry_at.astimezone():%H:%M:%S}" if source.retry_at else ""
        return f"{mark} {name} — FAILING: {one_line(source.last_error or 'unknown error', 200)}{retry}"
    if source.state == "ok":
        return f"{mark} {name} — ok, {source.posts:,} posts"
    return f"{mark} {name} — starting"


class SourcesView(QListWidget):
    def __init__(self, model: SocialWatchModel) -> None:
        super().__init__()
        self._model = model
        model.sources_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.clear()
        for source in sorted(self._model.store.social_sources.values(), key=lambda s: s.name.casefold()):
            item = QListWidgetItem(source_line(source))
            item.setForeground(QColor(STATE_MARKS.get(source.state, ("", "#cfd8dc"))[1]))
            item.setToolTip(f"<p>{html.escape(source_line(source))}</p>")
            self.addItem(item)

    def summary(self) -> str:
        sources = self._model.store.social_sources.values()
        failing = sum(1 for s in sources if s.state == "failing")
        return f"Sources: {len(sources)}" + (f", {failing} FAILING" if failing else ", all ok")
