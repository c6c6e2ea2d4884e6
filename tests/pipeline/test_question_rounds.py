"""The exact requests of repair and recall rounds, and the Documents they make, pinned.

The response cache keys on every message, schema, budget and temperature of a request: one
changed character is a cache miss and a changed answer. Each scenario's requests after the first
answers, and its Document (timings aside), are compared with `question_rounds.json`, written
from the code before question rounds shared one interface. A deliberate prompt change
regenerates it: `python -m tests.pipeline.test_question_rounds`.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from extractor.testing import FakeOpenAIServer, answer
from tests.answers import DEAL, EMBARGO, MEETING, deal_with_quantities
from tests.conftest import SEED, make_extractor

PINNED = Path(__file__).with_name("question_rounds.json")

ROLES = {"p1": "guest", "p2": "guest", "p3": "host", "p4": "host", "p5": "absent", "p6": "absent"}

TWO_BUYERS = (
    "أعلنت فرنسا يوم الاثنين أنها باعت 48 طائرة رافال إلى مصر، كما باعت 24 طائرة رافال "
    "إلى قطر بقيمة 6,3 مليار يورو، في صفقتين منفصلتين للطائرات المقاتلة."
)

SANCTIONS = (
    "فرض مجلس الأمن الدولي حظر أسلحة على ليبيا بموجب القرار 1970. وفرضت الولايات المتحدة "
    "عقوبات اقتصادية على الحوثيين، وأكد مجلس الأمن تمديد الحظر بالقرار 2146."
)

Run = tuple[str, int, dict[str, Any]]
"""The article, the number of first-answer requests, and the Document as JSON."""

Scenario = Callable[[FakeOpenAIServer], Run]
"""Scripts the server and runs one article."""


def _meeting_to_repair() -> dict[str, Any]:
    """The seed meeting with a nameless, titleless person first, the host repeated, and a wrong
    title on the guest: the question must reach the person behind the delegate's index."""
    meeting = copy.deepcopy(MEETING)
    people = meeting["meetings"][0]["participants"]
    people[1]["titles"] = ["وزير الشؤون الإسلامية"]
    people.insert(1, copy.deepcopy(people[0]))
    people.insert(0, {"name": None, "titles": [], "country": None, "side": None})
    return meeting


def _embargo_to_repair() -> dict[str, Any]:
    """The seed embargo with an invented resolution number."""
    embargo = copy.deepcopy(EMBARGO)
    embargo["embargoes"][0].update(resolutions=["1970", "1999"])
    return embargo


def _repair_rounds(server: FakeOpenAIServer) -> Run:
    server.script(
        answer(deal_with_quantities("18", "14")),
        answer(_embargo_to_repair()),
        answer(_meeting_to_repair()),
        answer({"q1": "رئيس وزراء ليبيا", "q2": "16", "q3": "14", "q4": "1973"}),
        answer({"q1": "12"}),
    )
    text = SEED.read_text(encoding="utf-8")
    with make_extractor(server, max_reasks=3) as extractor:
        document = extractor.extract(text, doc_id="seed")
    return text, 3, document.model_dump(mode="json")


def _recall_meetings(server: FakeOpenAIServer) -> Run:
    server.script(answer(DEAL), answer(EMBARGO), answer(MEETING), answer(ROLES))
    text = SEED.read_text(encoding="utf-8")
    with make_extractor(server, recall_rounds=2) as extractor:
        document = extractor.extract(text, doc_id="seed")
    return text, 3, document.model_dump(mode="json")


def _recall_deals(server: FakeOpenAIServer) -> Run:
    egypt = copy.deepcopy(DEAL)
    egypt["arms_deals"][0].update(
        buyer_text="مصر", buyer="EGY", seller_text="فرنسا", seller="FRA", value_text=None,
        date_text=None, duration_text=None,
        items=[{"designation": "رافال", "category": "fighter_aircraft", "quantity_text": "48"}],
    )  # fmt: skip
    server.script(answer(egypt), answer({"w1_buyer": "قطر", "w1_seller": "فرنسا"}))
    with make_extractor(server, recall_rounds=2) as extractor:
        document = extractor.extract(TWO_BUYERS, doc_id="rafale")
    return TWO_BUYERS, 1, document.model_dump(mode="json")


def _recall_embargoes(server: FakeOpenAIServer) -> Run:
    first = copy.deepcopy(EMBARGO)
    first["embargoes"][0].update(resolutions=["1970"], start_text=None)
    reply = {"r1": "1. ليبيا (arms)", "t2": "economic", "t2_by": "الولايات المتحدة"}
    server.script(answer(first), answer(reply))
    with make_extractor(server, recall_rounds=1) as extractor:
        document = extractor.extract(SANCTIONS, doc_id="sanctions")
    assert "arms_deals" in document.provenance.kinds_not_mentioned, "an embargo is no transfer"
    return SANCTIONS, 1, document.model_dump(mode="json")


SCENARIOS: dict[str, Scenario] = {
    "repair_rounds": _repair_rounds,
    "recall_meetings": _recall_meetings,
    "recall_deals": _recall_deals,
    "recall_embargoes": _recall_embargoes,
}


def _digest(value: Any) -> str:
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _record(scenario: Scenario) -> dict[str, Any]:
    """The scenario's question requests (the task text shown, every sent byte digested) and
    its Document's digest, timings aside."""
    with FakeOpenAIServer() as server:
        text, first, document = scenario(server)
        requests = [request.body for request in server.requests[first:]]
    document["provenance"].pop("timings")
    article = text.strip()
    return {
        "tasks": [body["messages"][-1]["content"].split(article, 1)[1] for body in requests],
        "requests": [
            _digest(
                {k: body[k] for k in ("messages", "response_format", "max_tokens", "temperature")}
            )
            for body in requests
        ],
        "document": _digest(document),
    }


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_question_rounds_send_the_pinned_requests_and_make_the_pinned_document(name: str) -> None:
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))[name]
    recorded = _record(SCENARIOS[name])
    assert recorded["tasks"] == pinned["tasks"]
    assert recorded == pinned


if __name__ == "__main__":
    records = {name: _record(scenario) for name, scenario in SCENARIOS.items()}
    PINNED.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
