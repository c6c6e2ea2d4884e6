"""Every line `extractor run` writes reads back as a contract Document or an error record."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from extractor.schemas import Document
from extractor.testing import FakeOpenAIServer, schema_answers
from tests.answers import DEAL
from tests.cli.conftest import invoke, openai_args, records
from tests.conftest import SEED


def _negative_quantity(conversation: str) -> dict[str, list[dict[str, Any]]]:
    deal = copy.deepcopy(DEAL)
    deal["arms_deals"][0]["items"][0]["quantity_text"] = "-16"
    return deal


def test_a_400_digit_number_and_a_negative_quantity_make_a_valid_document(
    tmp_path: Path,
) -> None:
    article = tmp_path / "seed.txt"
    huge = "9" * 400
    article.write_text(
        SEED.read_text(encoding="utf-8") + f"\nوبلغت قيمة الصفقة {huge} دولار.\n", encoding="utf-8"
    )
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer(schema_answers(_negative_quantity)) as endpoint:
        result = invoke("run", str(article), "-o", str(output), *openai_args(endpoint))
    assert result.exit_code == 0, result.output
    line = output.read_text(encoding="utf-8").strip()
    assert "Infinity" not in line
    assert "NaN" not in line
    document = Document.model_validate_json(line)
    assert all(number.value is not None for number in document.provenance.uncovered_numbers)
    quantities = [item.quantity for deal in document.arms_deals for item in deal.items]
    assert 16 not in quantities, "-16 must never become 16"

    with FakeOpenAIServer(schema_answers()) as again:
        resumed = invoke("run", str(article), "-o", str(output), "--resume", *openai_args(again))
    assert resumed.exit_code == 0
    assert len(again.requests) == 0, "a valid record is done: resume must not redo it"
    assert records(output)["seed"] == document.model_dump(mode="json")
