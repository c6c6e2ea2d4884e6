"""Provenance has typed fields, and still reads records written by older and newer versions."""

from __future__ import annotations

import json
from collections.abc import Mapping

from extractor.schemas import Document
from tests.conftest import DEV_DIR

GOLD = DEV_DIR / "00_seed-pakistan-libya.gold.json"


def _record(provenance: Mapping[str, object]) -> str:
    record = json.loads(GOLD.read_text(encoding="utf-8"))
    record["provenance"] = provenance
    return json.dumps(record, ensure_ascii=False)


def test_a_newer_record_keeps_the_keys_this_version_does_not_know() -> None:
    newer = {
        "backend": "openai",
        "strategy": "per_kind",
        "kinds_not_mentioned": ["embargoes"],
        "recall_questions": [{"mention": "١٦ طائرة", "answered": True}],
        "languages": 3,
    }
    document = Document.model_validate_json(_record(newer))
    provenance = document.provenance
    assert provenance.strategy == "per_kind"
    assert provenance.kinds_not_mentioned == ["embargoes"]
    assert provenance.model_extra == {
        "recall_questions": [{"mention": "١٦ طائرة", "answered": True}],
        "languages": 3,
    }
    again = json.loads(document.model_dump_json())["provenance"]
    assert again["languages"] == 3
    assert again["recall_questions"] == newer["recall_questions"]


def test_an_older_record_without_the_new_keys_reads_with_empty_ones() -> None:
    older = {"source_sha256": "ab" * 32, "backend": "embedded", "usage": {"llm_calls": 3}}
    provenance = Document.model_validate_json(_record(older)).provenance
    assert provenance.strategy is None
    assert provenance.kinds_not_mentioned == []
    assert provenance.prompt_examples_withdrawn == []
    assert provenance.errors == []
    assert provenance.usage.llm_calls == 3
    written = json.loads(provenance.model_dump_json())
    assert not {"strategy", "kinds_not_mentioned", "prompt_examples_withdrawn", "errors"} & set(
        written
    )
