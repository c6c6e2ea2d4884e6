"""A real OpenAI-compatible HTTP server on 127.0.0.1: answers from a script, records requests."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


@dataclass(frozen=True)
class Reply:
    """One scripted HTTP answer: status, JSON or raw body, headers, and a delay before sending."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass(frozen=True)
class Request:
    """One request the server received, with the time it arrived."""

    path: str
    headers: dict[str, str]
    body: Any
    at: float


def completion(
    content: str,
    *,
    finish_reason: str = "stop",
    prompt_tokens: int = 900,
    completion_tokens: int = 60,
) -> Reply:
    """A chat completion whose assistant message is `content`."""
    return Reply(
        body={
            "id": "chatcmpl-scripted",
            "object": "chat.completion",
            "created": 0,
            "model": "scripted",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": finish_reason,
                    "message": {"role": "assistant", "content": content},
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }
    )


def answer(payload: dict[str, Any], **kwargs: Any) -> Reply:
    """A chat completion whose content is `payload` as JSON."""
    return completion(json.dumps(payload, ensure_ascii=False), **kwargs)


def error(status: int, message: str, headers: dict[str, str] | None = None) -> Reply:
    """An OpenAI-style error answer."""
    return Reply(
        status=status,
        body={"error": {"message": message, "type": "scripted"}},
        headers=headers or {},
    )


class ScriptedServer:
    """Serves queued replies in order on a free loopback port; an empty queue answers 500."""

    def __init__(self) -> None:
        self.replies: deque[Reply] = deque()
        self.requests: list[Request] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length).decode("utf-8")
                server.requests.append(
                    Request(
                        self.path, dict(self.headers.items()), json.loads(raw), time.monotonic()
                    )
                )
                reply = (
                    server.replies.popleft() if server.replies else error(500, "script exhausted")
                )
                time.sleep(reply.delay)
                data = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
                payload = data.encode("utf-8")
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    return

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._http.daemon_threads = True
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        """The OpenAI base URL of this server."""
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def script(self, *replies: Reply) -> None:
        """Queue replies to be sent in order."""
        self.replies.extend(replies)

    def close(self) -> None:
        """Stop serving and free the port."""
        self._http.shutdown()
        self._http.server_close()

    def __enter__(self) -> ScriptedServer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
