"""Batch runs: one durable JSONL line per document, error records, bounded concurrency, resume."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from extractor.article_text import source_sha256
from extractor.errors import BackendError, ConfigurationError, InputError
from extractor.runs.articles import read_article
from extractor.runs.jobs import Job, Refused, still_to_do
from extractor.runs.outcomes import BatchStats, Outcome
from extractor.runs.pool import run_batch
from extractor.runs.resume import prepare_resume
from extractor.runs.sink import JsonlSink
from extractor.schemas import Document
from tests.conftest import dev_pairs


def _jobs() -> list[Job]:
    articles = [read_article(text) for text, _ in dev_pairs()]
    return [Job(a.doc_id, a.text, a.sha256, a.published) for a in articles]


def _gold(doc_id: str, text_sha: str) -> Document:
    gold_path = next(gold for text, gold in dev_pairs() if text.stem == doc_id)
    document = Document.model_validate_json(gold_path.read_text(encoding="utf-8"))
    document.provenance.source_sha256 = text_sha
    return document


class GoldExtractor:
    """Answers with the gold Document after a pause, tracking how many calls overlap."""

    def __init__(self, failing: frozenset[str] = frozenset()) -> None:
        self.failing = failing
        self.in_flight = 0
        self.most_in_flight = 0
        self.calls: list[str] = []

    async def __call__(self, text: str, doc_id: str, published: dt.date | None) -> Document:
        self.calls.append(doc_id)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0.01)
            if doc_id in self.failing:
                raise BackendError("the endpoint answered 500 three times")
            return _gold(doc_id, source_sha256(text))
        finally:
            self.in_flight -= 1


def _lines(path: Path) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    assert raw.endswith(b"\n")
    return [json.loads(line) for line in raw.decode("utf-8").splitlines()]


async def test_every_document_gets_one_line_and_failures_are_recorded(tmp_path: Path) -> None:
    jobs = _jobs()
    refused = Refused("empty", InputError("empty.txt: is empty or only whitespace"))
    extract = GoldExtractor(failing=frozenset({jobs[3].doc_id}))
    output = tmp_path / "out.jsonl"
    stats = BatchStats()
    sink = JsonlSink.to_file(output, append=False)
    outcomes = await run_batch([*jobs, refused], extract, sink, concurrency=4, on_outcome=stats.add)
    sink.close()

    records = _lines(output)
    assert sorted(r["doc_id"] for r in records) == sorted([*(j.doc_id for j in jobs), "empty"])
    errors = {r["doc_id"]: r["error"] for r in records if "error" in r}
    assert errors == {
        jobs[3].doc_id: {
            "type": "BackendError",
            "message": "the endpoint answered 500 three times",
        },
        "empty": {"type": "InputError", "message": "empty.txt: is empty or only whitespace"},
    }
    for record in records:
        if "error" not in record:
            Document.model_validate(record)
    assert len(outcomes) == len(records)
    assert (stats.done, stats.failed) == (len(jobs) - 1, 2)
    assert stats.facts["arms_deals"] > 0
    assert extract.most_in_flight == 4


async def test_a_configuration_error_stops_the_run(tmp_path: Path) -> None:
    async def broken(text: str, doc_id: str, published: dt.date | None) -> Document:
        raise ConfigurationError(
            'install the local extra: pip install "arabic-fact-extractor[local]"'
        )

    sink = JsonlSink.to_file(tmp_path / "out.jsonl", append=False)
    with pytest.raises(ConfigurationError, match="local extra"):
        await run_batch(_jobs(), broken, sink, concurrency=2)
    sink.close()


def test_resume_keeps_done_documents_and_drops_what_must_be_redone(tmp_path: Path) -> None:
    jobs = _jobs()
    done, stale, errored, other = jobs[0], jobs[1], jobs[2], "from-another-run"
    output = tmp_path / "out.jsonl"
    lines = [
        _gold(done.doc_id, done.sha256).model_dump_json(),
        _gold(stale.doc_id, "0" * 64).model_dump_json(),
        json.dumps({"doc_id": errored.doc_id, "error": {"type": "BackendError", "message": "x"}}),
        json.dumps({"doc_id": other, "error": {"type": "InputError", "message": "y"}}),
        _gold(done.doc_id, done.sha256).model_dump_json(),
    ]
    partial = _gold(jobs[4].doc_id, jobs[4].sha256).model_dump_json()[:200]
    output.write_text("\n".join(lines) + "\n" + partial, encoding="utf-8")

    state = prepare_resume(output, {job.doc_id: job.sha256 for job in jobs})

    assert list(state.documents) == [done.doc_id]
    assert state.dropped_lines == 4
    assert [r["doc_id"] for r in _lines(output)] == [done.doc_id, other]
    remaining = still_to_do(jobs, state.documents)
    assert [job.doc_id for job in remaining] == [job.doc_id for job in jobs[1:]]


def test_resume_of_a_clean_file_leaves_it_untouched(tmp_path: Path) -> None:
    job = _jobs()[0]
    output = tmp_path / "out.jsonl"
    output.write_text(_gold(job.doc_id, job.sha256).model_dump_json() + "\n", encoding="utf-8")
    before = output.stat().st_mtime_ns
    state = prepare_resume(output, {job.doc_id: job.sha256})
    assert list(state.documents) == [job.doc_id]
    assert output.stat().st_mtime_ns == before


def test_error_record_shape() -> None:
    outcome = Outcome("a", error_type="InputError", error_message="a.txt: is not Arabic")
    assert json.loads(outcome.record()) == {
        "doc_id": "a",
        "error": {"type": "InputError", "message": "a.txt: is not Arabic"},
    }
