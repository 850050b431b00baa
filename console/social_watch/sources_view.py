"""The social sources and how their polling goes: a failing one says why and when it is tried again."""

from __future__ import annotations

import html

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from console.domain.safe_text import one_line
from console.domain.social import SocialSource
from console.i18n import tr
from console.i18n.formats import number
from console.social_watch.watch_model import SocialWatchModel

STATE_MARKS = {"ok": ("●", "#9ccc65"), "failing": ("✖", "#ff8a80"), "starting": ("…", "#cfd8dc")}


def source_line(source: SocialSource) -> str:
    """One line in words (the mark says the state without colour)."""
    mark = STATE_MARKS.get(source.state, ("?", ""))[0]
    name = one_line(source.name, 80)
    if source.state == "failing":
        retry = tr("; next try at {time:%H:%M:%S}", time=source.retry_at.astimezone()) if source.retry_at else ""
        return tr(
            "{mark} {name} — FAILING: {error}{retry}",
            mark=mark,
            name=name,
            error=one_line(source.last_error or tr("unknown error"), 200),
            retry=retry,
        )
    if source.state == "ok":
        return tr("{mark} {name} — ok, {posts} posts", mark=mark, name=name, posts=number(source.posts))
    return tr("{mark} {name} — starting", mark=mark, name=name)


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
        return tr("Sources: {count}", count=len(sources)) + (
            tr(", {failing} FAILING", failing=failing) if failing else tr(", all ok")
        )
