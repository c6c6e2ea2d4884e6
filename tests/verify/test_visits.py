"""A meeting's host read from its verbs: whoever visits is a guest (`زار`, `وصل`, `وفد … زار`),
whoever receives the host (`استقبل`, `رحب`); under --strict the disputed host role is nulled,
the meeting kept."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.arabic.visits import role_cues
from extractor.schemas import Document
from extractor.verify import drop_unsupported, failed_checks, verify_document
from extractor.verify.source import prepare

DELEGATION_VISITS = (
    "وأفاد بيان للرئاسة التونسية أن وفدًا عُمانيًا رفيع المستوى زار الرئيس قيس سعيد في قصر "
    "قرطاج، وضم الوفد وزير الخارجية بدر البوسعيدي."
)
DEPUTY_VISITS = (
    "كما زار وزير الدفاع الإندونيسي برابوو سوبيانتو رئيس أركان الجيش الفرنسي في مقر القيادة "
    "بباريس، وبحث الجانبان صفقة الطائرات."
)
WELCOMES = (
    "رحب الرئيس الكيني وليام روتو بنظيره الصومالي حسن شيخ محمود في القصر الرئاسي، وبحثا "
    "التعاون الأمني بين البلدين."
)
OBJECT_STATE = "زار الرئيس ماكرون مصر يوم الأحد، والتقى الرئيس السيسي في القاهرة."
ARRIVES = "ووصل الرئيس الإندونيسي برابوو سوبيانتو إلى أنقرة في زيارة رسمية تستغرق يومين."
ENDS_VISIT = (
    "واختتم ولي عهد البحرين الأمير سلمان بن حمد زيارته الرسمية للمغرب، التي بحث خلالها التعاون."
)
EXPORTS = "ووصلت قيمة الصادرات إلى مصر 3 مليارات دولار، وفق البيان."
RECEIVED_BY = (
    "وسلم وزير الخارجية رسالة خطية خلال استقباله من قبل أمير دولة قطر الشيخ تميم بن حمد "
    "في الديوان الأميري."
)
LONG_ARRIVAL = (
    "وصل صاحب السمو الشيخ محمد بن زايد آل نهيان ولي عهد أبوظبي نائب القائد الأعلى للقوات "
    "المسلحة اليوم إلى جمهورية مصر العربية في زيارة رسمية."
)
OBJECT_POST = "زار رئيس الوزراء رئيس أركان الجيش المصري في مقر القيادة، وبحثا التعاون."


def _cues(text: str) -> list[tuple[str, str]]:
    source = prepare(text)
    span = (0, len(text))
    cues = role_cues(text, source.words_in(span), source.countries_in(span))
    return [(cue.side, cue.iso3) for cue in cues]


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        (DELEGATION_VISITS, [("guest", "OMN")]),
        (DEPUTY_VISITS, [("guest", "IDN")]),
        (WELCOMES, [("host", "KEN")]),
        (OBJECT_STATE, []),
        (OBJECT_POST, []),
        (ARRIVES, [("guest", "IDN"), ("host", "TUR")]),
        (ENDS_VISIT, [("host", "MAR")]),
        (EXPORTS, []),
        (RECEIVED_BY, [("host", "QAT")]),
        (LONG_ARRIVAL, [("host", "EGY")]),
    ],
)
def test_the_agent_of_the_verb_and_no_other_word_gives_the_side(
    text: str, cues: list[tuple[str, str]]
) -> None:
    assert _cues(text) == cues


def _verified(text: str, host: str | None, guests: list[str]) -> Document:
    meeting: dict[str, Any] = {
        "host_country": host,
        "guest_countries": guests,
        "location_text": "قصر قرطاج",
        "participants": [{"name": "قيس سعيد", "titles": ["الرئيس"]}],
        "evidence": [text],
    }
    document = Document.model_validate({"doc_id": "visits", "meetings": [meeting]})
    return verify_document(document, text)


def test_a_visiting_delegations_state_as_host_is_a_finding_and_strict_nulls_the_host() -> None:
    right = _verified(DELEGATION_VISITS, "TUN", ["OMN"])
    assert not [c for c in failed_checks(right) if c.path == "meetings[0]"]
    reversed_ = _verified(DELEGATION_VISITS, "OMN", ["TUN"])
    finding = next(c for c in failed_checks(reversed_) if c.path == "meetings[0]")
    assert finding.value == "OMN"
    assert 'وفدًا عُمانيًا رفيع المستوى زار" makes it a guest' in finding.message
    strict = drop_unsupported(reversed_)
    assert len(strict.meetings) == 1
    assert (strict.meetings[0].host_country, strict.meetings[0].guest_countries) == (None, [])
    assert strict.meetings[0].participants[0].name == "قيس سعيد"


def test_a_guest_that_receives_is_a_finding() -> None:
    text = WELCOMES.replace("القصر الرئاسي", "قصر قرطاج")
    failed = failed_checks(_verified(text, "SOM", ["KEN"]))
    finding = next(check for check in failed if check.path == "meetings[0]")
    assert finding.value == "KEN"
    assert "makes it the host" in finding.message
