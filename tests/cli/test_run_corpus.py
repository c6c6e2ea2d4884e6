"""A corpus file (JSONL, Parquet) is many articles: good records extracted, bad ones recorded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extractor.testing import FakeOpenAIServer
from tests.cli.conftest import invoke, openai_args, records
from tests.conftest import DEV_DIR, SEED

BAHRAIN = "02_bahrain-f16-block70-lockheed"


def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def bahrain() -> str:
    return (DEV_DIR / f"{BAHRAIN}.txt").read_text(encoding="utf-8")


def line(**fields: Any) -> str:
    return json.dumps(fields, ensure_ascii=False)


def _corpus(path: Path) -> Path:
    lines = [
        line(doc_id="seed", text=seed(), outlet="وكالة الأنباء", url="https://example.org/1"),
        line(doc_id="bahrain", text=bahrain(), published="2018-06-23"),
        '{"doc_id": "cut", "text": "فرض مجلس الأمن',
        "",
        line(doc_id="seed", text=bahrain()),
        line(doc_id="no-text", published="2018-06-23"),
        line(doc_id="english", text="The UN Security Council extended the arms embargo."),
        line(text=seed()),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_corpus_extracts_good_lines_and_records_bad_ones(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl")
    out = tmp_path / "out.jsonl"
    result = invoke("run", str(corpus), "-o", str(out), *openai_args(endpoint))
    assert result.exit_code == 1, result.output
    found = records(out)
    assert set(found) == {
        "seed", "bahrain", "corpus.jsonl:3", "corpus.jsonl:5", "no-text", "english",
        "corpus.jsonl:8",
    }  # fmt: skip
    assert found["seed"]["provenance"]["source_length"] == len(seed())
    assert found["bahrain"]["published"] == "2018-06-23"
    errors = {doc_id: record["error"]["message"] for doc_id, record in found.items()
              if "error" in record}  # fmt: skip
    assert "is not a JSON object" in errors["corpus.jsonl:3"]
    assert "doc_id 'seed' is already used on line 1" in errors["corpus.jsonl:5"]
    assert "has no text" in errors["no-text"]
    assert "is not Arabic" in errors["english"]
    assert "has no doc_id" in errors["corpus.jsonl:8"]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 7


def test_a_resumed_corpus_run_redoes_nothing_done(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl")
    out = tmp_path / "out.jsonl"
    invoke("run", str(corpus), "-o", str(out), *openai_args(endpoint))
    asked = len(endpoint.requests)
    result = invoke("run", str(corpus), "-o", str(out), "--resume", *openai_args(endpoint))
    assert result.exit_code == 1, result.output
    assert len(endpoint.requests) == asked
    assert len(records(out)) == 7


def test_parquet_corpus_has_the_same_columns(tmp_path: Path, endpoint: FakeOpenAIServer) -> None:
    import pyarrow
    import pyarrow.parquet as parquet

    table = pyarrow.table(
        {
            "doc_id": ["seed", "bahrain", "seed"],
            "text": [seed(), bahrain(), bahrain()],
            "published": [None, "2018-06-23", None],
        }
    )
    corpus = tmp_path / "corpus.parquet"
    parquet.write_table(table, corpus)
    out = tmp_path / "out.jsonl"
    result = invoke("run", str(corpus), "-o", str(out), *openai_args(endpoint))
    assert result.exit_code == 1, result.output
    found = records(out)
    assert found["bahrain"]["published"] == "2018-06-23"
    assert "already used on line 1" in found["corpus.parquet:3"]["error"]["message"]
    assert "provenance" in found["seed"]


def test_a_corpus_record_with_binary_text_or_doc_id_is_one_error_record(
    tmp_path: Path, endpoint: FakeOpenAIServer
) -> None:
    text = seed()
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        line(doc_id="seed", text=text),
        line(doc_id="nul", text=text[:200] + "\x00" + text[200:]),
        line(doc_id="controls", text=text.replace(" ", "\x01", 40)),
        line(doc_id="title\x1b]0;pwned\x07", text=bahrain()),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke("run", str(corpus), "-o", str(out), *openai_args(endpoint))
    assert result.exit_code == 1, result.output
    found = records(out)
    assert set(found) == {"seed", "nul", "controls", "corpus.jsonl:4"}
    assert "error" not in found["seed"]
    errors = {doc_id: record["error"] for doc_id, record in found.items() if "error" in record}
    assert {error["type"] for error in errors.values()} == {"InputError"}
    assert "NUL characters" in errors["nul"]["message"]
    assert "control characters" in errors["controls"]["message"]
    assert "control characters" in errors["corpus.jsonl:4"]["message"]
