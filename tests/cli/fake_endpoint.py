"""An OpenAI-compatible chat-completions server on 127.0.0.1 that answers from the request itself.

Every answer is built from the JSON schema the client sends in `response_format`, so it stays
valid whatever shape the LLM layer asks for: each list of facts is empty unless `facts` supplies
entries for it (given as plain dicts and completed to the schema). Requests are answered
concurrently, after `delay` seconds each.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.loopback import LoopbackServer, send_payload

Facts = Callable[[str], dict[str, list[dict[str, Any]]]]
"""From the conversation's text to the fact entries to answer with, by list name."""


def no_facts(conversation: str) -> dict[str, list[dict[str, Any]]]:
    return {}


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _default(schema: dict[str, Any], root: dict[str, Any]) -> Any:
    schema = _resolve(schema, root)
    branches = schema.get("anyOf", [])
    if any(branch.get("type") == "null" for branch in branches):
        return None
    if branches:
        return _default(branches[0], root)
    if "enum" in schema:
        return schema["enum"][-1]
    kind = schema.get("type")
    if kind == "array":
        return []
    if kind == "object":
        return fill(schema, {}, root)
    return {"string": "غير معروف", "integer": 0, "number": 0, "boolean": False}.get(kind)


def fill(schema: dict[str, Any], value: Any, root: dict[str, Any]) -> Any:
    """`value` completed to `schema`: missing properties get null, [] or their enum's default."""
    schema = _resolve(schema, root)
    if value is None:
        return _default(schema, root)
    branches = [b for b in schema.get("anyOf", []) if b.get("type") != "null"]
    if branches:
        return fill(branches[0], value, root)
    if schema.get("type") == "object":
        properties = schema.get("properties", {})
        return {
            name: fill(prop, value.get(name), root) if name in value else _default(prop, root)
            for name, prop in properties.items()
        }
    if schema.get("type") == "array":
        return [fill(schema.get("items", {}), item, root) for item in value]
    return value


class FakeEndpoint(LoopbackServer):
    """Serves /v1/chat/completions on a free loopback port; counts the requests it answered."""

    def __init__(self, *, facts: Facts = no_facts, delay: float = 0.0) -> None:
        self.facts = facts
        self.delay = delay
        self.requests = 0
        self.schemas: list[dict[str, Any]] = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                endpoint.requests += 1
                time.sleep(endpoint.delay)
                payload = json.dumps(endpoint.completion(body), ensure_ascii=False).encode()
                try:
                    send_payload(self, 200, payload)
                except (BrokenPipeError, ConnectionResetError):
                    return

            def log_message(self, format: str, *args: Any) -> None:
                return

        super().__init__(Handler)

    def completion(self, body: dict[str, Any]) -> dict[str, Any]:
        """A chat completion whose content fits the response schema of the request."""
        schema = body["response_format"]["json_schema"]["schema"]
        conversation = "\n".join(str(m.get("content", "")) for m in body["messages"])
        self.schemas.append(schema)
        wanted = self.facts(conversation)
        answer = fill(
            schema, {k: v for k, v in wanted.items() if k in schema["properties"]}, schema
        )
        return {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": 0,
            "model": body.get("model", "fake"),
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {
                        "role": "assistant",
                        "content": json.dumps(answer, ensure_ascii=False),
                    },
                }
            ],
            "usage": {"prompt_tokens": 1000, "completion_tokens": 20, "total_tokens": 1020},
        }
