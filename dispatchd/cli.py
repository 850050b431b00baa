"""`dispatchd`: run the reference dispatch backend."""

from __future__ import annotations

import argparse
import getpass
import importlib.util
import logging
import os
import socket
import sys
from pathlib import Path

import uvicorn

from dispatchd import audit
from dispatchd.auth import Role, password_problem
from dispatchd.config import DEFAULT_DOMAIN, ServerConfig
from dispatchd.tak.settings import TakSettings

log = logging.getLogger("dispatchd")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dispatchd", description="Reference dispatch backend (API v1).")
    p.add_argument(
        "--demo",
        action="store_true",
        help="run the demo city: simulated units, incidents, cameras; demo accounts "
        "supervisor/operator/trainer with their name as password",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port; 0 picks a free one (default 8765)")
    p.add_argument("--data-dir", type=Path, default=Path("var/dispatchd"), help="database and media folder")
    p.add_argument(
        "--database",
        metavar="URL",
        help="PostgreSQL database postgresql://USER[:PASSWORD]@HOST[:PORT]/DB (several instances may share it; "
        "the schema is created and migrated at start); default: SQLite in --data-dir",
    )
    p.add_argument("--seed", type=int, default=17, help="seed of the demo world (same seed, same city)")
    p.add_argument(
        "--incident-interval", type=float, default=45.0, help="demo: mean seconds between new incidents (default 45)"
    )
    p.add_argument(
        "--no-simulation",
        action="store_true",
        help="demo: a still city (fleet and cameras; no incidents, nothing moves), for tests",
    )
    p.add_argument(
        "--demo-language", choices=["en", "fr"], default="en", help="demo: language of incident types and rules"
    )
    p.add_argument("--basemap", type=Path, help="demo: write the city's offline base map (MBTiles) here, once")
    p.add_argument(
        "--social-sources",
        type=Path,
        help="JSON file of the social sources to watch (RSS/Atom feeds, Mastodon servers): dispatchd.social.sources",
    )
    p.add_argument(
        "--social-retry", type=float, default=5.0, help="seconds before retrying a failed social source (doubles)"
    )
    p.add_argument(
        "--exercise",
        type=Path,
        help="play a scenario (JSON script) or a recorded session (.session) live as an exercise: its incidents "
        "are marked EXERCISE",
    )
    p.add_argument("--exercise-speed", type=float, default=1.0, help="play the exercise this many times faster")
    p.add_argument("--heartbeat", type=float, default=15.0, help="seconds between SSE heartbeats")
    p.add_argument("--retention", type=float, default=24 * 3600.0, help="seconds of events kept for resuming")
    p.add_argument("--token-ttl", type=float, default=12 * 3600.0, help="seconds a login token lasts")
    p.add_argument(
        "--create-user", metavar="NAME", help="add or reset an account (password read from stdin), then exit"
    )
    p.add_argument("--role", choices=[r.value for r in Role], default="operator", help="role for --create-user")
    p.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="a web page's origin allowed to call the API from a browser (https://host[:port]); repeat for more",
    )
    p.add_argument(
        "--upload-limit",
        action="append",
        default=[],
        metavar="KIND=MB",
        help="largest file accepted for a media kind, in MB (defaults: photo=25 video=2048 audio=200 text=0.1)",
    )
    p.add_argument("--tls-cert", type=Path, metavar="FILE", help="serve HTTPS with this certificate (PEM, chain)")
    p.add_argument("--tls-key", type=Path, metavar="FILE", help="the certificate's private key (PEM)")
    p.add_argument(
        "--verify-audit", action="store_true", help="check the audit trail's hash chain, print OK or the first break"
    )
    p.add_argument(
        "--audit-retention-days",
        type=float,
        default=audit.RETENTION_DAYS,
        help=f"days the audit trail is kept (default {audit.RETENTION_DAYS}; at least 365)",
    )
    p.add_argument(
        "--require-mfa",
        metavar="ROLES",
        default="",
        help="roles that must also give an authenticator code at login, e.g. supervisor,admin (accounts enrolled "
        "with --enrol-totp always do)",
    )
    p.add_argument("--enrol-totp", metavar="NAME", help="give an account an authenticator (TOTP), print its URI")
    p.add_argument("--unlock-user", metavar="NAME", help="unlock an account locked after failed logins, then exit")
    p.add_argument(
        "--max-login-failures", type=int, default=5, help="failed logins in a row that lock an account (default 5)"
    )
    p.add_argument("--lock-minutes", type=float, default=30.0, help="how long a locked account stays locked")
    p.add_argument(
        "--agency-domain",
        default=DEFAULT_DOMAIN,
        help="the centre's domain, the last part of its incident tracking identifiers "
        f"(urn:emergency:uid:incidentid:…:DOMAIN) and of its CoT uids (default {DEFAULT_DOMAIN})",
    )
    p.add_argument(
        "--public-url",
        metavar="URL",
        help="the address callers' phones reach dispatchd at, for the links sent to them "
        "(default: the address the console used)",
    )
    p.add_argument(
        "--invite-minutes", type=int, default=30, help="how long a link sent to a caller stays valid (default 30)"
    )
    p.add_argument(
        "--sms-command",
        metavar="'CMD {number} {text}'",
        help="send links to callers with this command (run without a shell; {number} and {text} replaced)",
    )
    p.add_argument(
        "--sms-webhook", metavar="URL", help='send links to callers by POSTing {"to": number, "text": text} here'
    )
    p.add_argument(
        "--cot-listen",
        action="append",
        default=[],
        metavar="URL",
        help="take Cursor on Target from field clients on tcp://HOST:PORT (streaming) or udp://HOST:PORT (mesh); "
        "may be given several times",
    )
    p.add_argument(
        "--tak-server",
        metavar="URL",
        help="connect to a TAK server at tcp://HOST:PORT or tls://HOST:PORT: read its tracks, publish the "
        "centre's open incidents and unit positions to it",
    )
    p.add_argument("--tak-cert", type=Path, metavar="FILE", help="client certificate for tls:// (PEM)")
    p.add_argument("--tak-key", type=Path, metavar="FILE", help="its private key (PEM)")
    p.add_argument("--tak-ca", type=Path, metavar="FILE", help="the TAK server's certificate authority (PEM)")
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    return p


def listening_socket(host: str, port: int) -> socket.socket:
    """The server's socket. IPPROTO_TCP, not 0: asyncio turns Nagle off (TCP_NODELAY) only on sockets that say they
    are TCP, and every connection accepted inherits it. With 0, an answer written in two parts waited for the
    client's delayed ACK: 44 ms on every request of a kept-alive connection (a console's), 1 ms on a new one."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    return sock


class _AnnouncingServer(uvicorn.Server):
    """Prints `dispatchd listening on URL` once the app has started (tools read that line)."""

    def __init__(self, config: uvicorn.Config, url: str) -> None:
        super().__init__(config)
        self._url = url

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        sys.stdout.write(f"dispatchd listening on {self._url}\n")
        sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] in (["import"], ["export"], ["import-map"]):
        logging.basicConfig(level="INFO", format="%(levelname)s %(message)s")
        from dispatchd.admin_cli import export_main, import_main, import_map_main

        command = {"import": import_main, "export": export_main, "import-map": import_map_main}[arguments[0]]
        return command(arguments[1:])
    args = _parser().parse_args(arguments)
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if (args.demo or args.basemap) and importlib.util.find_spec("cv2") is None:
        log.error(
            "the demo city is drawn with OpenCV, which is not installed here: pip install 'command-console[demo]'"
        )
        return 2
    if bool(args.tls_cert) != bool(args.tls_key):
        log.error("--tls-cert and --tls-key go together")
        return 2
    for tls_file in (args.tls_cert, args.tls_key):
        if tls_file is not None and not tls_file.is_file():
            log.error("cannot read %s", tls_file)
            return 2
    if args.audit_retention_days < 365:
        log.error("the audit trail is kept at least 365 days")
        return 2
    mfa_roles = frozenset(r.strip() for r in args.require_mfa.split(",") if r.strip())
    if unknown := mfa_roles - {r.value for r in Role}:
        log.error("--require-mfa: no such role %s", ", ".join(sorted(unknown)))
        return 2
    limits = dict(ServerConfig(data_dir=Path()).upload_limits)
    for item in args.upload_limit:
        kind, _, megabytes = item.partition("=")
        try:
            limits[kind] = int(float(megabytes) * (1 << 20))
        except ValueError:
            log.error("--upload-limit takes KIND=MB (photo=25), not %r", item)
            return 2
    config = ServerConfig(
        data_dir=args.data_dir.resolve(),
        database=args.database or os.environ.get("DISPATCHD_DATABASE") or None,
        demo=args.demo,
        seed=args.seed,
        heartbeat_s=args.heartbeat,
        retention_s=args.retention,
        token_ttl_s=args.token_ttl,
        max_login_failures=args.max_login_failures,
        lock_s=args.lock_minutes * 60,
        mfa_roles=mfa_roles,
        upload_limits=tuple(limits.items()),
        max_upload_bytes=max(limits.values()),
        cors_origins=tuple(args.cors_origin),
        tls=args.tls_cert is not None,
        audit_retention_s=args.audit_retention_days * 86400,
        simulate=not args.no_simulation,
        basemap=args.basemap.resolve() if args.basemap else None,
        social_sources=args.social_sources.resolve() if args.social_sources else None,
        social_retry_s=args.social_retry,
        exercise=args.exercise.resolve() if args.exercise else None,
        exercise_speed=args.exercise_speed,
        demo_language=args.demo_language,
        agency_domain=args.agency_domain,
        public_url=args.public_url,
        invite_minutes=args.invite_minutes,
        sms_command=args.sms_command,
        sms_webhook=args.sms_webhook,
        tak=TakSettings(
            listen=tuple(args.cot_listen),
            server=args.tak_server,
            cert=str(args.tak_cert) if args.tak_cert else None,
            key=str(args.tak_key) if args.tak_key else None,
            ca=str(args.tak_ca) if args.tak_ca else None,
        ),
    )
    if problem := config.problem():
        log.error("%s", problem)
        return 2
    from dispatchd.app import build_context, create_app

    if args.create_user:
        ctx = build_context(config)
        password = sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else getpass.getpass()
        if why := password_problem(args.create_user, password):
            log.error("%s", why)
            return 2
        ctx.auth.add_account(args.create_user, password, Role(args.role))
        log.info("account %s (%s) saved", args.create_user, args.role)
        return 0
    if args.verify_audit:
        ctx = build_context(config)
        with ctx.storage.read() as tx:
            verdict = audit.verify(tx)
        sys.stdout.write(f"{verdict}\n")
        return 0 if verdict.ok else 1
    if args.enrol_totp:
        ctx = build_context(config)
        uri = ctx.auth.enrol_totp(args.enrol_totp)
        if uri is None:
            log.error("there is no account %s", args.enrol_totp)
            return 1
        sys.stdout.write(f"Scan or type this into the authenticator app of {args.enrol_totp}:\n{uri}\n")
        return 0
    if args.unlock_user:
        ctx = build_context(config)
        if not ctx.storage.unlock(args.unlock_user):
            log.error("there is no account %s", args.unlock_user)
            return 1
        log.info("account %s unlocked", args.unlock_user)
        return 0
    app = create_app(config, host=args.host, incident_interval_s=args.incident_interval)
    if not config.demo:
        from dispatchd.first_start import missing

        for gap in missing(app.state.ctx.storage):
            log.warning("%s (data folder %s)", gap, config.data_dir)
    sock = listening_socket(args.host, args.port)
    port = sock.getsockname()[1]
    host = f"[{args.host}]" if sock.family == socket.AF_INET6 else args.host
    uv_config = uvicorn.Config(
        app,
        log_level=args.log_level,
        timeout_graceful_shutdown=2,
        access_log=False,
        ssl_certfile=str(args.tls_cert) if args.tls_cert else None,
        ssl_keyfile=str(args.tls_key) if args.tls_key else None,
    )
    scheme = "https" if args.tls_cert else "http"
    _AnnouncingServer(uv_config, f"{scheme}://{host}:{port}").run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
