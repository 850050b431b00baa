"""The control-room look: a Fusion palette (dark by default, light, high contrast) and a text size."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from console.theme_colours import THEMES

DEFAULT_THEME = "dark"
_BASE_POINT_SIZE: list[float] = []


def apply_theme(app: QApplication, name: str = DEFAULT_THEME, text_scale: float = 1.0) -> None:
    """Colours and text size for the whole application (an unknown name falls back to dark)."""
    colours = THEMES.get(name, THEMES[DEFAULT_THEME])
    app.setStyle("Fusion")
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "window",
        QPalette.ColorRole.WindowText: "text",
        QPalette.ColorRole.Base: "base",
        QPalette.ColorRole.AlternateBase: "alternate",
        QPalette.ColorRole.ToolTipBase: "tooltip",
        QPalette.ColorRole.ToolTipText: "text",
        QPalette.ColorRole.Text: "text",
        QPalette.ColorRole.Button: "button",
        QPalette.ColorRole.ButtonText: "text",
        QPalette.ColorRole.BrightText: "bright",
        QPalette.ColorRole.Highlight: "highlight",
        QPalette.ColorRole.HighlightedText: "highlighted_text",
        QPalette.ColorRole.PlaceholderText: "placeholder",
        QPalette.ColorRole.Link: "link",
        QPalette.ColorRole.Mid: "line",
    }
    for role, key in roles.items():
        p.setColor(role, QColor(colours[key]))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(colours["disabled"]))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(colours["disabled"]))
    app.setPalette(p)
    app.setProperty("warning_colour", colours["warning"])  # stale positions, stalled feeds: amber that reads
    if not _BASE_POINT_SIZE:
        _BASE_POINT_SIZE.append(app.font().pointSizeF())
    font = QFont(app.font())
    font.setPointSizeF(_BASE_POINT_SIZE[0] * max(0.8, min(2.0, text_scale)))
    app.setFont(font)
    app.setStyleSheet(
        f"QDockWidget::title {{ background: {colours['button']}; padding: 4px; font-weight: bold; }}"
        f"QHeaderView::section {{ background: {colours['button']}; color: {colours['text']}; padding: 4px; border: 0;"
        f" border-right: 1px solid {colours['line']}; }}"
        f"QStatusBar {{ border-top: 1px solid {colours['line']}; }}"
        "QStatusBar QLabel { padding: 0 8px; }"
    )


def apply_dark_theme(app: QApplication) -> None:
    apply_theme(app, "dark")
