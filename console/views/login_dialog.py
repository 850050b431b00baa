"""The login dialog (opened with open(), never exec(): no nested event loop)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from console.i18n import tr


class LoginDialog(QDialog):
    """Asks for a user name and password; says why when a previous attempt failed."""

    credentials_entered = Signal(str, str, str)
    """The operator entered credentials: user name, password, the authenticator's code ("" when none)."""

    def __init__(self, backend_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Log in to the dispatch backend"))
        self.setMinimumWidth(420)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #ff8a80;")
        self.reason.hide()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.code = QLineEdit()
        self.code.setPlaceholderText(tr("only if your account asks for one"))
        self.code.setMaxLength(8)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(tr("Backend: {backend_url}", backend_url=backend_url)))
        form.addRow(self.reason)
        form.addRow(tr("User name"), self.username)
        form.addRow(tr("Password"), self.password)
        form.addRow(tr("Authenticator code"), self.code)
        form.addRow(buttons)

    def ask(self, reason: str = "", username: str = "") -> None:
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        if username:
            self.username.setText(username)
        self.password.clear()
        self.code.clear()
        (self.password if username else self.username).setFocus()
        self.open()

    def _accept(self) -> None:
        if self.username.text() and self.password.text():
            self.credentials_entered.emit(self.username.text(), self.password.text(), self.code.text().strip())
            self.accept()
