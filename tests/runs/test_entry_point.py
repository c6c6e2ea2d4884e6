"""The runs layer's public entry point, used as its docstring shows: find the sources, plan the
run, extract the plan with an Extractor; a resumed plan redoes only what is not done."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from extractor import Extractor, InputError
from extractor.runs import JsonlOutput, JsonlSink, extract_many, find_sources, plan_run
from extractor.testing import FakeOpenAIServer, schema_answers
from tests.conftest import dev_pairs


def _run(arguments: list[str], output: Path, server: FakeOpenAIServer, *, resume: bool) -> int:
    """One run over `arguments` into `output`; how many documents it extracted."""
    plan = plan_run(find_sources(arguments), resumed=JsonlOutput(output) if resume else None)
    sink = JsonlSink.to_file(output, append=resume)
    with Extractor(
        backend="openai", base_url=server.base_url, model="fake", api_key="test", cache=False
    ) as extractor:
        outcomes = asyncio.run(extract_many(plan.todo, extractor, sink))
    sink.close()
    return len(outcomes)


def test_a_run_and_its_resume_through_the_entry_point(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = [text for text, _ in dev_pairs()][:3]
    for text in texts:
        (folder / text.name).write_bytes(text.read_bytes())
    (folder / "empty.txt").write_text("\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer(schema_answers()) as server:
        assert _run([str(folder)], output, server, resume=False) == 4
        asked = len(server.requests)
        edited = (
            texts[0].read_text(encoding="utf-8")
            + "\nوأضاف المتحدث أن المحادثات ستستأنف الأسبوع المقبل.\n"
        )
        (folder / texts[0].name).write_text(edited, encoding="utf-8")
        assert _run([str(folder)], output, server, resume=True) == 2
        assert len(server.requests) > asked
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert sorted(record["doc_id"] for record in records) == sorted(
        [*(text.stem for text in texts), "empty"]
    )
    assert [record["doc_id"] for record in records if "error" in record] == ["empty"]


def test_a_mistake_in_the_arguments_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="given more than once"):
        find_sources(["-", "-"])
    with pytest.raises(InputError, match="no such file"):
        find_sources([str(tmp_path / "missing.txt")])
