"""The incident's links in its detail: the incidents linked or merged, the repeat place, the posts that may be
about it (link one, or dismiss it for good), and Link with… / Merge into… (the open incidents that may be the
same event first). Everything here is a suggestion the operator confirms; dispatchd computes them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.backend.commands import Commands
from console.backend.queries import Queries
from console.domain.events import Event
from console.domain.model import Incident, MalformedData, parse
from console.domain.social import SocialPost
from console.i18n import tr
from console.operations.linking import links_text, repeat_place_text, suggestion_text, suggestions_title
from console.operations.new_incident import candidate_text
from console.state.store import Store

REFRESHING = frozenset({"social.post", "suggestion.dismissed", "incident.created", "incident.closed"})


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class LinkingBox(QWidget):
    def __init__(self, store: Store, commands: Commands, queries: Queries, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._commands, self._queries = store, commands, queries
        self._incident_id = ""
        self._suggestions: list[dict[str, Any]] = []
        self.links = _plain()
        self.links.setStyleSheet("color: #9ecbff;")
        self.repeat = _plain()
        self.repeat.setStyleSheet("color: #ffb300; font-weight: bold;")
        self.link_with = QPushButton(tr("Link with…"))
        self.link_with.clicked.connect(lambda: self._choose(merge=False))
        self.merge_into = QPushButton(tr("Merge into…"))
        self.merge_into.setToolTip(tr("This incident is a duplicate: close it and move its units, media, notes "
                                      "and clips to the other"))  # fmt: skip
        self.merge_into.clicked.connect(lambda: self._choose(merge=True))
        self.posts_title = _plain()
        self.posts_title.setStyleSheet("font-weight: bold;")
        self.posts = QListWidget()
        self.posts.setWordWrap(True)
        self.posts.setMaximumHeight(120)
        self.link_post = QPushButton(tr("Link the post"))
        self.link_post.clicked.connect(self.link_selected_post)
        self.dismiss_post = QPushButton(tr("Not about it"))
        self.dismiss_post.clicked.connect(self.dismiss_selected_post)
        self.menu: QMenu | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.links, 1)
        buttons.addWidget(self.link_with)
        buttons.addWidget(self.merge_into)
        post_buttons = QHBoxLayout()
        post_buttons.addStretch(1)
        post_buttons.addWidget(self.link_post)
        post_buttons.addWidget(self.dismiss_post)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.repeat)
        layout.addLayout(buttons)
        layout.addWidget(self.posts_title)
        layout.addWidget(self.posts)
        layout.addLayout(post_buttons)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(1000)  # a burst of posts asks once
        self._later.timeout.connect(self.refresh)
        store.event_applied.connect(self._on_event)
        store.incident_changed.connect(lambda incident_id, _c: self._show_links() if incident_id == self._incident_id
                                       else None)  # fmt: skip
        self._show_suggestions([])

    def show_incident(self, incident_id: str) -> None:
        self._incident_id = incident_id
        self.repeat.clear()
        self._show_suggestions([])
        self.refresh()

    def _incident(self) -> Incident | None:
        return self._store.incidents.get(self._incident_id)

    def _on_event(self, event: Event) -> None:
        if self._incident_id and event.type in REFRESHING:
            self._later.start()

    def refresh(self) -> None:
        self._show_links()
        if not self._incident_id:
            return
        asked = self._incident_id
        self._queries.post_suggestions(asked, lambda found: self._show_suggestions(found) if asked ==
                                       self._incident_id else None)  # fmt: skip
        self._queries.repeat_place(asked, lambda found: self.repeat.setText(repeat_place_text(found, asked))
                                   if asked == self._incident_id else None)  # fmt: skip

    def _show_links(self) -> None:
        incident = self._incident()
        self.links.setText(links_text(incident, self._store.incidents) if incident else "")
        open_ = incident is not None and incident.is_open and not self._commands.read_only
        self.link_with.setEnabled(open_)
        self.merge_into.setEnabled(open_)

    def _show_suggestions(self, found: list[dict[str, Any]]) -> None:
        self._suggestions = [s for s in found if isinstance(s, dict) and isinstance(s.get("post"), dict)]
        self.posts.clear()
        for suggestion in self._suggestions:
            item = QListWidgetItem(suggestion_text(suggestion))
            item.setData(Qt.ItemDataRole.UserRole, suggestion["post"]["id"])
            self.posts.addItem(item)
        if self._suggestions:
            self.posts.setCurrentRow(0)
        self.posts_title.setText(suggestions_title(len(self._suggestions)))
        for widget in (self.posts_title, self.posts, self.link_post, self.dismiss_post):
            widget.setVisible(bool(self._suggestions))

    def _selected_post(self) -> dict[str, Any] | None:
        item = self.posts.currentItem()
        post_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((s["post"] for s in self._suggestions if s["post"]["id"] == post_id), None)

    def link_selected_post(self) -> None:
        incident, raw = self._incident(), self._selected_post()
        if incident is None or raw is None:
            return
        try:
            post = parse(SocialPost, raw, "post")
        except MalformedData:
            return
        if self._commands.link_post(post, incident) is not None:
            self._drop(post.id)

    def dismiss_selected_post(self) -> None:
        incident, post = self._incident(), self._selected_post()
        if incident is not None and post is not None and self._commands.dismiss_suggestion(incident, post["id"]):
            self._drop(post["id"])

    def _drop(self, post_id: str) -> None:
        self._show_suggestions([s for s in self._suggestions if s["post"]["id"] != post_id])

    # --- link with, merge into --------------------------------------------------------------------------------
    def _choose(self, merge: bool) -> None:
        incident = self._incident()
        if incident is None:
            return
        location = incident.location
        self._queries.duplicates(
            incident.type_code, location.lat, location.lon, lambda found: self._offer(incident, found, merge)
        )

    def _offer(self, incident: Incident, found: list[dict[str, Any]], merge: bool) -> None:
        menu = QMenu(self)
        title = tr("Merge {number} into…", number=incident.number) if merge else tr("Link {number} with…",
                                                                                   number=incident.number)  # fmt: skip
        menu.addAction(title).setEnabled(False)
        for candidate in found:
            other = self._store.incidents.get(candidate["incident_id"])
            if other is None or other.id == incident.id:
                continue
            action = menu.addAction(candidate_text(candidate))
            action.triggered.connect(lambda _=False, o=other: self.act(incident, o, merge))
        menu.addAction(tr("Another incident, by its number…"), lambda: self._by_number(incident, merge))
        self.menu = menu
        menu.popup(self.mapToGlobal(self.merge_into.geometry().bottomLeft() if merge else
                                    self.link_with.geometry().bottomLeft()))  # fmt: skip

    def _by_number(self, incident: Incident, merge: bool) -> None:
        number, ok = QInputDialog.getText(self, tr("Incident number"), tr("Number (e.g. 2026-000123):"))
        other = next((i for i in self._store.incidents.values() if i.number == number.strip()), None)
        if ok and other is not None and other.id != incident.id:
            self.act(incident, other, merge)

    def act(self, incident: Incident, other: Incident, merge: bool) -> None:
        if merge:
            self._commands.merge_incident(incident, other)
        else:
            self._commands.link_incidents(incident, other)
