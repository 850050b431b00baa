"""The TAK settings of one dispatchd (`--cot-listen`, `--tak-server` and its certificate), checked at start."""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class Endpoint:
    """`tcp://HOST:PORT`, `udp://HOST:PORT`, `tls://HOST:PORT`."""

    scheme: str
    host: str
    port: int

    @classmethod
    def parse(cls, url: str, schemes: tuple[str, ...]) -> Endpoint:
        parts = urlsplit(url)
        if parts.scheme not in schemes or not parts.hostname or parts.port is None:
            raise ValueError(f"{url!r}: expected {' or '.join(f'{s}://HOST:PORT' for s in schemes)}")
        return cls(parts.scheme, parts.hostname, parts.port)

    def __str__(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"


@dataclass(frozen=True, slots=True)
class TakSettings:
    """`--cot-listen`, `--tak-server` and its client certificate."""

    listen: tuple[str, ...] = ()
    server: str | None = None
    cert: str | None = None
    key: str | None = None
    ca: str | None = None

    @property
    def enabled(self) -> bool:
        return bool(self.listen or self.server)

    def endpoints(self) -> list[Endpoint]:
        return [Endpoint.parse(url, ("tcp", "udp")) for url in self.listen]

    def server_endpoint(self) -> Endpoint | None:
        return Endpoint.parse(self.server, ("tcp", "tls")) if self.server else None

    def tls_context(self) -> ssl.SSLContext | None:
        endpoint = self.server_endpoint()
        if endpoint is None or endpoint.scheme != "tls":
            return None
        context = ssl.create_default_context(cafile=self.ca)
        if self.cert:
            context.load_cert_chain(self.cert, self.key)
        return context
