"""The lifecycle of a loopback HTTP server: a free 127.0.0.1 port, a daemon thread, a clean stop."""

from __future__ import annotations

import sys
import threading
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self


def send_payload(
    handler: BaseHTTPRequestHandler,
    status: int,
    payload: bytes,
    content_type: str = "application/json",
    headers: Mapping[str, str] | None = None,
) -> None:
    """Answer `handler`'s request with `payload`, its type and length, then any extra `headers`."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(payload)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(payload)


class _ThreadingServer(ThreadingHTTPServer):
    """A listen backlog that takes a burst of clients (the default 5 drops some of 16), and no
    traceback on stderr for a client that hangs up (a cancelled request resets its connection),
    which a CLI test would read as the command's own."""

    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class LoopbackServer:
    """Serves `handler` on a free 127.0.0.1 port from a daemon thread until closed."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self._http = _ThreadingServer(("127.0.0.1", 0), handler)
        self._http.daemon_threads = True
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        """The OpenAI base URL of this server."""
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def close(self) -> None:
        """Stop serving and free the port."""
        self._http.shutdown()
        self._http.server_close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
