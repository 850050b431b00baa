"""The `console` command: the desktop console when its extra is installed, else a sentence saying how to get it
(a host installed for dispatchd alone has the command but not Qt)."""

from __future__ import annotations

import importlib.util
import logging
import sys
from collections.abc import Sequence

log = logging.getLogger("console")
DESKTOP_MODULES = ("PySide6", "qasync", "pyqtgraph", "folium", "cv2")  # i18n: not shown (module names)


def missing_desktop_modules() -> list[str]:
    return [name for name in DESKTOP_MODULES if importlib.util.find_spec(name) is None]


def main(argv: Sequence[str] | None = None) -> int:
    missing = missing_desktop_modules()
    if missing:
        logging.basicConfig(format="%(message)s")
        log.error(
            "The desktop console is not installed here (missing: %s). Install it with "
            "pip install 'command-console[console]', or run ./dev demo in a clone of the repository.",
            ", ".join(missing),
        )
        return 2
    from console.cli import main as console_main  # only once the desktop's packages are there

    return console_main(argv)


if __name__ == "__main__":
    sys.exit(main())
