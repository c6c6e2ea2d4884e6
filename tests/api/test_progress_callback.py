"""Python callers hear what an Extractor is doing: each call's stage and each document done,
through `Extractor(on_progress=...)`, and only their own Extractor's events."""

from __future__ import annotations

import asyncio

import pytest

from extractor import CallDone, DocumentDone, ProgressEvent, Stage
from extractor.errors import BackendError
from extractor.testing import FakeOpenAIServer, Reply, Request, error, schema_answers
from tests.conftest import make_extractor

LLAMA_TIMINGS = {
    "prompt_n": 700,
    "cache_n": 1100,
    "predicted_n": 80,
    "prompt_ms": 13000.0,
    "predicted_ms": 4000.0,
}
"""What llama.cpp's server attaches to a completion, as its `timings`."""


def _with_llama_timings(request: Request) -> Reply:
    reply = schema_answers()(request)
    return Reply(body={**reply.body, "timings": LLAMA_TIMINGS})


def test_each_call_is_a_stage_and_a_call_done_and_the_document_ends_them(seed_text: str) -> None:
    events: list[ProgressEvent] = []
    with (
        FakeOpenAIServer(_with_llama_timings) as server,
        make_extractor(server, recall_rounds=1, on_progress=events.append) as extractor,
    ):
        document = extractor.extract(seed_text, doc_id="seed")
    *calls, done = events
    stages = calls[0::2]
    ended = calls[1::2]
    assert all(isinstance(stage, Stage) for stage in stages)
    assert all(isinstance(call, CallDone) for call in ended)
    assert {event.doc_id for event in calls if isinstance(event, Stage | CallDone)} == {"seed"}
    numbers = list(range(1, len(server.requests) + 1))
    assert [stage.call for stage in stages if isinstance(stage, Stage)] == numbers
    assert [call.call for call in ended if isinstance(call, CallDone)] == numbers
    first = stages[0]
    assert isinstance(first, Stage)
    assert first.name == "answer"
    assert first.message == f"{first.kind} · call 1"
    for call in ended:
        assert isinstance(call, CallDone)
        assert call.server == {
            "prompt_evaluated_tokens": 700,
            "prompt_cached_tokens": 1100,
            "generated_tokens": 80,
            "prompt_eval_s": 13.0,
            "generation_s": 4.0,
        }
    assert document.provenance.timings["generated_tokens"] == 80 * len(numbers)
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
