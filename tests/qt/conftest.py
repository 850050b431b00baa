from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtWidgets import QApplication


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """A qasync loop over the test's QApplication; run coroutines with `qloop.run_until_complete`."""
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture(autouse=True)
def collect_in_gui_thread() -> Iterator[None]:
    """Collect the test's Qt objects here, in the GUI thread, not later in whatever thread runs the GC."""
    yield
    gc.collect()
