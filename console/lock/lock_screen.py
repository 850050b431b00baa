"""What covers a window while the console is locked: nothing of the operations shows through it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from console.i18n import tr


class LockScreen(QFrame):
    """An opaque cover over its window. The main window's asks for the password; the others say where."""

    unlock_asked = Signal(str)
    """The operator typed a password to unlock: the password."""

    def __init__(self, window: QWidget, username: str, asks_password: bool) -> None:
        super().__init__(window)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lockScreen { background: #0b1016; } QLabel { color: #e6edf3; }")
        title = QLabel(tr("Console locked"))
        title.setStyleSheet("font-size: 24pt; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box = QWidget()  # one readable column in the middle of the screen
        box.setFixedWidth(520)
        column = QVBoxLayout(box)
        column.setSpacing(14)
        column.addWidget(title)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #ff8a80; font-size: 12pt;")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("Password of {user}", user=username))
        self.password.setMinimumHeight(36)
        self.password.setStyleSheet("font-size: 13pt;")
        self.unlock_button = QPushButton(tr("Unlock"))
        self.unlock_button.setMinimumHeight(36)
        if asks_password:
            who = QLabel(tr("Locked for {user}. The events keep arriving; type your password to go on.", user=username))
            who.setWordWrap(True)
            who.setAlignment(Qt.AlignmentFlag.AlignCenter)
            who.setStyleSheet("font-size: 12pt;")
            who.setMinimumHeight(3 * who.fontMetrics().lineSpacing())  # two lines in English, more in French
            column.addWidget(who)
            column.addWidget(self.password)
            column.addWidget(self.unlock_button)
            column.addWidget(self.message)
            self.password.returnPressed.connect(self._submit)
            self.unlock_button.clicked.connect(self._submit)
        else:
            elsewhere = QLabel(tr("Unlock it on the main window."))
            elsewhere.setAlignment(Qt.AlignmentFlag.AlignCenter)
            elsewhere.setStyleSheet("font-size: 12pt;")
            column.addWidget(elsewhere)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()
        if asks_password:
            self.password.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded, QEvent.Type.LayoutRequest):
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
                self.raise_()
        return False

    def refused(self, reason: str) -> None:
        """The password was not accepted: say why, ask again."""
        self.message.setText(reason)
        self.unlock_button.setEnabled(True)
        self.password.setEnabled(True)
        self.password.clear()
        self.password.setFocus()

    def _submit(self) -> None:
        if self.password.text():
            self.unlock_button.setEnabled(False)
            self.password.setEnabled(False)
            self.message.setText(tr("Checking…"))
            self.unlock_asked.emit(self.password.text())

    def remove(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            parent.removeEventFilter(self)
        self.hide()
        self.deleteLater()
