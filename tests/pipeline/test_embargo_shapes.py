"""Embargoes of the shapes unseen articles report: persons and families under a measure, one
record per measure kind and imposer, and a state halting its arms exports."""

from __future__ import annotations

from typing import Any

from extractor.testing import FakeOpenAIServer, answer
from tests.conftest import make_extractor

ARTICLE = (
    "فرض مجلس الأمن الدولي، الخميس، حظر السفر وتجميد الأصول على القيادي في جماعة مسلحة "
    "بشرق البلاد مامادو كوليبالي وأفراد من عائلته، بموجب القرار 2791. "
    "وفي خطوة منفصلة، أعلنت الحكومة البلجيكية تعليق صادرات الأسلحة إلى رواندا."
)
"""An invented article: two measures of one imposer on a person, and a state's export halt."""


def _measure(target_text: str, kind: str, imposed_by_text: str, **fields: Any) -> dict[str, Any]:
    return {
        "target_text": target_text,
        "target": None,
        "imposed_by_text": imposed_by_text,
        "kind": kind,
        "resolutions": [],
        "start_text": None,
        "status": "imposed",
    } | fields


MEASURES = {
    "embargoes": [
        _measure("مامادو كوليبالي", "travel", "مجلس الأمن الدولي", resolutions=["2791"]),
        _measure("مامادو كوليبالي", "assets", "مجلس الأمن الدولي", resolutions=["2791"]),
        _measure("رواندا", "arms", "الحكومة البلجيكية", target="RWA"),
    ]
}


def test_each_measure_kind_and_imposer_is_its_own_record(server: FakeOpenAIServer) -> None:
    server.script(answer({"arms_deals": []}), answer(MEASURES))
    with make_extractor(server) as extractor:
        document = extractor.extract(ARTICLE, doc_id="measures")
    assert len(server.requests) == 2, "every record holds: nothing to repair"
    assert server.requests[1].body["max_tokens"] == 450
    found = [(e.target_text, e.kind, e.imposed_by) for e in document.embargoes]
    assert found == [
        ("مامادو كوليبالي", "travel", "UNSC"),
        ("مامادو كوليبالي", "assets", "UNSC"),
        ("رواندا", "arms", "BEL"),
    ]
    assert document.embargoes[0].resolutions == ["2791"]
    assert not [check for check in document.checks if check.failed]


def test_the_embargo_prompt_asks_for_persons_and_one_record_per_measure(
    server: FakeOpenAIServer,
) -> None:
    server.script(answer({"arms_deals": []}), answer({"embargoes": []}))
    with make_extractor(server) as extractor:
        extractor.extract(ARTICLE, doc_id="prompt")
    messages = server.requests[1].body["messages"]
    task = messages[-1]["content"]
    assert "one record per target, kind of measure and imposer" in task
    assert "halting or suspending its arms exports" in task
    assert "persons" in task
