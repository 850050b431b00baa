"""What every connector is, and the words for what goes wrong when fetching."""

from __future__ import annotations

from typing import Any, Protocol

import httpx

from dispatchd.social.posts import CollectedPost


class SourceError(Exception):
    """A fetch that failed, in words an operator understands (shown in the console's source list)."""


class Connector(Protocol):
    async def fetch(self, http: httpx.AsyncClient) -> list[CollectedPost]:
        """The posts published since the last fetch (duplicates are fine: storage drops them)."""
        ...

    def cursor(self) -> dict[str, Any]:
        """Where to resume after a restart (kept with the source's status)."""
        ...

    def resume(self, cursor: dict[str, Any]) -> None: ...


async def get(http: httpx.AsyncClient, url: str, timeout_s: float, **kwargs: Any) -> httpx.Response:
    """GET with the source's timeout; transport failures and HTTP errors become SourceError."""
    try:
        response = await http.get(url, timeout=timeout_s, follow_redirects=True, **kwargs)
    except httpx.TimeoutException:
        raise SourceError(f"no answer within {timeout_s:g} s") from None
    except httpx.ConnectError as exc:
        raise SourceError(f"cannot connect: {exc}") from None
    except httpx.HTTPError as exc:
        raise SourceError(f"network error: {exc}") from None
    if response.status_code >= 400:
        raise SourceError(f"the server answered HTTP {response.status_code} {response.reason_phrase}")
    return response
