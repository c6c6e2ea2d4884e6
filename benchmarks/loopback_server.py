"""A loopback OpenAI-compatible server that answers every chat completion after a fixed delay
with the smallest valid instance of the request's JSON schema: a stand-in for a remote endpoint
whose latency is known, so that what remains is the client's own overhead."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.loopback import LoopbackServer, send_payload

JSON = Any


def _resolve(schema: JSON, root: JSON) -> JSON:
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    if not ref:
        return schema
    node = root
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return _resolve(node, root)


def minimal_instance(schema: JSON, root: JSON | None = None) -> JSON:
    """The smallest value a JSON schema accepts: null where allowed, empty lists, required keys
    only, the first enum member, the default when one is given."""
    root = schema if root is None else root
    schema = _resolve(schema, root)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    for combinator in ("anyOf", "oneOf"):
        if combinator in schema:
            options = [_resolve(option, root) for option in schema[combinator]]
            nullable = [option for option in options if option.get("type") == "null"]
            return None if nullable else minimal_instance(options[0], root)
    if "allOf" in schema:
        return minimal_instance(schema["allOf"][0], root)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = "null" if "null" in kind else kind[0]
    if kind == "object":
        properties = schema.get("properties", {})
        return {
            name: minimal_instance(properties[name], root) for name in schema.get("required", [])
        }
    if kind == "array":
        return [minimal_instance(schema["items"], root)] * schema.get("minItems", 0)
    if "default" in schema:
        return schema["default"]
    if kind == "string":
        return "x" * schema.get("minLength", 0)
    if kind in ("integer", "number"):
        return schema.get("minimum", 0)
    if kind == "boolean":
        return False
    return None


def response_schema(request: JSON) -> JSON:
    """The JSON schema a chat-completion request asks the answer to follow."""
    response_format = request.get("response_format") or {}
    if response_format.get("type") == "json_schema":
        return response_format["json_schema"]["schema"]
    if response_format.get("type") == "json_object" and "schema" in response_format:
        return response_format["schema"]
    raise ValueError(f"the request names no JSON schema: response_format={response_format!r}")


def _completion(content: str, request: JSON) -> JSON:
    prompt = sum(len(str(message.get("content", ""))) for message in request.get("messages", []))
    return {
        "id": "chatcmpl-loopback",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", "loopback"),
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": content},
            }
        ],
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": len(content),
            "total_tokens": prompt + len(content),
        },
    }


class _ThreadingServer(ThreadingHTTPServer):
    """A listen backlog that takes a burst of clients (the default 5 drops some of 16)."""

    request_queue_size = 128


class DelayedServer(LoopbackServer):
    """Answers POST /v1/chat/completions after `delay` seconds; counts requests and their times."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.arrivals: list[float] = []
        self.departures: list[float] = []
        self.errors: list[str] = []
        lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                arrived = time.monotonic()
                length = int(self.headers.get("Content-Length", "0"))
                request = json.loads(self.rfile.read(length))
                try:
                    content = json.dumps(minimal_instance(response_schema(request)))
                    status, body = 200, _completion(content, request)
                except (ValueError, KeyError) as exc:
                    status, body = 400, {"error": {"message": str(exc), "type": "loopback"}}
                    with lock:
                        server.errors.append(str(exc))
                time.sleep(max(0.0, server.delay - (time.monotonic() - arrived)))
                send_payload(self, status, json.dumps(body).encode("utf-8"))
                with lock:
                    server.arrivals.append(arrived)
                    server.departures.append(time.monotonic())

            def log_message(self, format: str, *args: Any) -> None:
                return

        super().__init__(Handler, _ThreadingServer)
