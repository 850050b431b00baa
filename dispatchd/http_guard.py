"""Headers on every answer, and uploads too large refused before their body is read (an ASGI middleware)."""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dispatchd.media_store import size_text
from dispatchd.problems import PROBLEM_JSON, Problem

UPLOAD_PATH = re.compile(r"^/api/v1/incidents/[^/]+/media$")
MEDIA_PATH = "/api/v1/media/"
FORM_OVERHEAD = 1 << 20  # a multipart body carries its fields and boundaries besides the file
HEAD_SCAN = 64 * 1024  # where the form's fields before the file are
COMMAND_BODY_LIMIT = 8 << 20
"""Any other request's body (a command's JSON: 5,000 positions are ~1 MB, a partner's EIDO far less): beyond it,
413, so that no token holder can make the server hold gigabytes in memory."""
KIND_FIELD = re.compile(rb'name="kind"\r\n(?:[^\r\n]+\r\n)*\r\n([a-z]{1,10})\r\n')
COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
MEDIA = [
    (b"content-security-policy", b"default-src 'none'; sandbox"),
    (b"cache-control", b"no-store"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000")


class HttpGuard:
    """`nosniff` and friends on every answer (HSTS when served over TLS); media answers also get a CSP that
    runs nothing and `no-store`; an upload whose body is larger than `max_upload_bytes` is answered 413 as soon
    as that is known: from its Content-Length before reading anything, else while it is read; any other request's
    body beyond `COMMAND_BODY_LIMIT` likewise."""

    def __init__(
        self, app: ASGIApp, max_upload_bytes: int, tls: bool, kind_limits: dict[str, int] | None = None
    ) -> None:
        self._app = app
        self._max_body = max_upload_bytes + FORM_OVERHEAD
        self._tls = tls
        self._kind_limits = kind_limits or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        path: str = scope["path"]
        extra = COMMON + (MEDIA if path.startswith(MEDIA_PATH) else []) + ([HSTS] if self._tls else [])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        if scope["method"] == "POST" and UPLOAD_PATH.match(path):
            declared = dict(scope["headers"]).get(b"content-length")
            if declared is not None and declared.isdigit() and int(declared) > self._max_body:
                await self._refuse(send_with_headers, path)
                return
            received, head, limit = 0, b"", self._max_body
            announced = int(declared) if declared is not None and declared.isdigit() else None
            refused: list[str] = []

            async def counting_receive() -> Message:
                nonlocal received, head, limit
                message = await receive()
                chunk = message.get("body", b"")
                received += len(chunk)
                if len(head) < HEAD_SCAN and limit == self._max_body:
                    # The form's `kind` comes before its file (the console, the citizens' page and curl -F in
                    # order send it so): once it is read, the kind's own limit applies, to what was announced too.
                    head += chunk[: HEAD_SCAN - len(head)]
                    if (found := KIND_FIELD.search(head)) and (kind := found.group(1).decode()) in self._kind_limits:
                        limit = self._kind_limits[kind] + FORM_OVERHEAD
                        refused[:] = [kind]
                if received > limit or (announced is not None and announced > limit):
                    # An HTTP error, so that the form parser passes it on as it is (it makes any other a 400)
                    raise HTTPException(413, self._too_large(refused[0] if refused else None))
                return message

            await self._app(scope, counting_receive, send_with_headers)
            return
        if scope["method"] in ("POST", "PUT", "PATCH"):
            declared = dict(scope["headers"]).get(b"content-length")
            if declared is not None and declared.isdigit() and int(declared) > COMMAND_BODY_LIMIT:
                await self._refuse(send_with_headers, path, self._command_too_large())
                return
            taken = 0

            async def limited_receive() -> Message:
                nonlocal taken
                message = await receive()
                taken += len(message.get("body", b""))
                if taken > COMMAND_BODY_LIMIT:
                    raise HTTPException(413, self._command_too_large())
                return message

            await self._app(scope, limited_receive, send_with_headers)
            return
        await self._app(scope, receive, send_with_headers)

    @staticmethod
    def _command_too_large() -> str:
        return f"This request is larger than {size_text(COMMAND_BODY_LIMIT)}: not accepted."

    def _too_large(self, kind: str | None) -> str:
        if kind is not None:
            return f"This {kind} is larger than {size_text(self._kind_limits[kind])}: not accepted."
        return f"This upload is larger than the largest file accepted ({size_text(self._max_body - FORM_OVERHEAD)})."

    async def _refuse(self, send: Any, path: str, detail: str | None = None) -> None:
        problem = Problem(413, "Too large", detail or self._too_large(None))
        body = json.dumps(problem.body(path)).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", PROBLEM_JSON.encode()), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})  # fmt: skip
        await send({"type": "http.response.body", "body": body})
