"""A local HTTP server whose answers the test sets per path: feeds, Mastodon-shaped JSON, errors, silence."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

Answer = tuple[int, str, bytes]  # status, content type, body
Route = Callable[[dict[str, str]], Answer]


@dataclass
class FeedServer:
    """Routes by path; every request is recorded (path and query) for the test to check."""

    url: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    delay_s: dict[str, float] = field(default_factory=dict)

    def serve(self, path: str, status: int, content_type: str, body: bytes | str) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = lambda _query: (status, content_type, data)

    def serve_json(self, path: str, make: Callable[[dict[str, str]], Any]) -> None:
        self.routes[path] = lambda query: (200, "application/json", json.dumps(make(query)).encode())

    def hits(self, path: str) -> list[dict[str, str]]:
        return [query for p, query in list(self.requests) if p == path]


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    state = FeedServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            state.requests.append((parts.path, query))
            if parts.path in state.delay_s:
                time.sleep(state.delay_s[parts.path])
            route = state.routes.get(parts.path)
            status, content_type, body = route(query) if route else (404, "text/plain", b"not here")
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def mastodon_status(status_id: int, text: str, tag: str = "manif", lang: str = "fr") -> dict[str, Any]:
    """A status shaped as Mastodon's REST API answers it (the fields the connector reads, and a few more)."""
    return {
        "id": str(status_id),
        "uri": f"https://masto.example/users/someone/statuses/{status_id}",
        "url": f"https://masto.example/@someone/{status_id}",
        "created_at": f"2026-11-25T10:{status_id // 60 % 60:02d}:{status_id % 60:02d}.000Z",
        "content": f"<p>{text} <a href='https://masto.example/tags/{tag}' class='hashtag'>#<span>{tag}</span></a></p>",
        "spoiler_text": "",
        "language": lang,
        "visibility": "public",
        "reblog": None,
        "account": {"id": "7", "username": "someone", "acct": "someone@masto.example", "display_name": "Some One"},
        "media_attachments": [],
    }


def timeline(statuses: list[dict[str, Any]], query: dict[str, str]) -> list[dict[str, Any]]:
    """Mastodon's paging: newest first, `since_id` and `max_id` exclusive bounds, `limit`."""
    chosen = sorted(statuses, key=lambda s: int(s["id"]), reverse=True)
    if "since_id" in query:
        chosen = [s for s in chosen if int(s["id"]) > int(query["since_id"])]
    if "max_id" in query:
        chosen = [s for s in chosen if int(s["id"]) < int(query["max_id"])]
    return chosen[: int(query.get("limit", 20))]
