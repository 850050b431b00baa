"""What qasync's loop leaves out, for the console's one asyncio loop.

asyncio's own loops install the async-generator hooks while they run (`sys.set_asyncgen_hooks`): an async
generator dropped half-way (an SSE stream left on a resync, a download cancelled) is then closed on the loop,
its `finally` awaited. qasync does not install them, so the garbage collector closes such a generator
anywhere, without a loop: httpcore's stream then says "async generator ignored GeneratorExit" on stderr and
its connection is not given back properly."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import qasync


@contextmanager
def async_generators_closed_on(loop: qasync.QEventLoop) -> Iterator[None]:
    """While inside: async generators first iterated are finalised by `loop` (as asyncio's run_forever does)."""
    previous = sys.get_asyncgen_hooks()
    sys.set_asyncgen_hooks(firstiter=loop._asyncgen_firstiter_hook, finalizer=loop._asyncgen_finalizer_hook)
    try:
        yield
    finally:
        sys.set_asyncgen_hooks(*previous)
