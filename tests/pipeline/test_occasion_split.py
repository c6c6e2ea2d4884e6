"""A visit told as several occasions is several meetings; a meeting takes its building as place."""

from __future__ import annotations

from extractor.pipeline.occasion_split import occasions_from_text
from extractor.schemas import Delegate, Document, Meeting
from extractor.verify.source import prepare

VISIT = (
    "استقبل الرئيس الجزائري عبد المجيد تبون وزير الدفاع الإيطالي غويدو كروزيتو في قصر المرادية. "
    "كما زار وزير الدفاع الإيطالي قائد القوات البحرية اللواء محفوظ بن مداح في مقر القيادة البحرية، "
    "حيث بحثا التعاون البحري. "
    "وفي وقت سابق، ناقش رئيس أركان الجيش الفريق أول سعيد شنقريحة مع الوفد التعاون العسكري."
)
"""An invented visit told as three occasions: the president, the navy, the chief of staff."""


def _people(meeting: Meeting) -> list[str | None]:
    return [person.name for person in meeting.participants]


def test_each_sentence_of_another_occasion_is_a_meeting_of_its_own() -> None:
    answered = Meeting(
        participants=[
            Delegate(name="عبد المجيد تبون", titles=["الرئيس"], country="DZA", side="host"),
            Delegate(
                name="غويدو كروزيتو", titles=["وزير الدفاع الإيطالي"], country="ITA", side="guest"
            ),
            Delegate(
                name="محفوظ بن مداح", titles=["قائد القوات البحرية"], country="ITA", side="guest"
            ),
            Delegate(name="سعيد شنقريحة", titles=["رئيس أركان الجيش"], country="DZA", side="host"),
        ],
        host_country="DZA",
        guest_countries=["ITA"],
        evidence=[
            "استقبل الرئيس الجزائري عبد المجيد تبون وزير الدفاع الإيطالي غويدو كروزيتو",
            "كما زار وزير الدفاع الإيطالي قائد القوات البحرية اللواء محفوظ بن مداح",
        ],
    )
    document, notes = occasions_from_text(
        Document(doc_id="visit", meetings=[answered]), prepare(VISIT)
    )
    first, navy, staff = document.meetings
    assert (_people(first), first.location_text) == (
        ["عبد المجيد تبون", "غويدو كروزيتو"],
        "قصر المرادية",
    )
    assert (_people(navy), navy.location_text) == (
        ["غويدو كروزيتو", "محفوظ بن مداح"],  # the visitor by his first title, the host by name
        "مقر القيادة البحرية",
    )
    assert (_people(staff), staff.location_text) == (["سعيد شنقريحة"], None)
    assert [(p.country, p.side) for p in navy.participants] == [
        ("ITA", "guest"),
        ("DZA", "host"),  # whom the visitor meets: the model's ITA/guest turned
    ]
    assert {(m.host_country, tuple(m.guest_countries)) for m in document.meetings} == {
        ("DZA", ("ITA",))
    }
    assert len(notes) == 3


def test_a_meeting_told_in_one_occasion_stays_one() -> None:
    text = "واستقبل ولي العهد الأمير الحسين بن عبدالله وزير الخارجية الهندي في قصر الحسينية أمس."
    answered = Meeting(
        participants=[Delegate(name="الحسين بن عبدالله", titles=["ولي العهد"], side="host")],
        host_country="JOR",
        evidence=[text],
    )
    document, notes = occasions_from_text(
        Document(doc_id="one", meetings=[answered]), prepare(text)
    )
    assert [m.location_text for m in document.meetings] == ["قصر الحسينية"]
    assert notes == ["meetings[0]: place 'قصر الحسينية' from its sentences"]
