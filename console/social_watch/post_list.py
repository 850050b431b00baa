"""The list of matched posts, newest first: a header line and the text, matched words highlighted.

Everything is drawn as plain text with QTextLayout (formats on ranges, never HTML); tooltips, which Qt may
read as rich text, get escaped text.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from console.domain.safe_text import one_line, shown_text
from console.domain.social import SocialPost
from console.i18n import N_, tr
from console.social_watch.logic.highlight import highlight_spans
from console.social_watch.logic.time_ago import time_ago
from console.social_watch.watch_model import SocialWatchModel

POST_ROLE = Qt.ItemDataRole.UserRole + 1
HEADER_ROLE = Qt.ItemDataRole.UserRole + 2
TERMS_ROLE = Qt.ItemDataRole.UserRole + 3
LIST_CHARS = 400  # a list row shows the start of a post; the post's window shows it all
TOOLTIP_CHARS = 1500
PLATFORM_WORDS = {"rss": N_("News"), "mastodon": N_("Mastodon"), "bluesky": N_("Bluesky"), "demo": N_("Demo")}
_Index = QModelIndex | QPersistentModelIndex


class PostListModel(QAbstractListModel):
    """Posts matched by the chosen rule (or any rule), newest first."""

    def __init__(self, model: SocialWatchModel, limit: int = 500) -> None:
        super().__init__()
        self._model = model
        self._limit = limit
        self.rule_id: str | None = None
        self.posts: list[SocialPost] = []
        model.posts_changed.connect(self.refresh)
        model.rules_changed.connect(self.refresh)
        self.refresh()

    def set_rule(self, rule_id: str | None) -> None:
        self.rule_id = rule_id
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.posts = self._model.watch.newest_first(self.rule_id, self._limit)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.posts)

    def header(self, post: SocialPost) -> str:
        """Platform · author · time ago · language · rules (all plain text)."""
        rules = ", ".join(self._model.rule_name(r) for r in self._model.watch.matches(post.id))
        parts = [
            tr(PLATFORM_WORDS.get(post.platform, post.platform)),
            one_line(post.author, 60) or tr("unknown author"),
            time_ago(post.posted_at, self._model.now()),
            (post.lang or "?").upper(),
        ]
        if post.position is not None:
            parts.append(tr("geotagged"))
        if post.incident_id:
            parts.append(tr("LINKED"))
        return " · ".join(parts) + (f"  [{rules}]" if rules else "")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.posts):
            return None
        post = self.posts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(post.text, LIST_CHARS)
        if role == HEADER_ROLE:
            return self.header(post)
        if role == POST_ROLE:
            return post
        if role == TERMS_ROLE:
            return self._model.watch.terms(self._model.watch.matches(post.id))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = html.escape(shown_text(post.text, TOOLTIP_CHARS))
            return f"<p style='white-space:pre-wrap'>{html.escape(self.header(post))}<br><br>{text}</p>"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.header(post)}: {one_line(post.text, LIST_CHARS)}"
        return None


class PostDelegate(QStyledItemDelegate):
    """Draws a post: its header in small bold, then up to two lines of text with the matched words marked."""

    TEXT_LINES = 2

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        body = QFont(option.font)
        head = QFont(body)
        head.setPointSizeF(body.pointSizeF() * 0.9)
        head.setBold(True)
        return head, body

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        head, body = self._fonts(option)
        height = QFontMetrics(head).height() + QFontMetrics(body).lineSpacing() * self.TEXT_LINES + 12
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        rect = option.rect
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.fillRect(rect, palette.highlight() if selected else palette.base())
        painter.setPen(palette.mid().color())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        head, body = self._fonts(option)
        area = QRectF(rect.adjusted(6, 4, -6, -4))
        painter.setFont(head)
        painter.setPen(palette.link().color() if not selected else palette.highlightedText().color())
        header = QFontMetrics(head).elidedText(
            str(index.data(HEADER_ROLE)), Qt.TextElideMode.ElideRight, int(area.width())
        )
        painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, header)
        top = area.top() + QFontMetrics(head).height() + 2
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        ink = palette.highlightedText().color() if selected else palette.text().color()
        self._draw_text(
            painter, body, text, index.data(TERMS_ROLE) or [], QRectF(area.left(), top, area.width(), 0), ink
        )
        painter.restore()

    def _draw_text(
        self, painter: QPainter, font: QFont, text: str, terms: list[str], where: QRectF, ink: QColor
    ) -> None:
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        layout.setTextOption(option)
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setBackground(QColor("#8a6d00"))
        marked.setForeground(QColor("#ffffff"))
        ranges = []
        for start, length in highlight_spans(text, terms):
            mark = QTextLayout.FormatRange()
            mark.start, mark.length, mark.format = start, length, marked
            ranges.append(mark)
        layout.setFormats(ranges)
        layout.beginLayout()
        y = 0.0
        for _ in range(self.TEXT_LINES):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(where.width())
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        painter.setPen(ink)
        layout.draw(painter, where.topLeft())
