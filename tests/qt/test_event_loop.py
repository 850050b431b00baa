"""The console's loop closes an async generator dropped half-way on the loop, its cleanup awaited (an SSE
stream left on a resync gives its connection back), not in the garbage collector without a loop."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator

from tests.qt.conftest import QtAsync
from tests.support.asyncwait import until


def test_an_async_generator_dropped_half_way_is_closed_on_the_loop(qloop: QtAsync) -> None:
    cleaned: list[str] = []

    async def lines() -> AsyncIterator[int]:
        try:
            for n in range(10):
                yield n
        finally:
            await asyncio.sleep(0)  # what httpcore's stream does: an await in its cleanup
            cleaned.append("awaited")

    async def body() -> None:
        source = lines()
        assert await anext(source) == 0
        del source  # left half-way, as a loop that breaks out of `async for`
        gc.collect()
        await until(lambda: cleaned == ["awaited"], 2, "the generator's cleanup, run on the loop")

    qloop.run(body())
