"""A whole console (build_console + connect), logged in to a real backend, inside a test's qasync loop."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from pytestqt.qtbot import QtBot

from console.app import Console, build_console, connect
from console.backend.connection import LinkState
from console.backend.link import Link
from tests.support.asyncwait import until


@asynccontextmanager
async def running(
    qtbot: QtBot,
    url: str,
    user: str,
    folder: Path,
    wall: bool = False,
    real_map: bool = False,
    centre_map: Path | None = None,
    expect_types: bool = True,
    password: str | None = None,
) -> AsyncIterator[tuple[Console, Link]]:
    """`wall`: the video wall takes the demo cameras as in the console (else it stays empty: a test of
    something else should not pay for eight video streams). The map is its light stand-in: these tests are
    not about the map (tests/qt/test_map.py and the console-process tests run the real page) unless
    `real_map`; `centre_map`: where the console keeps the base map the backend serves."""
    console = build_console(
        f"console of {user}",
        fill_wall=wall,
        map_stand_in=not real_map,
        mbtiles=centre_map,
        map_from_backend=centre_map is not None,
    )
    qtbot.addWidget(console.window)
    console.window.show()
    async with httpx.AsyncClient(timeout=10) as http:
        link = await connect(console, http, url, folder / f"outbox-{user}.jsonl")
        link.log_in(user, password or user)  # the demo accounts' password is their name
        try:
            await until(lambda: link.stream.status.state is LinkState.CONNECTED, what=f"{user} connected")
            if expect_types:  # the snapshot is in (a centre not set up yet has none)
                await until(lambda: console.operations.create_dialog.type_box.count() > 1, what="incident types loaded")
            yield console, link
        finally:
            await link.close()
            await console.close()
