"""A bounded HTTP server on 127.0.0.1 that serves canned feeds, pages, redirects and stalls."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOW_CHUNKS = 10
SLOW_CHUNK_PAUSE = 0.2


@dataclass
class Routes:
    """Path -> (status, headers, body); ``slow`` paths trickle, ``stall`` paths wait."""

    pages: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    slow: set[str] = field(default_factory=set)
    stall: set[str] = field(default_factory=set)
    hits: list[str] = field(default_factory=list)


def _handler(routes: Routes) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            routes.hits.append(self.path)
            if self.path in routes.stall:
                time.sleep(1.0)
            if self.path in routes.slow:
                self._trickle()
                return
            status, headers, body = routes.pages.get(self.path, (404, {}, b"missing"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _trickle(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(SLOW_CHUNKS * 10))
            self.end_headers()
            try:
                for _ in range(SLOW_CHUNKS):
                    self.wfile.write(b"<p>more</p"[:10])
                    self.wfile.flush()
                    time.sleep(SLOW_CHUNK_PAUSE)
            except OSError:
                return

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up early (a cut-off test) is expected; say nothing."""


@contextmanager
def serve(routes: Routes) -> Iterator[str]:
    """Serve ``routes`` on 127.0.0.1 (a free port); yield the base URL."""
    server = _QuietServer(("127.0.0.1", 0), _handler(routes))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
