"""The chosen post in full (plain text), and what can be done with it: link it to the selected incident,
open its link in the browser (only when asked), show it on the map."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from console.domain.safe_text import one_line, shown_text
from console.domain.social import SocialPost
from console.i18n import tr


class PostDetail(QWidget):
    link_requested = Signal(object)
    """Link this post to the selected incident: the SocialPost."""
    location_requested = Signal(float, float)
    """Show this place on the map: lat, lon."""

    def __init__(self) -> None:
        super().__init__()
        self.post: SocialPost | None = None
        self.header = QLabel(tr("Choose a post to read it in full."))
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setMaximumHeight(58)
        self.link_info = QLabel()
        self.link_info.setTextFormat(Qt.TextFormat.PlainText)
        self.link_info.setWordWrap(True)
        self.link_button = QPushButton(tr("Link to the selected incident"))
        self.link_button.clicked.connect(lambda: self.link_requested.emit(self.post))
        self.open_button = QPushButton(tr("Open link in browser"))
        self.open_button.clicked.connect(self.open_link)
        self.map_button = QPushButton(tr("Show on map"))
        self.map_button.clicked.connect(self._show_on_map)
        self.action_row = QWidget()
        buttons = QHBoxLayout(self.action_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.link_button, self.open_button, self.map_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.text)
        layout.addWidget(self.link_info)
        layout.addWidget(self.action_row)
        self.show_post(None, "", "")

    def show_post(self, post: SocialPost | None, header: str, incident_number: str) -> None:
        """`incident_number`: the selected incident's ("" when none is selected)."""
        self.post = post
        for part in (self.text, self.link_info, self.action_row):
            part.setVisible(post is not None)  # the list gets the room until a post is chosen
        self.header.setText(header if post else tr("Choose a post to read it in full."))
        self.text.setPlainText(shown_text(post.text) if post else "")
        if post is not None and post.link is not None:
            self.link_info.setText(
                tr(
                    "Linked to an incident by {by} at {time:%H:%M:%S}; sha256 {sha256}",
                    by=post.link.by,
                    time=post.link.at.astimezone(),
                    sha256=post.link.sha256,
                )
            )
        else:
            self.link_info.setText(
                tr("Link target: {incident_number}", incident_number=incident_number)
                if incident_number and post
                else ""
            )
        self.link_button.setEnabled(post is not None and post.incident_id is None and bool(incident_number))
        self.open_button.setEnabled(post is not None and post.url is not None)
        self.open_button.setToolTip(one_line(post.url, 300) if post and post.url else "")
        self.map_button.setEnabled(post is not None and post.position is not None)

    def open_link(self) -> None:
        """Only on the operator's click: the console never loads anything from a post by itself."""
        if self.post is not None and self.post.url and self.post.url.startswith(("http://", "https://")):
            QDesktopServices.openUrl(QUrl(self.post.url))

    def _show_on_map(self) -> None:
        if self.post is not None and self.post.position is not None:
            self.location_requested.emit(*self.post.position)
