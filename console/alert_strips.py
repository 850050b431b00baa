"""What the alert strips of the top bar share (the red incident strip, the social spike strip)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout


def clear_rows(rows: QVBoxLayout) -> None:
    """Remove (and delete later) every row widget of an alert strip."""
    while rows.count():
        item = rows.takeAt(0)
        if item is not None and (widget := item.widget()) is not None:
            widget.deleteLater()
