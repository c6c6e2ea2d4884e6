"""A long text made of dev articles, extracted in chunks against a loopback endpoint."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from extractor.errors import DeadlineError
from extractor.schemas import Document
from extractor.testing import FakeOpenAIServer, schema_answers
from tests.answers import DEAL
from tests.cli.conftest import invoke, openai_args
from tests.conftest import DEV_DIR, SEED, make_extractor

SOUTH_SUDAN = "14_unsc-south-sudan-arms-embargo"
MOSCOW = "22_mbz-moscow-visit-delegation"
SSD_EMBARGO: dict[str, Any] = {
    "embargoes": [
        {
            "target_text": "جنوب السودان",
            "target": "SSD",
            "imposed_by_text": "مجلس الأمن",
            "kind": "arms",
            "status": "imposed",
        }
    ]
}


def _answers(conversation: str) -> dict[str, list[dict[str, Any]]]:
    """The seed's deal for every chunk of the seed (most of them cannot support it alone), the
    South Sudan embargo for the chunk that reports it."""
    facts: dict[str, list[dict[str, Any]]] = {}
    if "باكستان" in conversation:
        facts.update(copy.deepcopy(DEAL))
    if "حظرا للأسلحة على جنوب" in conversation:
        facts.update(copy.deepcopy(SSD_EMBARGO))
    return facts


def _joined(tmp_path: Path) -> tuple[Path, str, dict[str, int]]:
    """The seed between two dev articles in one file, and where each part starts."""
    parts = {
        SOUTH_SUDAN: (DEV_DIR / f"{SOUTH_SUDAN}.txt").read_text(encoding="utf-8"),
        "seed": SEED.read_text(encoding="utf-8"),
        MOSCOW: (DEV_DIR / f"{MOSCOW}.txt").read_text(encoding="utf-8"),
    }
    text, starts = "", {}
    for name, part in parts.items():
        starts[name] = len(text)
        text += part + "\n\n"
    path = tmp_path / "joined.txt"
    path.write_text(text, encoding="utf-8")
    return path, path.read_text(encoding="utf-8"), starts


def test_a_long_text_is_chunked_merged_and_verified_against_the_whole(tmp_path: Path) -> None:
    path, text, starts = _joined(tmp_path)
    out = tmp_path / "out.jsonl"
    with FakeOpenAIServer(schema_answers(_answers)) as endpoint:
        result = invoke(
            "run",
            str(path),
            "-o",
            str(out),
            "--chunk-chars",
            "700",
            "--max-reasks",
            "0",
            *openai_args(endpoint),
        )
    assert result.exit_code == 0, result.output
    [line] = out.read_text(encoding="utf-8").splitlines()
    document = Document.model_validate(json.loads(line))
    chunks = document.provenance.chunks
    assert chunks is not None
    assert chunks > len(text) // 700
    assert document.provenance.source_length == len(text)
    assert document.provenance.usage.llm_calls >= chunks
    asked = [name for round in document.provenance.recall for name in round.asked]
    assert "إسحاق دار" in asked, "the seed's chunk asked about its delegation"

    [deal] = document.arms_deals
    assert [(item.designation, item.quantity) for item in deal.items] == [
        ("JF-17 Thunder", 16),
        ("Super Mushak", 12),
    ]
    [embargo] = document.embargoes
    assert (embargo.target, embargo.kind) == ("SSD", "arms")

    spans = [check for check in document.checks if check.span is not None]
    assert spans
    for check in spans:
        start, end = check.span  # type: ignore[misc]
        assert text[start:end] == check.found, check.path
    by_path = {check.path: check for check in document.checks}
    for path_, wanted in (
        ("arms_deals[0].items[0].quantity", "16"),
        ("arms_deals[0].items[1].quantity", "12"),
    ):
        check = by_path[path_]
        assert check.status == "exact", check.message
        assert check.found == wanted
        assert starts["seed"] < check.span[0] < starts[MOSCOW]  # type: ignore[index]
    target = by_path["embargoes[0].target_text"]
    assert target.span is not None
    assert target.span[0] < starts["seed"]
    assert not [
        check for check in document.checks if check.path.startswith("arms_deals") and check.failed
    ], "every value of the seed's deal is supported by the whole"
    [host] = [note for note in document.provenance.roles_resolved if "host RUS" in note]
    read_in, note = host.split(": ", 1)
    assert note == 'meetings[0]: host RUS, "زيارة لروسيا الاتحادية" makes it the host'
    assert read_in.startswith("chunk ")
    assert 1 < int(read_in.removeprefix("chunk ")) <= chunks


def test_a_text_that_fits_is_one_chunk(tmp_path: Path, seed_text: str) -> None:
    out = tmp_path / "out.jsonl"
    with FakeOpenAIServer(schema_answers(_answers)) as endpoint:
        result = invoke("run", str(SEED), "-o", str(out), *openai_args(endpoint))
    assert result.exit_code == 0, result.output
    document = Document.model_validate_json(out.read_text(encoding="utf-8"))
    assert document.provenance.chunks == 1
    assert len(document.arms_deals) == 1


def test_the_document_deadline_scales_with_its_chunks(tmp_path: Path) -> None:
    """Each chunk fits the deadline, the whole text does not: it is allowed one per chunk."""
    _, text, _ = _joined(tmp_path)
    with FakeOpenAIServer(schema_answers(_answers, delay=0.3)) as endpoint:
        with make_extractor(endpoint, chunk_chars=700, max_reasks=0, document_timeout=1.5) as ex:
            document = ex.extract(text, doc_id="joined")
        assert (document.provenance.chunks or 0) > 1
        assert len(endpoint.requests) * 0.3 > 1.5, "the whole text takes longer than one deadline"
        with (
            make_extractor(endpoint, max_reasks=0, document_timeout=0.5) as whole,
            pytest.raises(DeadlineError, match=r"deadline of 0\.5 s"),
        ):
            whole.extract(text, doc_id="joined")
