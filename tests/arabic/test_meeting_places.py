"""A meeting's building read from its sentence, and the sentences that open another occasion."""

from __future__ import annotations

import pytest

from extractor.arabic.lexicon import words_of
from extractor.arabic.meeting_places import meeting_place, opens_occasion


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("واستقبل الرئيس التونسي نظيره الجزائري في قصر قرطاج أمس، وبحثا العلاقات.", "قصر قرطاج"),
        (
            "والتقى وزير الدفاع نظيره التركي في مقر وزارة الدفاع بأنقرة لبحث التعاون.",
            "مقر وزارة الدفاع بأنقرة",
        ),
        ("واجتمع الأمير بالوفد بقصر اليمامة بالرياض اليوم.", "قصر اليمامة بالرياض"),
        ("وعقد الجانبان جلسة مباحثات بقصر بيان تناولت العلاقات الثنائية.", "قصر بيان"),
        ("وبحث الوزيران في اتصال هاتفي تطورات الأوضاع.", None),
    ],
)
def test_the_building_a_sentence_names_as_the_place(sentence: str, place: str | None) -> None:
    span = meeting_place(sentence, words_of(sentence))
    assert (sentence[span[0] : span[1]] if span else None) == place


@pytest.mark.parametrize(
    ("sentence", "opens"),
    [
        ("كما زار وزير الدفاع الإيطالي قائد القوات البحرية في مقر القيادة.", True),
        ("كما التقى ولي العهد برئيس مجلس النواب.", True),
        ("وفي وقت سابق، بحث رئيس الأركان مع الوفد التعاون العسكري.", True),
        ("وزار الوفد كما هو مقرر مصنع الطائرات.", False),
    ],
)
def test_a_sentence_that_opens_another_occasion(sentence: str, opens: bool) -> None:
    assert opens_occasion(words_of(sentence)) is opens
