"""An embargo whose target is named beside no measure is asked about, with the words beside
the article's measures as the reply's choices, instead of being withdrawn."""

from __future__ import annotations

from typing import Any

from extractor.testing import FakeOpenAIServer, answer
from tests.conftest import make_extractor
from tests.verify.test_absence_findings import REBELS

HOUTHIS: dict[str, Any] = {
    "embargoes": [
        {
            "target_text": "الحوثيين",
            "target": None,
            "imposed_by_text": "مجلس الأمن",
            "kind": "arms",
            "resolutions": [],
            "start_text": None,
            "status": "in_force",
        }
    ]
}


def test_the_target_moves_to_the_words_beside_the_measure(server: FakeOpenAIServer) -> None:
    server.script(answer({"arms_deals": []}), answer(HOUTHIS), answer({"q1": "المتمردين"}))
    with make_extractor(server) as extractor:
        document = extractor.extract(REBELS, doc_id="rebels")
    assert len(server.requests) == 3
    repair = server.requests[2].body
    reply = repair["response_format"]["json_schema"]["schema"]["properties"]["q1"]
    assert reply["anyOf"] == [{"const": "المتمردين", "type": "string"}, {"type": "null"}]
    assert 'one of "المتمردين"' in repair["messages"][-1]["content"]
    assert document.provenance.records_withdrawn == []
    [embargo] = document.embargoes
    assert (embargo.target_text, embargo.imposed_by) == ("المتمردين", "UNSC")
    assert not [check for check in document.checks if check.failed]
