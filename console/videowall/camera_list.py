"""The camera list beside the wall: name, kind and status, a search box; drag a camera onto a tile."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from console.domain.model import Camera
from console.i18n import N_, tr
from console.state.store import Store
from console.videowall.tile import CAMERA_MIME

KIND_NAMES = {"fixed": N_("fixed"), "ptz": "PTZ", "body": N_("body-worn"), "drone": N_("drone"), "upload": N_("upload"),
              "caller": N_("caller's phone")}  # fmt: skip
STATUS_WORDS = {"online": N_("online"), "offline": N_("offline"), "unknown": N_("unknown"), "live": N_("LIVE"),
                "ended": N_("ended")}  # fmt: skip


def matches(camera: Camera, text: str) -> bool:
    """Every word of the search appears in the camera's name, id, kind or status (case-insensitive)."""
    haystack = " ".join(
        (camera.name, camera.id, camera.kind, tr(KIND_NAMES.get(camera.kind, "")), camera.status)
    ).lower()
    return all(word in haystack for word in text.lower().split())


class _CameraItems(QListWidget):
    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        mime = QMimeData()
        if items:
            mime.setData(CAMERA_MIME, str(items[0].data(Qt.ItemDataRole.UserRole)).encode())
        return mime

    def mimeTypes(self) -> list[str]:
        return [CAMERA_MIME]


class CameraList(QWidget):
    """Cameras known to the store, filtered by the search box."""

    camera_activated = Signal(str)
    """Double-click or Enter on a camera: its id (the wall shows it on the selected tile)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search cameras…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.items = _CameraItems()
        self.items.setDragEnabled(True)
        self.items.setDragDropMode(QListWidget.DragDropMode.DragOnly)
        self.items.itemActivated.connect(lambda item: self.camera_activated.emit(item.data(Qt.ItemDataRole.UserRole)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.items)
        store.camera_changed.connect(lambda _id, _gone: self.refresh())
        store.reset_done.connect(self.refresh)
        self.refresh()

    def visible_ids(self) -> list[str]:
        """The cameras the search shows, in list order (a tour takes these)."""
        return [self.items.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.items.count())]

    def refresh(self) -> None:
        text = self.search.text()
        current = self.items.currentItem()
        current_id = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.items.clear()
        # A caller showing live video first: someone is filming the incident now.
        ordered = sorted(self._store.cameras.values(), key=lambda c: (c.kind != "caller", c.name.lower()))
        for camera in ordered:
            if not matches(camera, text):
                continue
            kind, status = (
                tr(KIND_NAMES.get(camera.kind, camera.kind)),
                tr(STATUS_WORDS.get(camera.status, camera.status)),
            )
            item = QListWidgetItem(f"{camera.name}\n{kind} · {status}")
            item.setData(Qt.ItemDataRole.UserRole, camera.id)
            item.setToolTip(camera.name)
            self.items.addItem(item)
            if camera.id == current_id:
                self.items.setCurrentItem(item)
