"""How the console reaches its backend safely: TLS verified against the system's or the centre's own CA, and
no plain HTTP beyond this machine unless the operator said so. Pure logic (no Qt)."""

from __future__ import annotations

import ipaddress
import ssl
from urllib.parse import urlsplit

from console.i18n import tr


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def plain_http_problem(urls: str, insecure: bool) -> str | None:
    """Why the console refuses these backend addresses (None: go on). Plain http:// is for this machine only;
    beyond it, police data travel encrypted unless the operator started the console with --insecure."""
    for url in (u.strip() for u in urls.split(",") if u.strip()):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return tr("The backend address {url} is not an http:// or https:// address.", url=url)
        if parts.scheme == "http" and not insecure and not is_loopback(parts.hostname or ""):
            return tr(
                "The backend address {url} is not encrypted: use https://, or start the console with --insecure "
                "on a network you trust.",
                url=url,
            )
    return None


def tls_context(ca_file: str | None) -> ssl.SSLContext:
    """Certificates checked against `ca_file` (a centre's own CA, PEM) when given, else the system's CAs."""
    return ssl.create_default_context(cafile=ca_file or None)


def tls_failure(error: BaseException) -> str | None:
    """The reason, in words, when a connection failed on its certificate or its encryption; else None."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return tr(
                "its certificate is not trusted ({reason})", reason=current.verify_message or current.reason or ""
            )
        if isinstance(current, ssl.SSLError):
            return tr("no encrypted connection could be set up ({reason})", reason=current.reason or str(current))
        current = current.__cause__ or current.__context__
    return None
