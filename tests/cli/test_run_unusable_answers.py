"""A document whose answers are all unusable is an error record, never a Document done empty.

Each hostile answer below once produced "1 done, 0 failed", exit 0 and a Document with no
facts; `--resume` then never retried it, and `usage` counted 0 calls for 6 requests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.testing import FakeOpenAIServer, Reply, Request, completion, schema_answers
from extractor.testing.schema_answers import response_schema
from tests.cli.conftest import invoke, openai_args, plain, records
from tests.conftest import SEED

HOSTILE: dict[str, Reply] = {
    "not JSON": completion("هذا ليس JSON"),
    "JSON of another schema": completion(json.dumps({"صفقات": []})),
    "a JSON list": completion("[1, 2, 3]"),
    "a 1 MB string": completion(json.dumps("س" * 500_000)),
    "10,000 list items": completion(json.dumps({"arms_deals": [{}] * 10_000})),
    "deeply nested JSON": completion("[" * 50_000 + "]" * 50_000),
    "NaN and Infinity": completion('{"arms_deals": NaN, "embargoes": Infinity}'),
    "empty content": completion(""),
    "an HTML body": Reply(body="<html><body>502 Bad Gateway</body></html>"),
    "a 200 with no body": Reply(body=""),
}


def _scripted_args(server: FakeOpenAIServer) -> list[str]:
    return ["--backend", "openai", "--base-url", server.base_url, "--model", "x", "--no-cache"]


@pytest.mark.parametrize("reply", HOSTILE.values(), ids=HOSTILE.keys())
def test_unusable_answers_make_an_error_record_and_resume_redoes_it(
    reply: Reply, tmp_path: Path
) -> None:
    article = tmp_path / "seed.txt"
    article.write_bytes(SEED.read_bytes())
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer() as server:
        server.script(*[reply] * 12)
        result = invoke("run", str(article), "-o", str(output), *_scripted_args(server))
        sent = len(server.requests)
    assert result.exit_code == 1, result.output
    shown = plain(result.output)
    assert "0 done (0 incomplete), 1 failed" in shown
    assert f"({sent} calls," in shown, "usage must count every request sent"
    (record,) = records(output).values()
    assert record["error"]["type"] == "ExtractionError"
    assert "no usable answer for any fact kind" in record["error"]["message"]

    with FakeOpenAIServer(schema_answers()) as good:
        resumed = invoke("run", str(article), "-o", str(output), "--resume", *openai_args(good))
    assert resumed.exit_code == 0, resumed.output
    assert "error" not in records(output)["seed"]


def _spoiled_deals(request: Request) -> Reply:
    """Answers every question well but the arms-deal one, which gets prose instead of JSON."""
    if "arms_deals" in response_schema(request.body)["properties"]:
        return completion("لا أعرف")
    return schema_answers()(request)


def test_partly_failed_document_names_its_missing_kinds_and_resume_redoes_it(
    tmp_path: Path,
) -> None:
    article = tmp_path / "seed.txt"
    article.write_bytes(SEED.read_bytes())
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer(_spoiled_deals) as spoiled:
        result = invoke("run", str(article), "-o", str(output), *openai_args(spoiled))
    assert result.exit_code == 1, result.output
    assert "1 done (1 incomplete), 0 failed" in plain(result.output)
    provenance = records(output)["seed"]["provenance"]
    assert provenance["kinds_failed"] == ["arms_deals"]
    assert "did not fit the schema of DealsAnswer" in provenance["errors"][0]

    with FakeOpenAIServer(schema_answers()) as good:
        resumed = invoke("run", str(article), "-o", str(output), "--resume", *openai_args(good))
    assert resumed.exit_code == 0, resumed.output
    assert "1 done (0 incomplete), 0 failed, 0 already done" in plain(resumed.output)
    assert "kinds_failed" not in records(output)["seed"]["provenance"]


def test_an_article_that_asks_nothing_is_done_with_no_facts(tmp_path: Path) -> None:
    article = tmp_path / "weather.txt"
    article.write_text("تشهد معظم المناطق طقسا معتدلا نهارا وباردا ليلا مع فرص لهطول أمطار.\n")
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer(schema_answers()) as endpoint:
        result = invoke("run", str(article), "-o", str(output), *openai_args(endpoint))
        asked = len(endpoint.requests)
    assert result.exit_code == 0, result.output
    assert asked == 0
    document = records(output)["weather"]
    assert document["meetings"] == document["arms_deals"] == document["embargoes"] == []
