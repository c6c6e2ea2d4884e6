"""A loopback HTTP proxy in front of an OpenAI-compatible server that counts calls and tokens,
so that tools which drop the `usage` of their answers (LangExtract) are measured like ours."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Any

import httpx

from extractor.testing import LoopbackServer, send_payload


@dataclass
class Counts:
    """Calls forwarded and the tokens their answers reported."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0


class CountingProxy(LoopbackServer):
    """Forwards every request to `upstream` (an OpenAI base URL) and adds up `usage`."""

    def __init__(self, upstream: str, timeout: float = 600.0) -> None:
        self.counts = Counts()
        lock = threading.Lock()
        origin = httpx.URL(upstream)
        client = httpx.Client(timeout=timeout)
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _forward(self, method: str) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length) if length else None
                path = self.path.removeprefix("/v1")
                url = origin.copy_with(path=origin.path.rstrip("/") + path)
                headers = {"Content-Type": self.headers.get("Content-Type", "application/json")}
                answer = client.request(method, url, content=body, headers=headers)
                self._count(answer)
                send_payload(
                    self,
                    answer.status_code,
                    answer.content,
                    answer.headers.get("content-type", "text/plain"),
                )

            def _count(self, answer: httpx.Response) -> None:
                try:
                    usage = json.loads(answer.content).get("usage") or {}
                except (ValueError, AttributeError):
                    usage = {}
                with lock:
                    proxy.counts.calls += 1
                    proxy.counts.prompt_tokens += int(usage.get("prompt_tokens", 0))
                    proxy.counts.completion_tokens += int(usage.get("completion_tokens", 0))

            def do_POST(self) -> None:
                self._forward("POST")

            def do_GET(self) -> None:
                self._forward("GET")

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._client = client
        super().__init__(Handler)

    def snapshot(self) -> Counts:
        """The counts so far (a copy)."""
        return Counts(**vars(self.counts))

    def close(self) -> None:
        """Stop serving and close the upstream connection pool."""
        super().close()
        self._client.close()
