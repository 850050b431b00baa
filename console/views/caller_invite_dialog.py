"""Ask the caller for pictures: a one-time link to the incident's page, sent by SMS where the centre has a gateway,
shown with Copy; the incident's links with their state, and Close for the one selected. Non-modal: the operator
goes on with the call while it is open."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.backend.commands import Commands
from console.domain.model import Incident
from console.i18n import tr
from console.operations.caller_invite import DEFAULT_MINUTES, describe, invite_body, invites_of, state_at
from console.state.store import Store


class CallerInviteDialog(QDialog):
    def __init__(self, incident: Incident, commands: Commands, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._incident, self._commands, self._store = incident, commands, store
        self.setWindowTitle(tr("Ask the caller for pictures — {number}", number=incident.number))
        self.setMinimumWidth(560)
        self.number = QLineEdit(incident.caller_phone or "")
        self.number.setPlaceholderText(tr("+33 6 12 34 56 78 (empty: give the link yourself)"))
        self.minutes = QSpinBox()
        self.minutes.setRange(5, 24 * 60)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(tr(" min"))
        self.send = QCheckBox(tr("Send it by SMS"))
        self.send.setChecked(True)
        self.language = QComboBox()
        self.language.addItem(tr("French"), "fr")  # i18n: not shown
        self.language.addItem(tr("English"), "en")  # i18n: not shown
        self.language.setCurrentIndex(0 if QLocale().name().startswith("fr") else 1)
        self.make = QPushButton(tr("Make the link"))
        self.make.setDefault(True)
        self.make.clicked.connect(self._make)
        form = QFormLayout()
        form.addRow(tr("Caller's phone"), self.number)
        form.addRow(tr("Valid for"), self.minutes)
        sms_row = QHBoxLayout()
        sms_row.addWidget(self.send)
        sms_row.addWidget(QLabel(tr("in")))
        sms_row.addWidget(self.language)
        sms_row.addStretch(1)
        form.addRow("", sms_row)

        self.link = QLineEdit()
        self.link.setReadOnly(True)
        self.link.setPlaceholderText(tr("The link appears here"))
        self.copy = QPushButton(tr("Copy"))
        self.copy.setEnabled(False)
        self.copy.clicked.connect(self._copy)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link, 1)
        link_row.addWidget(self.copy)
        self.outcome = QLabel()
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setWordWrap(True)

        self.links = QListWidget()
        self.links.setMaximumHeight(110)
        self.revoke = QPushButton(tr("Close the selected link"))
        self.revoke.clicked.connect(self._revoke)
        close = QPushButton(tr("Done"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.revoke)
        bottom.addStretch(1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        explain = QLabel(tr("The caller opens the link on their phone: location, photos, videos, messages and live "
                            "video come to this incident. The link works for this incident only."))  # fmt: skip
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.make, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(link_row)
        layout.addWidget(self.outcome)
        layout.addWidget(QLabel(tr("This incident's links")))
        layout.addWidget(self.links)
        layout.addLayout(bottom)
        store.invite_changed.connect(self._on_invite)
        self._tick = QTimer(self)  # an open link expires on the clock
        self._tick.timeout.connect(self._refresh)
        self._tick.start(15_000)
        self._tasks: set[asyncio.Future[Any]] = set()
        self._refresh()

    def _make(self) -> None:
        body = invite_body(self.number.text(), self.minutes.value(), self.send.isChecked(), self.language.currentData())
        sent = self._commands.invite_caller(self._incident, body)
        if sent is None:
            return
        self.make.setEnabled(False)
        self.outcome.setText(tr("Making the link…"))
        self._tasks.add(sent)
        sent.add_done_callback(self._made)

    def _made(self, future: asyncio.Future[Any]) -> None:
        self._tasks.discard(future)
        self.make.setEnabled(True)
        if future.cancelled() or future.exception() is not None:
            self.outcome.setText(tr("The link could not be made (see the status bar)."))
            return
        answer = future.result() or {}
        self.link.setText(str(answer.get("url") or ""))
        self.copy.setEnabled(bool(answer.get("url")))
        if problem := answer.get("sms_problem"):
            self.outcome.setStyleSheet("color: #ffb300;")
            self.outcome.setText(tr("Not sent: {problem}. Copy the link and give it to the caller.", problem=problem))
        elif answer.get("sent_by") == "log":
            self.outcome.setStyleSheet("")
            self.outcome.setText(tr("Demo: the SMS was written to dispatchd's log, not sent."))
        elif answer.get("sent_by"):
            self.outcome.setStyleSheet("")
            self.outcome.setText(tr("Sent by SMS to {number}.", number=answer.get("number") or ""))
        else:
            self.outcome.setStyleSheet("")
            self.outcome.setText(tr("Give the caller this link (read it out or copy it into a message)."))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.link.text())
        self.outcome.setText(tr("Link copied."))

    def _revoke(self) -> None:
        item = self.links.currentItem()
        if item is not None:
            self._commands.revoke_invite(item.data(Qt.ItemDataRole.UserRole))

    def _on_invite(self, incident_id: str) -> None:
        if incident_id == self._incident.id:
            self._refresh()

    def _refresh(self) -> None:
        now = datetime.now(UTC)
        selected = self.links.currentItem().data(Qt.ItemDataRole.UserRole) if self.links.currentItem() else None
        self.links.clear()
        for invite in invites_of(self._incident.id, self._store.invites.values()):
            item = QListWidgetItem(f"{invite.created_at.astimezone():%H:%M} · {describe(invite, now)}")
            item.setData(Qt.ItemDataRole.UserRole, invite.ref)
            if state_at(invite, now) not in ("open", "used"):
                item.setForeground(Qt.GlobalColor.gray)
            self.links.addItem(item)
            if invite.ref == selected:
                self.links.setCurrentItem(item)
        self.revoke.setEnabled(self.links.count() > 0)
