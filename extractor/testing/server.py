"""A real OpenAI-compatible HTTP server on 127.0.0.1: answers from a script, or from a responder
when no scripted reply is queued, and records every request it receives."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from extractor.testing.loopback import LoopbackServer, send_payload


@dataclass(frozen=True)
class Reply:
    """One HTTP answer: status, JSON or raw body, headers, and the seconds after the request's
    arrival before it is sent."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass(frozen=True)
class Request:
    """One request the server received, with the time it arrived (`time.monotonic`)."""

    path: str
    headers: dict[str, str]
    body: Any
    at: float


Responder = Callable[[Request], Reply]
"""From a request to its reply; raises ValueError for a request it cannot answer."""


def completion(
    content: str,
    *,
    finish_reason: str = "stop",
    prompt_tokens: int = 900,
    completion_tokens: int = 60,
    delay: float = 0.0,
) -> Reply:
    """A chat completion whose assistant message is `content`."""
    return Reply(
        body={
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": 0,
            "model": "fake",
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
        },
        delay=delay,
    )


def answer(payload: dict[str, Any], **kwargs: Any) -> Reply:
    """A chat completion whose content is `payload` as JSON."""
    return completion(json.dumps(payload, ensure_ascii=False), **kwargs)


def error(status: int, message: str, headers: dict[str, str] | None = None) -> Reply:
    """An OpenAI-style error answer."""
    return Reply(
        status=status,
        body={"error": {"message": message, "type": "fake"}},
        headers=headers or {},
    )


def model_list(request: Request) -> Reply:
    """The default answer to GET /models: one model, named `fake`."""
    return Reply(body={"object": "list", "data": [{"id": "fake", "object": "model"}]})


def script_exhausted(request: Request) -> Reply:
    """The default responder: every request beyond the script is a server error."""
    return error(500, "script exhausted")


class FakeOpenAIServer(LoopbackServer):
    """Serves POST requests on a free loopback port: the next queued reply if there is one, else
    `respond`'s. A request `respond` refuses (ValueError) gets a 400 and is listed in `errors`.
    GET requests (a client's look at /models) get `listing`'s reply and are kept apart, in
    `looks`: they neither take a scripted reply nor count among `requests`."""

    def __init__(
        self, respond: Responder = script_exhausted, listing: Responder = model_list
    ) -> None:
        self.replies: deque[Reply] = deque()
        self.requests: list[Request] = []
        self.looks: list[Request] = []
        self.departures: list[float] = []
        self.errors: list[str] = []
        lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                if len(raw) < length:
                    return  # the client hung up before sending its whole request
                request = Request(
                    self.path, dict(self.headers.items()), json.loads(raw), time.monotonic()
                )
                with lock:
                    server.requests.append(request)
                    queued = server.replies.popleft() if server.replies else None
                reply = queued or server._answer(request, respond)
                time.sleep(max(0.0, reply.delay - (time.monotonic() - request.at)))
                data = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
                try:
                    send_payload(self, reply.status, data.encode("utf-8"), headers=reply.headers)
                except (BrokenPipeError, ConnectionResetError):
                    return
                with lock:
                    server.departures.append(time.monotonic())

            def do_GET(self) -> None:
                request = Request(self.path, dict(self.headers.items()), None, time.monotonic())
                with lock:
                    server.looks.append(request)
                reply = listing(request)
                data = json.dumps(reply.body).encode("utf-8")
                send_payload(self, reply.status, data, headers=reply.headers)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._lock = lock
        super().__init__(Handler)

    def _answer(self, request: Request, respond: Responder) -> Reply:
        try:
            return respond(request)
        except ValueError as exc:
            with self._lock:
                self.errors.append(str(exc))
            return error(400, str(exc))

    def script(self, *replies: Reply) -> None:
        """Queue replies to be sent in order, before the responder answers again."""
        self.replies.extend(replies)
