"""Small widget helpers shared by the panels of several capabilities."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout


def clear_rows(rows: QVBoxLayout) -> None:
    """Remove (and delete later) every row widget of an alert strip."""
    while rows.count():
        item = rows.takeAt(0)
        if item is not None and (widget := item.widget()) is not None:
            widget.deleteLater()
