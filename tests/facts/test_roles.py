"""A delegate's state from their own titles, else their delegation, else their side; the side
from the state and the host."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.arabic.people import people_named
from extractor.arabic.sentences import split_sentences
from extractor.facts.roles import delegate_roles, delegation_state, title_state
from extractor.pipeline.assemble import Article, meeting
from extractor.schemas import Delegate, Meeting
from extractor.schemas.response import MeetingAnswer, PersonAnswer

ANKARA = (
    "استقبل وزير الدفاع التركي يشار غولر في أنقرة أمس وفدا ليبيا رفيعا يضم وزير الداخلية "
    "سالم الورفلي، ورئيس الأركان العامة مختار النعاس. "
    "وفي الجانب التركي، حضر اللقاء رئيس الأركان العامة متين غوراك."
)
"""An invented meeting: a delegation and a side named by their states' demonyms."""


@pytest.mark.parametrize(
    ("titles", "state"),
    [
        (["قائد القوات الجوية الباكستانية"], "PAK"),
        (["رئيس وزراء ماليزيا"], "MYS"),
        (["سفير الإمارات لدى روسيا الاتحادية"], "ARE"),
        (["المبعوث الأممي إلى ليبيا"], None),
        (["وزير الدولة لشؤون أفريقيا"], None),
    ],
)
def test_the_state_a_delegate_s_own_title_names(titles: list[str], state: str | None) -> None:
    assert title_state(titles) == state


def _listed(name: str) -> str | None:
    mentions = [m for span in split_sentences(ANKARA) for m in people_named(ANKARA, span)]
    [mention] = [m for m in mentions if m.name == name]
    return delegation_state(ANKARA, mention)


def test_the_state_of_the_delegation_or_side_a_person_is_listed_in() -> None:
    assert _listed("سالم الورفلي") == "LBY"
    assert _listed("مختار النعاس") == "LBY"
    assert _listed("متين غوراك") == "TUR"


def _person(name: str, country: str | None = None, side: str | None = None) -> PersonAnswer:
    return PersonAnswer(name=name, titles=[], country=country, side=side)


def test_assembly_reads_each_delegate_s_state_and_side_from_the_text() -> None:
    answer = MeetingAnswer(
        participants=[
            _person("يشار غولر", "LBY", "guest"),
            _person("سالم الورفلي"),
            _person("مختار النعاس", side="guest"),
            _person("متين غوراك", side="guest"),
        ],
        host_country="TUR",
        guest_countries=[],
        location_text="في أنقرة",
        date_text=None,
        topics=[],
    )
    built = meeting(answer, Article(ANKARA, dt.date(2026, 3, 1)))
    assert built is not None
    roles = [(p.name, p.country, p.side) for p in built.participants]
    assert roles == [
        ("يشار غولر", "TUR", "host"),  # the title before the name in the article, not the model's
        ("سالم الورفلي", "LBY", "guest"),
        ("مختار النعاس", "LBY", "guest"),
        ("متين غوراك", "TUR", "host"),
    ]
    assert built.guest_countries == ["LBY"]


def test_a_delegate_without_a_state_in_the_text_takes_their_side_s() -> None:
    host = Delegate(name="كمال الدين حسن", titles=["وزير المالية"], side="host")
    guest = Delegate(name="ياو مينغ", titles=["نائب الرئيس"], side="guest")
    talks = Meeting(participants=[host, guest], host_country="GHA", guest_countries=["CHN"])
    roles = delegate_roles(talks, "وبحث وزير المالية كمال الدين حسن مع نائب الرئيس ياو مينغ.")
    assert [(p.country, p.side) for p in roles.participants] == [("GHA", "host"), ("CHN", "guest")]
