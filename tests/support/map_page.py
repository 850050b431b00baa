"""Asking the real map page (QtWebEngine) from a test coroutine."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

from console.map.map_view import MapView


async def js(view: MapView, code: str) -> Any:
    """Evaluate in the page; the value comes back through JSON (arrays and objects included)."""
    answer: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    view.run_js(f"JSON.stringify({code})", lambda result: answer.done() or answer.set_result(result))
    text = await asyncio.wait_for(answer, 10)
    return None if text in (None, "") else json.loads(text)


async def js_until(view: MapView, code: str, wanted: Callable[[Any], bool], what: str, timeout: float = 10) -> Any:
    """Evaluate `code` in the page until its value is as wanted (it changes with batches); fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while not wanted(value := await js(view, code)):
        assert time.monotonic() < deadline, f"timed out after {timeout} s waiting for {what} (last: {value!r})"
        await asyncio.sleep(0.05)  # the next look at the page, not a wait for a result
    return value
