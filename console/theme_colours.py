"""The control-room looks as colours (pure): dark (the default), light and high contrast, and the contrast
ratio that says each is readable (WCAG 2: ≥ 4.5 for text, ≥ 7 for the high-contrast look)."""

from __future__ import annotations

THEMES: dict[str, dict[str, str]] = {
    "dark": {
        "window": "#1e2126", "text": "#e6e6e6", "base": "#16181c", "alternate": "#1f232a", "button": "#2b3038",
        "highlight": "#1565c0", "highlighted_text": "#ffffff", "placeholder": "#8a8f98", "disabled": "#6b6f76",
        "tooltip": "#2b3038", "bright": "#ff5252", "line": "#3a3f47", "link": "#9ecbff",
        "warning": "#ffb300",
    },
    "light": {
        "window": "#eef0f3", "text": "#15181c", "base": "#ffffff", "alternate": "#f4f6f8", "button": "#e2e6eb",
        "highlight": "#1565c0", "highlighted_text": "#ffffff", "placeholder": "#5f6670", "disabled": "#8a9099",
        "tooltip": "#ffffff", "bright": "#c62828", "line": "#c5cbd3", "link": "#0b57d0",
        "warning": "#8a4b00",
    },
    "high-contrast": {
        "window": "#000000", "text": "#ffffff", "base": "#000000", "alternate": "#101010", "button": "#000000",
        "highlight": "#ffff00", "highlighted_text": "#000000", "placeholder": "#c0c0c0", "disabled": "#a0a0a0",
        "tooltip": "#000000", "bright": "#ff6060", "line": "#ffffff", "link": "#00ffff",
        "warning": "#ffff00",
    },
}  # fmt: skip


def luminance(colour: str) -> float:
    """Relative luminance of `#rrggbb` (WCAG 2)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
