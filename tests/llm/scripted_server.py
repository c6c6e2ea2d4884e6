"""A real OpenAI-compatible HTTP server on 127.0.0.1: answers from a script, records requests."""

from __future__ import annotations

import json
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.loopback import LoopbackServer, send_payload


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


class ScriptedServer(LoopbackServer):
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
                    send_payload(self, reply.status, payload, headers=reply.headers)
                except (BrokenPipeError, ConnectionResetError):
                    return

            def log_message(self, format: str, *args: Any) -> None:
                return

        super().__init__(Handler)

    def script(self, *replies: Reply) -> None:
        """Queue replies to be sent in order."""
        self.replies.extend(replies)
