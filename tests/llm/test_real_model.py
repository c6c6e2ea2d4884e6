"""The built-in model for real, through the embedded llama.cpp server (slow: marked `model`).

One server is started for the whole session and kept warm across these tests.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from extractor.api import Extractor
from extractor.schemas import Document

pytestmark = [pytest.mark.model, pytest.mark.local]

NUMBER_FIELDS = ("quantity", "amount", "min_amount", "duration_months")


@pytest.fixture(scope="session")
def embedded() -> Iterator[Extractor]:
    """One embedded Extractor (model assembled once, server warm) for every real-model test."""
    with Extractor(backend="embedded", cache=False) as extractor:
        yield extractor


@pytest.fixture(scope="session")
def seed_document(embedded: Extractor, seed_text: str) -> Document:
    return embedded.extract(seed_text, doc_id="seed")


def _number_paths(value: object, path: str) -> Iterator[str]:
    """Dotted paths of every number leaf the LLM pipeline produced (and of resolution numbers)."""
    if isinstance(value, list):
        for index, entry in enumerate(value):
            yield from _number_paths(entry, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, entry in value.items():
            child = f"{path}.{key}" if path else key
            if key in NUMBER_FIELDS and entry is not None:
                yield child
            elif key == "resolutions":
                yield from (f"{child}[{index}]" for index in range(len(entry)))
            else:
                yield from _number_paths(entry, child)


def test_seed_deal_is_libya_buying_from_pakistan(seed_document: Document) -> None:
    deals = [d for d in seed_document.arms_deals if (d.buyer, d.seller) == ("LBY", "PAK")]
    assert deals, seed_document.model_dump_json(include={"arms_deals"})
    quantities = {item.designation: item.quantity for deal in deals for item in deal.items}
    assert quantities.get("JF-17 Thunder") == 16
    assert quantities.get("Super Mushak") == 12


def test_every_number_is_checked(seed_document: Document) -> None:
    facts = seed_document.model_dump(include={"meetings", "arms_deals", "embargoes"})
    checked = {check.path for check in seed_document.checks}
    numbers = set(_number_paths(facts, ""))
    assert numbers, "the seed states numbers: the extraction should carry some"
    assert numbers <= checked, f"unchecked numbers: {sorted(numbers - checked)}"


def test_provenance_records_the_run(seed_document: Document, seed_text: str) -> None:
    provenance = seed_document.provenance
    assert provenance.backend == "embedded"
    assert provenance.usage.llm_calls >= 1
    assert provenance.usage.prompt_tokens > len(seed_text) // 4
    assert provenance.attempts[0].attempt == 1


def test_server_enforces_the_json_schema(embedded: Extractor) -> None:
    """A schema that the server silently ignored would let the model answer freely: it must not."""
    schema = {
        "type": "object",
        "properties": {"code": {"type": "string", "enum": ["ZQX-704"]}},
        "required": ["code"],
    }
    response = httpx.post(
        embedded.pipeline.client.base_url + "/chat/completions",
        json={
            "messages": [
                {"role": "user", "content": 'Reply with {"code": "hello"} and nothing else.'}
            ],
            "max_tokens": 20,
            "temperature": 0,
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": "probe", "schema": schema},
            },
        },
        timeout=120,
    )
    assert response.status_code == 200
    assert (
        response.json()["choices"][0]["message"]["content"].replace(" ", "") == '{"code":"ZQX-704"}'
    )


def test_a_second_server_restores_the_evaluated_instructions(
    embedded: Extractor, tmp_path: Path
) -> None:
    """The first server evaluates the instructions in one slot, saves the state (replacing a
    stale one) and gives it to its other slot; a later server restores it into every slot, and
    each slot's first request finds the instructions in its cache."""
    from extractor.llm.embedded import EmbeddedServer
    from extractor.pipeline.prompting import instructions

    def cached_in_each_slot(server: EmbeddedServer) -> list[int]:
        return [
            httpx.post(
                server.base_url + "/chat/completions",
                json={"messages": instructions(), "max_tokens": 1, "id_slot": slot},
                timeout=120,
            ).json()["timings"]["cache_n"]
            for slot in range(server.slots)
        ]

    stale = tmp_path / "qwen2.5-coder-1.5b-instruct-q4_k_m-0000000000000000.bin"
    stale.write_bytes(b"from an older prompt")
    with EmbeddedServer(state_dir=tmp_path, slots=2) as first:
        assert not first.load_prefix(instructions()), "nothing to restore yet"
        assert min(cached_in_each_slot(first)) >= 1000
    assert not stale.exists()
    assert len(list(tmp_path.glob("*.bin"))) == 1
    with EmbeddedServer(state_dir=tmp_path, slots=2) as server:
        assert server.load_prefix(instructions())
        started = time.perf_counter()
        assert min(cached_in_each_slot(server)) >= 1000
        assert time.perf_counter() - started < 20
