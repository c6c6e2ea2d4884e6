"""Answers built from the request itself: the JSON schema a chat completion asks for, filled in.

Each list of facts is empty unless `facts` supplies entries for it (plain dicts, completed to the
schema), so the answer stays valid whatever shape the client asks for. Everything left out gets
the schema's "nothing known" value: null where allowed, the last enum member (`other` or
`unknown` in the contract), an empty list, and "غير معروف" for a bare string.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from extractor.testing.server import Reply, Request, Responder, answer

Facts = Callable[[str], dict[str, list[dict[str, Any]]]]
"""From the conversation's text to the fact entries to answer with, by list name."""


def no_facts(conversation: str) -> dict[str, list[dict[str, Any]]]:
    """Answer every request with empty lists."""
    return {}


def schema_answers(facts: Facts = no_facts, *, delay: float = 0.0) -> Responder:
    """A responder that fills each request's schema with `facts`, `delay` seconds after arrival."""

    def respond(request: Request) -> Reply:
        schema = response_schema(request.body)
        conversation = "\n".join(str(m.get("content", "")) for m in request.body["messages"])
        wanted = {k: v for k, v in facts(conversation).items() if k in schema["properties"]}
        return answer(fill(schema, wanted, schema), delay=delay)

    return respond


def response_schema(body: dict[str, Any]) -> dict[str, Any]:
    """The JSON schema a chat-completion request asks the answer to follow."""
    response_format = body.get("response_format") or {}
    if response_format.get("type") != "json_schema":
        raise ValueError(f"the request names no JSON schema: response_format={response_format!r}")
    schema: dict[str, Any] = response_format["json_schema"]["schema"]
    return schema


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
    kind: str = schema.get("type", "null")
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
