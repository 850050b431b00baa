"""Headers on every answer, and uploads too large refused before their body is read (an ASGI middleware)."""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dispatchd.problems import PROBLEM_JSON, Problem

UPLOAD_PATH = re.compile(r"^/api/v1/incidents/[^/]+/media$")
MEDIA_PATH = "/api/v1/media/"
FORM_OVERHEAD = 1 << 20  # a multipart body carries its fields and boundaries besides the file
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


class _TooLarge(Exception):
    pass


class HttpGuard:
    """`nosniff` and friends on every answer (HSTS when served over TLS); media answers also get a CSP that
    runs nothing and `no-store`; an upload whose body is larger than `max_upload_bytes` is answered 413 as soon
    as that is known: from its Content-Length before reading anything, else while it is read."""

    def __init__(self, app: ASGIApp, max_upload_bytes: int, tls: bool) -> None:
        self._app = app
        self._max_body = max_upload_bytes + FORM_OVERHEAD
        self._tls = tls

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        path: str = scope["path"]
        extra = COMMON + (MEDIA if path.startswith(MEDIA_PATH) else []) + ([HSTS] if self._tls else [])
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        if scope["method"] == "POST" and UPLOAD_PATH.match(path):
            declared = dict(scope["headers"]).get(b"content-length")
            if declared is not None and declared.isdigit() and int(declared) > self._max_body:
                await self._refuse(send_with_headers, path)
                return
            received = 0

            async def counting_receive() -> Message:
                nonlocal received
                message = await receive()
                received += len(message.get("body", b""))
                if received > self._max_body:
                    raise _TooLarge
                return message

            try:
                await self._app(scope, counting_receive, send_with_headers)
            except _TooLarge:
                if not started:
                    await self._refuse(send_with_headers, path)
            return
        await self._app(scope, receive, send_with_headers)

    async def _refuse(self, send: Any, path: str) -> None:
        limit_mb = (self._max_body - FORM_OVERHEAD) // (1 << 20)
        problem = Problem(413, "Too large", f"This upload is larger than the largest file accepted ({limit_mb} MB).")
        body = json.dumps(problem.body(path)).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", PROBLEM_JSON.encode()), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})  # fmt: skip
        await send({"type": "http.response.body", "body": body})
