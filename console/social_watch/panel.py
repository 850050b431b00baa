"""The social watch panel: rule filter and editor, per-rule charts, matched posts newest first, the chosen
post in full with its actions, and the sources' status."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.backend.commands import Commands
from console.domain.social import SocialPost, WatchRuleRecord
from console.i18n import tr
from console.social_watch.charts import RuleCharts
from console.social_watch.logic.watch import EVERY_POST
from console.social_watch.post_detail import PostDetail
from console.social_watch.post_list import HEADER_ROLE, POST_ROLE, PostDelegate, PostListModel
from console.social_watch.rule_editor import IncidentPlace, RuleEditor
from console.social_watch.sources_view import SourcesView
from console.social_watch.watch_model import SocialWatchModel
from console.state.notifier import Notifier
from console.state.selection import Selection
from console.state.store import Store
from dispatch_protocol.geofence import geofence_outline
from dispatch_protocol.watch_query import QueryError

ALL_RULES = ""


class SocialWatchPanel(QWidget):
    location_requested = Signal(float, float)
    """Show a post's place on the map: lat, lon."""
    draw_requested = Signal()
    """The rule editor wants an area drawn on the map (answer with `area_drawn`)."""
    geofence_shown = Signal(object)
    """The chosen rule's geofence to outline on the map (GeoJSON polygon), or None."""

    def __init__(
        self, model: SocialWatchModel, store: Store, commands: Commands, selection: Selection, notifier: Notifier
    ) -> None:
        super().__init__()
        self.setObjectName("social_watch")
        self._model, self._store, self._commands = model, store, commands
        self._selection, self._notifier = selection, notifier
        self.rule_filter = QComboBox()
        self.rule_filter.setMinimumContentsLength(18)
        self.rule_filter.currentIndexChanged.connect(self._filter_changed)
        self.new_rule = QPushButton(tr("New rule…"))
        self.edit_rule = QPushButton(tr("Edit rule…"))
        self.editor = RuleEditor(self._selected_place, self._preview, self)
        self.editor.save_requested.connect(self._save_rule)
        self.editor.draw_requested.connect(self.draw_requested)
        self.new_rule.clicked.connect(lambda: self.editor.edit(None))
        self.edit_rule.clicked.connect(self._edit_current)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Rule:")))
        top.addWidget(self.rule_filter, 1)
        top.addWidget(self.new_rule)
        top.addWidget(self.edit_rule)

        self.charts = RuleCharts(model)
        charts_area = QScrollArea()
        charts_area.setWidgetResizable(True)
        charts_area.setWidget(self.charts)
        charts_area.setFixedHeight(172)  # two rows of rules without scrolling
        self.posts = PostListModel(model)
        self.list = QListView()
        self.list.setModel(self.posts)
        self.list.setItemDelegate(PostDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.selectionModel().currentChanged.connect(self._post_chosen)
        self.posts.modelAboutToBeReset.connect(self._remember_current)
        self.posts.modelReset.connect(self._restore_current)
        self.detail = PostDetail()
        self.detail.setMaximumHeight(140)
        self.detail.link_requested.connect(self.link_post)
        self.detail.location_requested.connect(self.location_requested)
        self.count = QLabel()
        self.sources = SourcesView(model)
        self.sources.setMaximumHeight(64)
        self.sources_label = QToolButton()
        self.sources_label.setCheckable(True)
        self.sources_label.setAutoRaise(True)
        self.sources_label.toggled.connect(self.sources.setVisible)
        self.sources.hide()
        posts_box = QWidget()
        posts_layout = QVBoxLayout(posts_box)
        posts_layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.count, 1)
        header.addWidget(self.sources_label)
        posts_layout.addLayout(header)
        posts_layout.addWidget(self.list, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(charts_area)
        layout.addWidget(posts_box, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.sources)
        self._current_post = ""
        model.rules_changed.connect(self._fill_rules)
        model.sources_changed.connect(self._sources_changed)
        model.posts_changed.connect(self._update_count)
        selection.incident_selected.connect(lambda _id: self._show_detail())
        store.social_post_changed.connect(self._post_changed)
        self._fill_rules()
        self._sources_changed()

    def _sources_changed(self) -> None:
        """The summary on its button; the list opens by itself when a source fails."""
        summary = self.sources.summary()
        self.sources_label.setText(summary + " ▾")
        if "FAILING" in summary:
            self.sources_label.setChecked(True)

    # --- rules -----------------------------------------------------------------------------------
    def _fill_rules(self) -> None:
        current = self.rule_filter.currentData() or ALL_RULES
        self.rule_filter.blockSignals(True)
        self.rule_filter.clear()
        self.rule_filter.addItem(tr("All rules"), ALL_RULES)
        self.rule_filter.addItem(tr("Every post (unfiltered)"), EVERY_POST)
        for rule in sorted(self._store.watch_rules.values(), key=lambda r: r.name.casefold()):
            state = "" if rule.active else " (off)"
            self.rule_filter.addItem(f"{rule.name}{state}", rule.id)
        index = self.rule_filter.findData(current)
        self.rule_filter.setCurrentIndex(max(0, index))
        self.rule_filter.blockSignals(False)
        self.edit_rule.setEnabled(self.rule_filter.currentData() not in (ALL_RULES, EVERY_POST))

    def show_rule(self, rule_id: str) -> None:
        """Filter the posts on one rule ("" for all)."""
        index = self.rule_filter.findData(rule_id)
        if index >= 0:
            self.rule_filter.setCurrentIndex(index)

    def area_drawn(self, ring: list[list[float]]) -> None:
        self.editor.set_drawn_area(ring)

    def _filter_changed(self) -> None:
        rule_id = self.rule_filter.currentData() or None
        self.edit_rule.setEnabled(rule_id not in (None, EVERY_POST))
        rule = self._store.watch_rules.get(rule_id or "")
        self.geofence_shown.emit(geofence_outline(rule.geofence) if rule else None)
        self.posts.set_rule(rule_id)
        self._update_count()

    def _edit_current(self) -> None:
        rule = self._store.watch_rules.get(self.rule_filter.currentData() or "")
        if rule is not None:
            self.editor.edit(rule)

    def _selected_place(self) -> IncidentPlace | None:
        incident = self._store.incidents.get(self._selection.incident_id)
        if incident is None:
            return None
        return incident.id, incident.number, incident.location.lat, incident.location.lon

    def _preview(self, query: str) -> int:
        try:
            return self._model.watch.preview_count(query)
        except QueryError:
            return 0

    def _save_rule(self, rule: WatchRuleRecord | None, body: dict[str, object]) -> None:
        if rule is None:
            self._commands.create_watch_rule(body)
        else:
            self._commands.update_watch_rule(rule, body)

    # --- posts -----------------------------------------------------------------------------------
    def _update_count(self) -> None:
        shown = len(self.posts.posts)
        name = self.rule_filter.currentText()
        self.count.setText(
            tr("{shown} matched posts ({name}), newest first", shown=shown, name=name)
            if shown
            else tr("No post matches ({name}) yet", name=name)
        )

    def _remember_current(self) -> None:
        post = self.list.currentIndex().data(POST_ROLE)
        self._current_post = post.id if post else ""

    def _restore_current(self) -> None:
        for row, post in enumerate(self.posts.posts):
            if post.id == self._current_post:
                self.list.setCurrentIndex(self.posts.index(row))
                return

    def _post_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        post = current.data(POST_ROLE)
        self._current_post = post.id if post else self._current_post
        self._show_detail()

    def _post_changed(self, post_id: str, _created: bool) -> None:
        if post_id == self._current_post:
            self._show_detail()

    def _show_detail(self) -> None:
        post = self._store.social_posts.get(self._current_post)
        incident = self._store.incidents.get(self._selection.incident_id)
        header = self.posts.header(post) if post else ""
        self.detail.show_post(post, header, incident.number if incident else "")

    def current_post(self) -> SocialPost | None:
        return self._store.social_posts.get(self._current_post)

    def link_post(self, post: SocialPost | None) -> None:
        incident = self._store.incidents.get(self._selection.incident_id)
        if post is None or incident is None:
            self._notifier.warning(tr("Select an incident first, then link the post to it."))
            return
        self._commands.link_post(post, incident)

    def header_of(self, row: int) -> str:
        return str(self.posts.index(row).data(HEADER_ROLE))
