"""What a phrase written as a person's name is instead: posts, bodies, states, times and
generic references, from Arabic news; real names pass."""

from __future__ import annotations

import pytest

from extractor.arabic.not_names import not_a_person


@pytest.mark.parametrize(
    ("phrase", "what"),
    [
        ("وزير الدفاع الإسباني", "a post"),
        ("ولي العهد", "a post"),
        ("ولي عهد أبوظبي", "a post"),
        ("المستشار في الديوان الملكي", "a post"),
        ("وزير الدولة لشؤون أفريقيا", "a post"),
        ("المشير", "a post"),
        ("أمير دولة الكويت", "a post"),
        ("نائب أمير منطقة الرياض", "a post"),
        ("أمير منطقة تبوك", "a post"),
        ("محافظ مدينة جدة", "a post"),
        ("محافظ البنك المركزي", "a post"),
        ("الملحق العسكري الأمريكي في القاهرة", "a post"),
        ("وزير خارجية البلاد", "a post"),
        ("وزير دفاع إسرائيل", "a post"),
        ("رئيس جمهورية السودان", "a post"),
        ("مستشار خادم الحرمين الشريفين لشئون الإعلام", "a post"),
        ("بي إيه إي سيستمز", "an institution"),
        ("شركة داسو", "an institution"),
        ("مجلس الشيوخ", "an institution"),
        ("الجيش الإسرائيلي", "an institution"),
        ("الدولة المصرية", "an institution"),
        ("حركة حماس", "an institution"),
        ("أميركية", "a state"),
        ("الرياض", "a state"),
        ("عصر الخميس", "a time"),
        ("يوم الثلاثاء", "a time"),
        ("الجانبان", "a generic reference"),
        ("الوفد", "a generic reference"),
    ],
)
def test_what_a_non_person_is(phrase: str, what: str) -> None:
    assert not_a_person(phrase) == what


@pytest.mark.parametrize(
    "name",
    [
        "محمد بن زايد",
        "الملك سلمان",
        "وزير الخارجية عادل الجبير",
        "خميس الجهيناوي",
        "صالح بن عبدالعزيز آل الشيخ",
        "معضد حارب مغير الخييلي",
        "جيم ماتيس",
        "أمير عبد اللهيان",
        "وزير الخارجية حسين أمير عبد اللهيان",
    ],
)
def test_names_of_people_pass(name: str) -> None:
    assert not_a_person(name) is None
