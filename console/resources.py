"""Where the non-code assets are: the top-level `resources/` folder (map page glue, translation catalogues).

A checkout (and the editable install `./dev` makes) reads them in place; an installed wheel carries them as
data files under `<prefix>/share/command-console/resources/` (pyproject's `data-files`).
"""

from __future__ import annotations

import sys
from pathlib import Path

_IN_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"
_INSTALLED = Path(sys.prefix) / "share" / "command-console" / "resources"


def resource(*parts: str) -> Path:
    """The path of a resource, e.g. `resource("map", "console-map.js")` or `resource("translations")`."""
    root = _IN_CHECKOUT if _IN_CHECKOUT.is_dir() else _INSTALLED
    return root.joinpath(*parts)
