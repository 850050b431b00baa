"""Every look is readable: text on its backgrounds, selected text on the selection (WCAG 2 contrast)."""

from __future__ import annotations

import pytest

from console.theme_colours import THEMES, contrast


@pytest.mark.parametrize("name", sorted(THEMES))
def test_text_stands_out_in_every_look(name: str) -> None:
    colours = THEMES[name]
    needed = 7.0 if name == "high-contrast" else 4.5
    for background in ("window", "base", "alternate", "button", "tooltip"):
        assert contrast(colours["text"], colours[background]) >= needed, (name, background)
    assert contrast(colours["highlighted_text"], colours["highlight"]) >= 4.5, name
    assert contrast(colours["placeholder"], colours["base"]) >= 4.5, name
    assert contrast(colours["link"], colours["base"]) >= 4.5, name
    for background in ("base", "alternate"):  # stale positions in the units' list
        assert contrast(colours["warning"], colours[background]) >= 4.5, (name, "warning", background)


def test_the_contrast_ratio_is_wcag_s() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert contrast("#777777", "#777777") == 1.0
