"""Server settings, from the command line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from dispatchd.tak.settings import TakSettings

DEFAULT_DOMAIN = "dispatchd.invalid"
"""A centre that has not said its domain (`--agency-domain`): `.invalid` can never be anyone's."""
_DOMAIN = re.compile(
    r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"
)


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """How one dispatchd instance runs."""

    data_dir: Path
    database: str | None = None  # postgresql://USER@HOST/DB; None: SQLite in data_dir
    demo: bool = False
    seed: int = 17
    heartbeat_s: float = 15.0
    retention_s: float = 24 * 3600.0
    token_ttl_s: float = 12 * 3600.0
    max_login_failures: int = 5  # failed logins in a row that lock an account
    lock_s: float = 30 * 60.0  # for this long, or until an admin unlocks it
    mfa_roles: frozenset[str] = frozenset()  # roles that must give an authenticator code (enrolled accounts always)
    poll_s: float = 1.0
    max_upload_bytes: int = 2 << 30  # the largest of the limits per kind (a request beyond it is refused at once)
    upload_limits: tuple[tuple[str, int], ...] = (
        ("photo", 25 << 20),
        ("video", 2 << 30),
        ("audio", 200 << 20),
        ("text", 100 << 10),
    )
    """Largest file accepted per media kind, in bytes."""
    audit_retention_s: float = 400 * 86400.0  # the audit trail: at least a year
    tls: bool = False  # served over HTTPS (--tls-cert): answers carry HSTS
    cors_origins: tuple[str, ...] = ()  # web pages allowed to call the API from a browser (none by default)
    simulate: bool = True
    social_sources: Path | None = None  # JSON file of RSS/Atom and Mastodon sources (dispatchd.social.sources)
    social_retry_s: float = 5.0  # first wait after a source fails; doubles up to social_retry_max_s
    social_retry_max_s: float = 300.0
    exercise: Path | None = None  # a scenario script or a recorded session to play live as an exercise
    exercise_speed: float = 1.0
    basemap: Path | None = None  # demo: where to write the city's offline map (kept if already there)
    demo_language: str = "en"  # demo: the language of its incident types and watch rules ("en" or "fr")
    agency_domain: str = DEFAULT_DOMAIN  # the last part of its incident tracking identifiers (NENA) and CoT uids
    tak: TakSettings = field(default_factory=TakSettings)  # Cursor on Target listeners and TAK server link
    public_url: str | None = None  # the address callers' phones reach dispatchd at (the links); else the request's
    invite_minutes: int = 30  # how long a link sent to a caller stays valid
    invite_requests_per_minute: float = 120.0  # per link (a 20 MB video is 20 requests of 1 MB)
    invite_burst: float = 40.0
    invite_max_bytes: int = 4 << 30  # all the files through one link (a chunk is not a request against the rate)
    sms_command: str | None = None  # 'CMD {number} {text}': the centre's SMS gateway as a command (no shell)
    sms_webhook: str | None = None  # or as an HTTP endpoint, POSTed {"to": number, "text": text}

    def problem(self) -> str | None:
        """What in these settings cannot work, in a sentence; None when all can."""
        if not _DOMAIN.match(self.agency_domain):
            return f"--agency-domain {self.agency_domain!r} is not a domain name (e.g. police.valmont.example)"
        try:
            self.tak.endpoints()
            self.tak.server_endpoint()
        except ValueError as error:
            return f"TAK: {error}"
        if self.public_url and not re.match(r"^https?://[^/\s]+", self.public_url):
            return f"--public-url {self.public_url!r} is not an http(s):// address"
        if self.tak.cert and not (self.tak.server or "").startswith("tls://"):
            return "--tak-cert is for a tls:// TAK server"
        return None

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"
