"""The citizens' desk of one dispatchd: invites, the page's requests through a link (or a field officer's
token), chunked uploads into media items, live video into a camera of the incident."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from dispatchd import audit
from dispatchd.citizen import invites
from dispatchd.citizen.content_range import ChunkRange
from dispatchd.citizen.links import state_at
from dispatchd.citizen.live import LiveSource, LiveVideo
from dispatchd.citizen.rate import RateLimit
from dispatchd.citizen.sms import SmsGateway
from dispatchd.citizen.uploads import UPLOAD, PartFiles, new_upload
from dispatchd.clock import utc_now
from dispatchd.config import ServerConfig
from dispatchd.event_bus import EventBus
from dispatchd.media_intake import media_item, save_checked, save_text
from dispatchd.media_store import MediaStore, size_text
from dispatchd.problems import Problem
from dispatchd.reference import CAMERA_SECRET
from dispatchd.service import CAMERA, INCIDENT, DispatchService
from dispatchd.storage.interface import Storage, Transaction

log = logging.getLogger("dispatchd.citizen")

GONE_WORDS = {
    "expired": "This link has expired: call the centre again if you have more to send.",
    "revoked": "This link was closed by the centre.",
}


class CitizenDesk:
    def __init__(
        self,
        config: ServerConfig,
        storage: Storage,
        service: Callable[[], DispatchService],
        bus: EventBus,
        media: MediaStore,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._config = config
        self._storage = storage
        self._service = service
        self._bus = bus
        self._media = media
        self.clock = clock
        self.parts = PartFiles(config.data_dir / "uploads")
        self.rate = RateLimit(config.invite_requests_per_minute, config.invite_burst)
        self.sms = SmsGateway(config.sms_command, config.sms_webhook, demo=config.demo)
        self.live = LiveVideo(config.data_dir / "live", self._live_ended)
        self._live_count = 0

    # --- the link ------------------------------------------------------------------------------
    def invite_for(self, link: str) -> dict[str, Any]:
        """The invite a link opens, if it still accepts anything (else 404 or 410 with the reason)."""
        with self._storage.read() as tx:
            invite = invites.by_link(tx, link)
        if invite is None:
            raise Problem(404, "Unknown link", "This link is not known: check it, or call the centre again.",
                          state="unknown")  # fmt: skip
        state = state_at(invite, self.clock())
        if state not in ("open", "used"):
            raise Problem(410, "Link closed", GONE_WORDS[state], state=state)
        return invite

    def limit(self, key: str) -> None:
        wait = self.rate.take(key, time.monotonic())
        if wait > 0:
            raise Problem(429, "Too many requests", f"Too many requests through this link: wait {wait:.0f} s.",
                          headers={"Retry-After": str(max(1, round(wait)))})  # fmt: skip

    def _write(self, what: Callable[[Transaction], Any]) -> Any:
        with self._storage.transaction() as tx:
            result = what(tx)
        self._bus.notify()
        return result

    def used(self, invite: dict[str, Any] | None, item: bool = True) -> None:
        if invite is not None:
            self._write(lambda tx: invites.used(tx, invite, f"caller:{invite['ref']}", self.clock(), item))

    def position(self, invite: dict[str, Any], where: dict[str, Any]) -> dict[str, Any]:
        actor = f"caller:{invite['ref']}"

        def record(tx: Transaction) -> dict[str, Any]:
            position = invites.caller_position(tx, actor, invite["incident_id"], invite["ref"], where, self.clock())
            invites.used(tx, invite, actor, self.clock(), item=False)
            return position

        return dict(self._write(record))

    def message(self, incident_id: str, actor: str, source: str, text: str, invite: dict[str, Any] | None) -> str:
        limit = dict(self._config.upload_limits).get("text", self._config.max_upload_bytes)
        saved = save_text(self._media, text, limit)
        item = media_item(incident_id, "text", saved, source, utc_now(), None, text)
        self._write(lambda tx: self._service().add_media(tx, actor, item))
        self.used(invite)
        return str(item["id"])

    # --- chunked uploads -----------------------------------------------------------------------
    def start_upload(
        self, incident_id: str, owner: str, source: str, body: dict[str, Any], invite: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """An upload about to come in chunks: its size within its kind's limit and, through a link, within what
        the link may bring in all (413 before any byte)."""
        limit = dict(self._config.upload_limits).get(body["kind"], self._config.max_upload_bytes)
        upload = new_upload(incident_id, owner, source, body, limit, utc_now())
        with self._storage.transaction() as tx:
            self._service().get_incident(tx, incident_id)
            if invite is not None:
                self._reserve(tx, invite, upload["size"])
            tx.put(UPLOAD, upload["id"], upload)
        return {"id": upload["id"], "offset": 0, "size": upload["size"]}

    def _reserve(self, tx: Transaction, invite: dict[str, Any], size: int) -> None:
        fresh = tx.get(invites.INVITE, invite["key"]) or invite
        total = int(fresh.get("declared_bytes", 0)) + size
        if total > self._config.invite_max_bytes:
            raise Problem(413, "Too large", f"This link takes at most {size_text(self._config.invite_max_bytes)} in "
                          "all: call the centre for more.")  # fmt: skip
        tx.put(invites.INVITE, fresh["key"], {**fresh, "declared_bytes": total})

    def upload_of(self, upload_id: str, owner: str) -> dict[str, Any]:
        with self._storage.read() as tx:
            upload = tx.get(UPLOAD, upload_id)
        if upload is None or upload["owner"] != owner:
            raise Problem(404, "Not found", "There is no such upload through this link.")
        return upload

    def status(self, upload: dict[str, Any]) -> dict[str, Any]:
        offset = upload["size"] if upload["media_id"] else self.parts.offset(upload["id"])
        return {"id": upload["id"], "offset": offset, "size": upload["size"], "media_id": upload["media_id"]}

    def put_chunk(self, upload: dict[str, Any], actor: str, chunk: ChunkRange, data: bytes) -> dict[str, Any]:
        """Blocking (a worker thread): one chunk written; the last one makes the media item."""
        if upload["media_id"]:  # the last chunk again (its answer was lost): the same item
            return self.status(upload)
        outcome = self.parts.append(upload, chunk, data)
        if not outcome.complete:
            return {"id": upload["id"], "offset": outcome.offset, "size": upload["size"], "media_id": None}
        path = self.parts.path(upload["id"])
        limit = dict(self._config.upload_limits).get(upload["kind"], self._config.max_upload_bytes)
        try:
            with path.open("rb") as whole:
                saved = save_checked(self._media, upload["kind"], whole, limit, upload["name"])
        finally:
            self.parts.drop(upload["id"])
        item = media_item(upload["incident_id"], upload["kind"], saved, upload["source"], upload["captured_at"],
                          upload["location"])  # fmt: skip
        upload = {**upload, "media_id": item["id"]}

        def record(tx: Transaction) -> None:
            self._service().add_media(tx, actor, item)
            tx.put(UPLOAD, upload["id"], upload)

        self._write(record)
        log.info("upload %s: %s of %d bytes on incident %s (sha256 %s)", upload["id"][:6], upload["kind"],
                 saved.size, upload["incident_id"], saved.sha256[:12])  # fmt: skip
        return self.status(upload)

    # --- live video ----------------------------------------------------------------------------
    async def go_live(self, incident_id: str, offer_sdp: str, who: str) -> str:
        """The phone's offer answered; the incident gets a live camera named after it."""
        self._live_count += 1
        camera_id = f"caller-{incident_id[:8]}-{int(time.time())}-{self._live_count}"
        answer, source = await self.live.answer(offer_sdp, camera_id, incident_id)

        def register(tx: Transaction) -> None:
            incident = tx.get(INCIDENT, incident_id) or {}
            number = incident.get("number") or incident_id
            tx.put(CAMERA_SECRET, camera_id, {"key": source.key})
            camera = {"id": camera_id, "name": f"Caller — {number}", "kind": "caller", "location": None,
                      "stream": {"main_url": f"/api/v1/live/{camera_id}/stream.mjpg", "sub_url": None},
                      "archive_url": None, "status": "live", "has_credentials": True, "retired": False,
                      "incident_id": incident_id}  # fmt: skip
            self._service().register_camera(tx, who, camera)

        await asyncio.to_thread(self._write, register)
        return answer

    def keep_recording(self, camera_id: str, actor: str) -> bool:
        source = self.live.get(camera_id)
        if source is None:
            return False
        source.keep_by = actor
        return True

    async def _live_ended(self, source: LiveSource) -> None:
        def ended(tx: Transaction) -> None:
            camera = tx.get(CAMERA, source.camera_id)
            if camera is not None:
                self._service().register_camera(tx, "dispatchd", {**camera, "status": "ended", "retired": True})

        await asyncio.to_thread(self._write, ended)
        if source.keep_by and source.recording.exists() and source.recording.stat().st_size > 0:
            await asyncio.to_thread(self._keep, source)

    def _keep(self, source: LiveSource) -> None:
        limit = dict(self._config.upload_limits).get("video", self._config.max_upload_bytes)
        try:
            with source.recording.open("rb") as whole:
                saved = save_checked(self._media, "video", whole, limit, f"{source.camera_id}.mp4")
        except Problem as refused:
            log.warning("live %s: the recording could not be kept: %s", source.camera_id, refused.detail)
            return
        item = media_item(source.incident_id, "video", saved, "citizen", None, None)
        item["name"] = f"Live video from the caller ({source.camera_id})"
        assert source.keep_by is not None
        actor = source.keep_by

        def record(tx: Transaction) -> None:
            self._service().add_media(tx, actor, item)
            audit.record(tx, actor, "keep", entity_type="media", entity_id=item["id"],
                         incident_id=source.incident_id, sha256=saved.sha256)  # fmt: skip

        self._write(record)

    # --- housekeeping --------------------------------------------------------------------------
    def expire_due(self) -> int:
        return int(self._write(lambda tx: invites.expire_due(tx, self.clock())))

    def invite_valid(self, minutes: int | None) -> timedelta:
        return timedelta(minutes=minutes or self._config.invite_minutes)
