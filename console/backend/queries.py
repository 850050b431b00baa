"""Reads the panels need beyond the store: incident types, an incident's past, media files, exports;
other capabilities run their own reads with `run`.

Each call runs as a task on the shared loop and answers through a callback on the GUI thread; a failure
reaches the operator through `on_error`.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, urlencode

from console.backend.client import DispatchClient
from console.backend.errors import BackendError
from console.domain.events import Event, MalformedEvent, event_from_dict
from console.domain.model import MediaItem
from console.i18n import tr

log = logging.getLogger("console.backend")
T = TypeVar("T")


class Queries:
    """Asynchronous reads with callbacks."""

    def __init__(self, on_error: Callable[[str], None], cache_dir: Path) -> None:
        self._client: DispatchClient | None = None
        self._on_error = on_error
        self._cache = cache_dir
        self._tasks: set[asyncio.Task[Any]] = set()
        self.history: Callable[[str], Awaitable[list[Event]]] | None = None
        """In a replay, an incident's timeline comes from the session file (up to the replayed time)."""

    def user_name(self) -> str:
        """The logged-in operator, for what the console records in their name (acknowledgements)."""
        return (self._client.username if self._client else None) or tr("this console")

    def attach(self, client: DispatchClient) -> None:
        self._client = client

    def run(
        self, what: str, call: Callable[[DispatchClient], Awaitable[T]], done: Callable[[T], None]
    ) -> asyncio.Task[None] | None:
        """Run a call on the loop; returns its task (to cancel it), or None when not connected yet."""
        if self._client is None:
            return None
        client = self._client

        async def attempt() -> None:
            try:
                result = await call(client)
            except BackendError as exc:
                self._on_error(tr("Could not {what}: {exc}", what=what, exc=exc))
                return
            done(result)

        coroutine = attempt()
        try:
            task = asyncio.ensure_future(coroutine)
        except RuntimeError:  # no loop any more (a timer firing as the console closes): nothing to ask
            coroutine.close()
            return None
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def timeline(self, incident_id: str, done: Callable[[list[Event]], None]) -> None:
        if self.history is not None:
            history = self.history

            async def replayed() -> None:
                done(await history(incident_id))

            task = asyncio.ensure_future(replayed())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            return

        async def call(client: DispatchClient) -> list[Event]:
            raw = await client.request("GET", f"/incidents/{incident_id}/timeline")
            events = []
            for item in raw:
                try:
                    events.append(event_from_dict(item, item.get("seq", -1) if isinstance(item, dict) else -1))
                except MalformedEvent as error:
                    log.error("timeline of %s: skipped %s", incident_id, error)
            return events

        self.run(tr("load the incident's timeline"), call, done)

    def export(self, incident_id: str, kind: str, target: Path, done: Callable[[Path], None]) -> None:
        """Save the incident as EIDO or EMSI JSON (`kind` is `eido` or `emsi`)."""

        async def call(client: DispatchClient) -> Path:
            document = await client.request("GET", f"/incidents/{incident_id}/{kind}")
            text = json.dumps(document, indent=2, ensure_ascii=False)
            await asyncio.to_thread(target.write_text, text, "utf-8")
            return target

        self.run(tr("export the incident as {format}", format=kind.upper()), call, done)

    def accounts(self, done: Callable[[list[dict[str, Any]]], None]) -> asyncio.Task[None] | None:
        """The centre's accounts (administrators only): user name, role, disabled."""
        return self.run(tr("list the accounts"), lambda c: c.request("GET", "/accounts"), done)

    def camera_logins(self, camera_id: str, done: Callable[[dict[str, str | None]], None]) -> asyncio.Task[None] | None:
        """A camera's stream addresses with its login in them, for this session (kept in memory only); None
        when not connected yet."""
        return self.run(tr("get the camera's login"), lambda c: c.request("GET", f"/cameras/{camera_id}/streams"), done)

    def duplicates(
        self, type_code: str, lat: float, lon: float, done: Callable[[list[dict[str, Any]]], None]
    ) -> asyncio.Task[None] | None:
        """The open incidents a new call may be about (dispatchd ranks them: every console sees the same)."""
        query = urlencode({"type_code": type_code, "lat": f"{lat:.6f}", "lon": f"{lon:.6f}"})
        return self.run(
            tr("look for the same incident"), lambda c: c.request("GET", f"/linking/duplicates?{query}"), done
        )

    def post_suggestions(self, incident_id: str, done: Callable[[list[dict[str, Any]]], None]) -> None:
        """The posts that may be about an incident (dispatchd's suggestions: every console sees the same)."""
        path = f"/incidents/{quote(incident_id, safe='')}/post-suggestions"
        self.run(tr("look for posts about the incident"), lambda c: c.request("GET", path), done)

    def repeat_place(self, incident_id: str, done: Callable[[dict[str, Any]], None]) -> None:
        path = f"/incidents/{quote(incident_id, safe='')}/repeat-place"
        self.run(tr("look for earlier incidents at this place"), lambda c: c.request("GET", path), done)

    def hotspots(self, days: int, family: str | None, done: Callable[[dict[str, Any]], None]) -> None:
        query = urlencode({"days": days, **({"family": family} if family else {})})
        self.run(tr("count the incidents by place"), lambda c: c.request("GET", f"/linking/hotspots?{query}"), done)

    def media_file(self, item: MediaItem, done: Callable[[Path], None]) -> None:
        """The media's content in the local cache, downloaded once and checked against its sha256."""

        async def call(client: DispatchClient) -> Path:
            path = self._cache / item.sha256
            if await asyncio.to_thread(path.exists):
                return path
            content = await client.download(f"/media/{item.id}/content")
            if hashlib.sha256(content).hexdigest() != item.sha256:
                raise BackendError(tr("the file of media {id} does not match its sha256", id=item.id))
            await asyncio.to_thread(_write_atomically, path, content)
            return path

        self.run(tr("download the media"), call, done)

    def upload_photo(
        self, incident_id: str, jpeg: bytes, captured_at: str | None, source: str, done: Callable[[Any], None]
    ) -> None:
        """Attach a picture (a wall snapshot) to an incident; it comes back as a `media.added` event."""
        fields = {"kind": "photo", "source": source}
        if captured_at:
            fields["captured_at"] = captured_at

        async def call(client: DispatchClient) -> Any:
            return await client.upload(f"/incidents/{incident_id}/media", fields, ("snapshot.jpg", jpeg, "image/jpeg"))

        self.run(tr("attach the snapshot to the incident"), call, done)


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    tmp.write_bytes(content)
    tmp.replace(path)
