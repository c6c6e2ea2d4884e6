"""The stages of an embedded run's start, as its first-run user sees them (slow: `model`)."""

from __future__ import annotations

import pytest

from extractor import DocumentDone, ProgressEvent, Stage
from extractor.api import Extractor
from extractor.llm.embedded import INSTRUCTIONS_FIRST_RUN

pytestmark = [pytest.mark.model, pytest.mark.local]


def test_the_start_and_each_call_are_stages(seed_text: str) -> None:
    events: list[ProgressEvent] = []
    with Extractor(backend="embedded", cache=False, on_progress=events.append) as extractor:
        opened = len(events)  # the start's events: its stages, and a Notice on a busy machine
        document = extractor.extract(seed_text, doc_id="seed")
    started = [event for event in events[:opened] if isinstance(event, Stage)]
    names = [stage.name for stage in started]
    assert names[-2:] == ["server", "instructions"] or names[-3:] == [
        "server", "instructions", "instructions"
    ]  # fmt: skip
    assert set(names) <= {"model", "server", "instructions"}
    assert started[-1].message in {INSTRUCTIONS_FIRST_RUN, "restoring the evaluated instructions"}
    calls = [e for e in events[opened:] if isinstance(e, Stage)]
    assert calls[0].name == "answer"
    assert [stage.call for stage in calls] == list(range(1, len(calls) + 1))
    assert len(calls) <= document.provenance.usage.llm_calls  # requests: retries, repairs too
    done = events[-1]
    assert isinstance(done, DocumentDone)
    assert done.doc_id == "seed"
    assert done.error is None
