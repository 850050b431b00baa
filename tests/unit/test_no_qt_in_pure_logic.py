"""Domain, event application, client, stream, outbox, the wall's logic and capture threads, and the backend
import no Qt (STYLE.md)."""

from __future__ import annotations

import subprocess
import sys

PURE = [
    "console.domain.model",
    "console.domain.events",
    "console.domain.state",
    "console.domain.priority",
    "console.domain.timefmt",
    "console.backend.client",
    "console.backend.event_stream",
    "console.backend.outbox",
    "console.backend.outbox_file",
    "console.backend.commands",
    "console.backend.connection",
    "console.settings",
    "console.videowall.layouts",
    "console.videowall.wall_state",
    "console.videowall.feed_status",
    "console.videowall.feed_source",
    "console.videowall.diagnosis",
    "console.videowall.feed_worker",
    "console.videowall.feed",
    "console.videowall.frame_buffer",
    "console.videowall.remote_feed",
    "console.videowall.decoder_host",
    "console.evidence.clip",
    "console.evidence.manifest",
    "console.evidence.cli",
    "dispatch_protocol.watch_query",
    "dispatch_protocol.geofence",
    "dispatch_protocol.geo",
    "dispatch_protocol.text",
    "console.social_watch.spikes",
    "console.social_watch.rules",
    "console.social_watch.watch",
    "console.social_watch.highlight",
    "console.social_watch.safe_text",
    "console.social_watch.time_ago",
    "console.domain.social",
    "dispatchd.social.watch_rules",
    "console.recording.raw_state",
    "console.recording.session_file",
    "console.recording.replay_clock",
    "console.recording.report",
    "console.layout.placement",
    "console.layout.profile",
    "console.palette.matching",
    "console.theme_colours",
    "console.alerting.log",
    "console.domain.clock",
    "dispatchd.exercise",
    "dispatchd.social.ingest",
    "dispatchd.app",
    "dispatchd.demo.world",
]


def test_pure_modules_do_not_import_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {PURE!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
