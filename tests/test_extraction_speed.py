"""`benchmarks/extraction_speed.py` prints each article's floor beside its measured time: the
article evaluated once and its final facts generated once, at the rates llama.cpp reported for
the document's own calls, the token counts from the server's `/tokenize` (issue 23)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.extraction_speed import final_facts, floor_seconds, main
from extractor.schemas import Document
from extractor.testing import FakeOpenAIServer, Reply, Request, schema_answers
from tests.conftest import dev_pairs

PER_CALL = {"prompt_n": 700, "cache_n": 1100, "predicted_n": 80, "prompt_ms": 14000.0}
"""llama.cpp's timings of each call: 700 tokens evaluated in 14 s, 80 generated in 4 s."""
CHARACTERS_PER_TOKEN = 3


def _llama_server(request: Request) -> Reply:
    """A llama.cpp server's two routes the benchmark uses: completions and /tokenize."""
    if request.path == "/tokenize":
        content = request.body["content"]
        return Reply(body={"tokens": list(range(len(content) // CHARACTERS_PER_TOKEN))})
    reply = schema_answers()(request)
    return Reply(body={**reply.body, "timings": {**PER_CALL, "predicted_ms": 4000.0}})


def test_the_floor_is_one_evaluation_of_the_article_and_one_generation_of_the_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    out = tmp_path / "speed.json"
    with FakeOpenAIServer(_llama_server) as server:
        main(["--base-url", server.base_url, "--model", "x", "--limit", "1", "--json", str(out)])
    (row,) = json.loads(out.read_text(encoding="utf-8"))["rows"]
    article, _ = dev_pairs()[0]
    assert row["article_tokens"] == len(article.read_text(encoding="utf-8")) // CHARACTERS_PER_TOKEN
    evaluate, generate = 14.0 / 700, 4.0 / 80
    floor = row["article_tokens"] * evaluate + row["fact_tokens"] * generate
    assert row["floor_seconds"] == round(floor, 1)
    summary = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert summary["median_floor_seconds"] == row["floor_seconds"]
    assert summary["median_seconds_over_floor"] == round(row["seconds"] / row["floor_seconds"], 2)
    answers = summary["stages"]["answer"]
    assert answers["calls"] >= 1
    assert answers["prompt_evaluated_tokens"] == 700 * answers["calls"]
    assert answers["generated_tokens"] == 80 * answers["calls"]
    assert summary["per_set"]["dev"]["tuple_f1"] == summary["tuple_f1"]


def test_the_final_facts_are_the_facts_alone_and_no_timings_give_no_floor() -> None:
    document = Document.model_validate(
        {"doc_id": "d", "arms_deals": [{"seller": "PAK", "buyer": "LBY", "items": []}]}
    )
    assert json.loads(final_facts(document)).keys() == {"meetings", "arms_deals", "embargoes"}
    assert floor_seconds({}, 700, 80) is None
    assert floor_seconds({"prompt_evaluated_tokens": 700.0, "prompt_eval_s": 14.0}, 700, 80) is None
