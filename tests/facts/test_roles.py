"""A delegate's state from their own titles, else their delegation, else their side; the side
from the state and the host."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.arabic.named_people import people_named
from extractor.arabic.sentences import split_sentences
from extractor.facts.roles import (
    delegate_roles,
    delegation_state,
    family_state,
    lead_state,
    title_state,
)
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
        (["وزير الدفاع التركي بقائد الجيش الوطني الصومالي"], "SOM"),  # copied across `التقى`
        (["نائب رئيس الأركان المصري بوزير الدفاع"], None),
    ],
)
def test_the_state_a_delegate_s_own_title_names(titles: list[str], state: str | None) -> None:
    assert title_state(titles) == state


def _listed(name: str, text: str = ANKARA, states: dict[str, str] | None = None) -> str | None:
    [(mention, sentence)] = [
        (m, span)
        for span in split_sentences(text)
        for m in people_named(text, span)
        if m.name == name
    ]
    return delegation_state(text, sentence, mention, states or {})


def test_the_state_of_the_delegation_or_side_a_person_is_listed_in() -> None:
    assert _listed("سالم الورفلي") == "LBY"
    assert _listed("مختار النعاس") == "LBY"
    assert _listed("متين غوراك") == "TUR"


def test_a_delegation_accompanying_a_participant_is_of_their_state() -> None:
    text = (
        "وصل ولي عهد البحرين الأمير سلمان بن حمد إلى طوكيو. "
        "وضم الوفد المرافق لسمو الأمير سلمان بن حمد وزير المالية أحمد بن محمد."
    )
    assert _listed("أحمد بن محمد", text, {"سلمان بن حمد": "BHR"}) == "BHR"


def test_attendance_after_a_delegation_lists_no_member_of_it() -> None:
    text = "واستقبل رئيس الوزراء وفدا ليبيا رفيعا، وحضر اللقاء وزير الخارجية سامح الجندي."
    assert _listed("سامح الجندي", text) is None


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
    made = meeting(answer, Article(ANKARA, dt.date(2026, 3, 1)))
    assert made is not None
    built = made.fact
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


def test_sides_that_dispute_the_host_are_kept_unless_the_place_confirms_it() -> None:
    text = "وبحث رئيس وزراء ماليزيا أنور كمال مع رئيس وزراء تايلاند سوم تشاي سبل التعاون."
    anwar = Delegate(name="أنور كمال", titles=["رئيس وزراء ماليزيا"], side="host")
    somchai = Delegate(name="سوم تشاي", titles=["رئيس وزراء تايلاند"], side="guest")
    talks = Meeting(participants=[anwar, somchai], host_country="THA", guest_countries=["MYS"])
    kept = delegate_roles(talks, text)
    assert [(p.country, p.side) for p in kept.participants] == [("MYS", "host"), ("THA", "guest")]
    in_bangkok = talks.model_copy(update={"location_text": "في بانكوك"})
    derived = delegate_roles(in_bangkok, text)
    assert [(p.country, p.side) for p in derived.participants] == [
        ("MYS", "guest"),
        ("THA", "host"),
    ]


CAIRO_ARRIVAL = (
    "ووصل ولي عهد أبوظبي إلى القاهرة في زيارة رسمية. "
    "وكان في استقباله لدى وصوله مطار القاهرة رئيس الوزراء مصطفى مدبولي ووزير الخارجية "
    "سامح شكري والملحق العسكري الإماراتي في القاهرة العميد محمد الظاهري. "
    "ويضم الوفد المرافق لسموه وزير الدولة خليفة المرر."
)
"""An invented arrival: the receivers listed after `في استقباله`, one of them the visitor's
ambassador, then the visitor's delegation."""


def test_those_listed_as_receiving_the_visitor_host_unless_their_post_names_another_state() -> None:
    talks = Meeting(
        participants=[
            Delegate(name="مصطفى مدبولي", titles=["رئيس الوزراء"], side="guest"),
            Delegate(name="سامح شكري", titles=["وزير الخارجية"], side="guest"),
            Delegate(name="محمد الظاهري", titles=["العميد"], side="host"),
            Delegate(name="خليفة المرر", titles=["وزير الدولة"], side="guest"),
        ],
        host_country="EGY",
        guest_countries=["ARE"],
    )
    roles = delegate_roles(talks, CAIRO_ARRIVAL)
    assert [(p.country, p.side) for p in roles.participants] == [
        ("EGY", "host"),
        ("EGY", "host"),
        ("ARE", "guest"),  # `الملحق العسكري الإماراتي في القاهرة`: his post's state
        ("ARE", "guest"),
    ]


def test_a_ruling_family_in_the_name_places_its_member() -> None:
    assert family_state("تميم بن حمد آل ثاني") == "QAT"
    assert family_state("حمد بن عيسى آل خليفة") == "BHR"
    assert family_state("سامح شكري") is None


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        ("وحضر اللقاء السفير السعودي بواشنطن، الأمير ريما بنت بندر.", "ريما بنت بندر", "SAU"),
        (
            "كما زار قائد الجيش اللبناني رئيس أركان القوات البرية الفريق أول شريف بن حمادة.",
            "شريف بن حمادة",
            None,
        ),
        (
            "وحضر سفير خادم الحرمين الشريفين لدى مصر الدكتور أسامة نقلي.",
            "أسامة نقلي",
            "SAU",
        ),
    ],
)
def test_the_post_that_leads_a_name_in_a_list_names_its_state(
    text: str, name: str, state: str | None
) -> None:
    span = split_sentences(text)[0]
    mention = next(m for m in people_named(text, span) if m.name == name)
    assert lead_state(text, (span[0], mention.span[0])) == state
