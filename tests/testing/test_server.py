"""The fake OpenAI-compatible server itself, over real HTTP on 127.0.0.1: scripted replies come
first, schema answers fit the contract's answer models, and a request it cannot answer is
refused and listed."""

from __future__ import annotations

import json
from typing import Any

import httpx

from extractor.schemas.response import DealsAnswer
from extractor.testing import FakeOpenAIServer, answer, schema_answers


def _ask(server: FakeOpenAIServer, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{server.base_url}/chat/completions", json=body, timeout=10.0)


def _deals_request(article: str) -> dict[str, Any]:
    schema = DealsAnswer.model_json_schema()
    return {
        "model": "fake",
        "messages": [{"role": "user", "content": article}],
        "response_format": {"type": "json_schema", "json_schema": {"name": "d", "schema": schema}},
    }


def _content(response: httpx.Response) -> Any:
    return json.loads(response.json()["choices"][0]["message"]["content"])


def _libya_buys(conversation: str) -> dict[str, list[dict[str, Any]]]:
    if "ليبيا" not in conversation:
        return {}
    return {"arms_deals": [{"buyer_text": "ليبيا", "items": [{"designation": "JF-17"}]}]}


def test_a_schema_answer_completes_the_given_facts_to_the_answer_model() -> None:
    article = "وقّعت باكستان وليبيا صفقة لتوريد 16 مقاتلة من طراز JF-17 Thunder"
    with FakeOpenAIServer(schema_answers(_libya_buys)) as server:
        content = _content(_ask(server, _deals_request(article)))
        empty = _content(_ask(server, _deals_request("اجتمع وزير الخارجية بنظيره")))

    deal = DealsAnswer.model_validate(content).arms_deals[0]
    assert (deal.buyer_text, deal.seller_text, deal.status) == ("ليبيا", None, "unknown")
    assert [(i.designation, i.category, i.quantity_text) for i in deal.items] == [
        ("JF-17", "other", None)
    ]
    assert empty == {"arms_deals": []}
    assert len(server.requests) == 2


def test_scripted_replies_come_before_the_responder() -> None:
    with FakeOpenAIServer(schema_answers()) as server:
        server.script(answer({"arms_deals": "not a list"}))
        first = _content(_ask(server, _deals_request("نص")))
        second = _content(_ask(server, _deals_request("نص")))
    assert (first, second) == ({"arms_deals": "not a list"}, {"arms_deals": []})


def test_a_request_without_a_json_schema_is_refused_and_listed() -> None:
    with FakeOpenAIServer(schema_answers()) as server:
        response = _ask(server, {"model": "fake", "messages": []})
    assert response.status_code == 400
    assert "names no JSON schema" in response.json()["error"]["message"]
    assert server.errors == [response.json()["error"]["message"]]


def test_without_a_responder_the_script_running_out_is_a_server_error() -> None:
    with FakeOpenAIServer() as server:
        response = _ask(server, _deals_request("نص"))
    assert response.status_code == 500
    assert "script exhausted" in response.json()["error"]["message"]
