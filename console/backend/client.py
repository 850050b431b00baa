"""DispatchClient: the console's only way to the backend's REST API (one shared httpx.AsyncClient)."""

from __future__ import annotations

import asyncio
import hmac
import logging
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from httpx_sse import EventSource, aconnect_sse

from console.backend.errors import (
    AuthenticationFailed,
    BackendUnreachable,
    CommandRefused,
    ResyncRequired,
)
from console.backend.transport import tls_failure
from console.i18n import tr

log = logging.getLogger("console.backend")
API = "/api/v1"
STREAM_TIMEOUT = httpx.Timeout(10.0, read=45.0)  # > 2 heartbeats: a silent dead link is noticed


@dataclass(frozen=True, slots=True)
class Session:
    """Who is logged in."""

    username: str
    role: str


def _problem_of(response: httpx.Response) -> CommandRefused:
    try:
        body = response.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    detail = str(
        body.get("detail") or response.reason_phrase or tr("HTTP {status_code}", status_code=response.status_code)
    )
    return CommandRefused(response.status_code, str(body.get("title") or ""), detail, body)


def _login_refusal(problem: CommandRefused) -> str:
    """What the login dialog says: the backend's sentence, with a lock's end in this console's local time."""
    until = problem.problem.get("locked_until")
    if problem.problem.get("code") == "account_locked" and isinstance(until, str):
        try:
            local = datetime.fromisoformat(until.replace("Z", "+00:00")).astimezone()
        except ValueError:
            return problem.detail
        return tr("Your account is locked until {time} after too many failed logins: ask a supervisor to unlock it.",
                  time=f"{local:%H:%M}")  # fmt: skip
    return problem.detail


class DispatchClient:
    """Logs in, reads state, sends commands; re-logs in once when a token has expired."""

    def __init__(self, http: httpx.AsyncClient, base_url: str) -> None:
        """`base_url`: one backend, or several instances of it separated by commas (`URL1,URL2`): the client
        uses one and moves to the next when it cannot be reached (`fail_over`)."""
        self._http = http
        self.urls = tuple(url.strip().rstrip("/") for url in base_url.split(",") if url.strip())
        if not self.urls:
            raise ValueError(tr("No dispatch backend address is set."))
        self._current = 0
        self._failed_in_a_row = 0
        self._credentials: tuple[str, str] | None = None
        self._code = ""
        self._token: str | None = None
        self.session: Session | None = None

    @property
    def base_url(self) -> str:
        """The backend instance in use."""
        return self.urls[self._current]

    def fail_over(self) -> bool:
        """The instance in use cannot be reached: use the next. False when every instance failed in a row (then
        wait before going round again); always False with a single instance."""
        if len(self.urls) == 1:
            return False
        self._failed_in_a_row += 1
        self._current = (self._current + 1) % len(self.urls)
        log.warning("moving to the backend instance %s", self.base_url)
        return self._failed_in_a_row < len(self.urls)

    def connected(self) -> None:
        """The instance in use answered: a later failure starts a new round."""
        self._failed_in_a_row = 0

    @property
    def username(self) -> str | None:
        """Who this console is logged in as (None before the first login)."""
        return self._credentials[0] if self._credentials else None

    @property
    def has_credentials(self) -> bool:
        return self._credentials is not None

    def set_credentials(self, username: str, password: str, code: str = "") -> None:
        """`code`: the authenticator app's code, when the account needs one (good for one login)."""
        self._credentials = (username, password)
        self._code = code
        self._token = None

    def password_matches(self, password: str) -> bool:
        """The password this console logged in with (the idle lock checks it here: it unlocks offline too)."""
        return self._credentials is not None and hmac.compare_digest(self._credentials[1], password)

    async def logout(self) -> None:
        """Revoke this console's token on the backend (best effort), then forget the credentials."""
        token, self._token, self._credentials, self.session = self._token, None, None, None
        if token is None:
            return
        try:
            bearer = {"Authorization": f"Bearer {token}"}  # i18n: not shown
            await self._http.post(f"{self.base_url}{API}/auth/logout", headers=bearer)
        except httpx.TransportError as exc:
            log.warning("logout: the backend was not told (%s); the token expires on its own", exc)

    async def login(self) -> Session:
        """A new token from the stored credentials."""
        if self._credentials is None:
            await self.health()  # unreachable is said before "log in": the operator must know which
            raise AuthenticationFailed(tr("Log in to the dispatch backend."))
        username, password = self._credentials
        try:
            form = {"username": username, "password": password, **({"otp": self._code} if self._code else {})}
            response = await self._http.post(f"{self.base_url}{API}/auth/token", data=form)
            self._code = ""  # spent: a later login (the token expired) asks for the next one
        except httpx.TransportError as exc:
            raise BackendUnreachable(self._unreachable(exc)) from exc
        if response.status_code in (400, 401, 403, 429):
            raise AuthenticationFailed(_login_refusal(_problem_of(response)))
        self._raise_for(response)
        body = response.json()
        self._token = body["access_token"]
        self.session = Session(body.get("username", username), body.get("role", ""))
        log.info("logged in to %s as %s (%s)", self.base_url, self.session.username, self.session.role)
        return self.session

    async def health(self) -> dict[str, Any]:
        """The backend's readiness answer (no token needed)."""
        try:
            response = await self._http.get(f"{self.base_url}{API}/health")
        except httpx.TransportError as exc:
            raise BackendUnreachable(self._unreachable(exc)) from exc
        self._raise_for(response)
        body: dict[str, Any] = response.json()
        return body

    async def ensure_login(self) -> None:
        if self._token is None:
            await self.login()

    def _unreachable(self, exc: Exception) -> str:
        if reason := tls_failure(exc):
            return tr(
                "cannot reach the dispatch backend at {base_url}: {reason}", base_url=self.base_url, reason=reason
            )
        return tr(
            "cannot reach the dispatch backend at {base_url} ({error})",
            base_url=self.base_url,
            error=type(exc).__name__,
        )

    def _raise_for(self, response: httpx.Response) -> None:
        if response.status_code >= 500:
            raise BackendUnreachable(
                tr("the dispatch backend answered {status_code}", status_code=response.status_code)
            )
        if response.status_code >= 400:
            raise _problem_of(response)

    def _auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token}"}  # i18n: not shown if self._token else {}

    async def _send(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        data: dict[str, str] | None = None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
    ) -> httpx.Response:
        """One authenticated call; a 401 logs in again once and retries; errors become BackendErrors."""
        await self.ensure_login()
        for attempt in (1, 2):
            try:
                response = await self._http.request(
                    method,
                    f"{self.base_url}{API}{path}",
                    json=json,
                    params=params,
                    data=data,
                    files=files,
                    headers={**self._auth_headers(), **(headers or {})},
                )
            except httpx.TransportError as exc:
                raise BackendUnreachable(self._unreachable(exc)) from exc
            if response.status_code == 401 and attempt == 1:
                log.info("token refused (%s); logging in again", _problem_of(response).detail)
                await self.login()
                continue
            self._raise_for(response)
            return response
        raise AssertionError("unreachable")

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        """One API call; returns the decoded JSON body."""
        response = await self._send(method, path, json=json, params=params, headers=headers)
        return response.json() if response.content else None

    async def download(self, path: str) -> bytes:
        """A file's bytes (media content)."""
        return (await self._send("GET", path)).content

    async def download_to(self, path: str, target: Path, on_progress: Callable[[int], None]) -> int:
        """Stream a file (an export) to `target` without holding it in memory; writes happen off the loop's
        thread. `on_progress` gets the bytes received so far. Returns the size."""
        await self.ensure_login()
        received = 0
        try:
            async with self._http.stream("GET", f"{self.base_url}{API}{path}", headers=self._auth_headers()) as answer:
                if answer.status_code != 200:
                    await answer.aread()
                    self._raise_for(answer)
                with await asyncio.to_thread(target.open, "wb") as out:
                    async for chunk in answer.aiter_bytes(1 << 16):
                        await asyncio.to_thread(out.write, chunk)
                        received += len(chunk)
                        on_progress(received)
        except httpx.TransportError as exc:
            raise BackendUnreachable(self._unreachable(exc)) from exc
        return received

    async def upload(
        self, path: str, fields: dict[str, str], file: tuple[str, bytes, str], *, key: str | None = None
    ) -> Any:
        """A multipart upload (media): form fields and one file as (name, bytes, MIME type)."""
        headers = {"Idempotency-Key": key or str(uuid.uuid4())}
        response = await self._send("POST", path, data=fields, files={"file": file}, headers=headers)
        return response.json() if response.content else None

    async def command(
        self, method: str, path: str, body: Any = None, *, key: str | None = None, if_match: int | None = None
    ) -> Any:
        """A state-changing request with its `Idempotency-Key` (a retry with the same key is harmless)."""
        headers = {"Idempotency-Key": key or str(uuid.uuid4())}
        if if_match is not None:
            headers["If-Match"] = f'"{if_match}"'
        return await self.request(method, path, json=body, headers=headers)

    async def snapshot(self) -> dict[str, Any]:
        result: dict[str, Any] = await self.request("GET", "/snapshot")
        return result

    async def events_after(self, seq: int, limit: int = 1000) -> list[dict[str, Any]]:
        """Catch-up; raises ResyncRequired when the backend no longer has them."""
        try:
            body = await self.request("GET", "/events", params={"after": seq, "limit": limit})
        except CommandRefused as exc:
            if exc.status == 410:
                raise ResyncRequired(exc.detail) from exc
            raise
        events: list[dict[str, Any]] = body["events"]
        return events

    @asynccontextmanager
    async def open_stream(self, after: int) -> AsyncIterator[EventSource]:
        """The SSE stream, resuming after `after` (sent as Last-Event-ID)."""
        await self.ensure_login()
        for attempt in (1, 2):
            try:
                async with aconnect_sse(
                    self._http,
                    "GET",
                    f"{self.base_url}{API}/events/stream",
                    headers={**self._auth_headers(), "Last-Event-ID": str(after)},
                    timeout=STREAM_TIMEOUT,
                ) as source:
                    if source.response.status_code == 401 and attempt == 1:
                        await source.response.aread()
                        await self.login()
                        continue
                    if source.response.status_code >= 400:
                        await source.response.aread()
                        self._raise_for(source.response)
                    yield source
                    return
            except httpx.TransportError as exc:
                raise BackendUnreachable(self._unreachable(exc)) from exc
