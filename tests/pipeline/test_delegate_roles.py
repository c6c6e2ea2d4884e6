"""A run gives each delegate the state their titles or delegation name and the side that state
takes at the host, whatever the model wrote, and asks nothing about them."""

from __future__ import annotations

from typing import Any

from extractor.testing import FakeOpenAIServer, answer
from tests.conftest import make_extractor
from tests.facts.test_roles import ANKARA


def _person(name: str, title: str, country: str | None, side: str | None) -> dict[str, Any]:
    return {"name": name, "titles": [title], "country": country, "side": side}


WRONG_ROLES = {
    "meetings": [
        {
            "participants": [
                _person("يشار غولر", "وزير الدفاع التركي", "LBY", "guest"),
                _person("سالم الورفلي", "وزير الداخلية", None, None),
                _person("مختار النعاس", "رئيس الأركان العامة", "TUR", "host"),
                _person("متين غوراك", "رئيس الأركان العامة", None, "guest"),
            ],
            "host_country": "TUR",
            "guest_countries": [],
            "location_text": "في أنقرة",
            "date_text": "أمس",
            "topics": [],
        }
    ]
}


def test_states_and_sides_come_from_the_text(server: FakeOpenAIServer) -> None:
    server.script(answer(WRONG_ROLES))
    with make_extractor(server) as extractor:
        document = extractor.extract(ANKARA, doc_id="ankara")
    assert len(server.requests) == 1, "nothing left to repair"
    [meeting] = document.meetings
    assert [(p.name, p.country, p.side) for p in meeting.participants] == [
        ("يشار غولر", "TUR", "host"),
        ("سالم الورفلي", "LBY", "guest"),
        ("مختار النعاس", "LBY", "guest"),
        ("متين غوراك", "TUR", "host"),
    ]
    assert (meeting.host_country, meeting.guest_countries) == ("TUR", ["LBY"])
    assert not [check for check in document.checks if check.failed]
