"""Python callers hear what an Extractor is doing: each call's stage and each document done,
through `Extractor(on_progress=...)`, and only their own Extractor's events."""

from __future__ import annotations

import asyncio

import pytest

from extractor import DocumentDone, ProgressEvent, Stage
from extractor.errors import BackendError
from extractor.testing import FakeOpenAIServer, error, schema_answers
from tests.conftest import make_extractor


def test_each_call_is_a_stage_and_the_document_ends_them(seed_text: str) -> None:
    events: list[ProgressEvent] = []
    with (
        FakeOpenAIServer(schema_answers()) as server,
        make_extractor(server, recall_rounds=1, on_progress=events.append) as extractor,
    ):
        document = extractor.extract(seed_text, doc_id="seed")
    *stages, done = events
    assert all(isinstance(stage, Stage) and stage.doc_id == "seed" for stage in stages)
    assert [stage.call for stage in stages if isinstance(stage, Stage)] == list(
        range(1, len(stages) + 1)
    )
    assert len(stages) == len(server.requests)
    first = stages[0]
    assert isinstance(first, Stage)
    assert first.name == "answer"
    assert first.message == f"{first.kind} · call 1"
    assert isinstance(done, DocumentDone)
    assert done.doc_id == "seed"
    assert done.error is None
    assert done.facts == len(document.meetings) + len(document.arms_deals) + len(document.embargoes)
    assert done.facts >= 1
    assert done.flagged == sum(check.failed for check in document.checks)
    assert 0 < done.seconds < 60


def test_a_failed_document_is_reported_done_with_its_error(seed_text: str) -> None:
    events: list[ProgressEvent] = []
    with (
        FakeOpenAIServer(lambda request: error(400, "bad request")) as server,
        make_extractor(server, on_progress=events.append) as extractor,
        pytest.raises(BackendError),
    ):
        extractor.extract(seed_text, doc_id="broken")
    done = events[-1]
    assert isinstance(done, DocumentDone)
    assert done.doc_id == "broken"
    assert done.facts == 0
    assert done.error is not None
    assert done.error.startswith("BackendError: ")


async def test_concurrent_extractors_hear_only_their_own_documents(seed_text: str) -> None:
    heard: dict[str, list[ProgressEvent]] = {"a": [], "b": []}
    with (
        FakeOpenAIServer(schema_answers(delay=0.05)) as server,
        make_extractor(server, on_progress=heard["a"].append) as first,
        make_extractor(server, on_progress=heard["b"].append) as second,
    ):
        await asyncio.gather(
            first.aextract(seed_text, doc_id="a1"),
            second.aextract(seed_text, doc_id="b1"),
            first.aextract(seed_text, doc_id="a2"),
        )
        await first.pipeline.client.release_this_loop()
        await second.pipeline.client.release_this_loop()
    ids = {name: {getattr(e, "doc_id", None) for e in events} for name, events in heard.items()}
    assert ids == {"a": {"a1", "a2"}, "b": {"b1"}}
    done = [e.doc_id for e in heard["a"] if isinstance(e, DocumentDone)]
    assert sorted(done) == ["a1", "a2"]
