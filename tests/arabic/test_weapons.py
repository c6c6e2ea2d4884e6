"""Weapon words: the categories the words around a designation name, designations that are
weapons and airliners that are not."""

from __future__ import annotations

import pytest

from extractor.arabic.lexicon import phrase_words
from extractor.arabic.weapons import (
    categories,
    designation_category,
    is_airline,
    is_airliner,
    names_weapon,
)


@pytest.mark.parametrize(
    ("words", "named"),
    [
        ("16 طائرة مقاتلة من طراز", {"fighter_aircraft"}),
        ("و12 طائرة تدريب من طراز", {"trainer_aircraft"}),
        ("مروحيات أباتشي", {"helicopter"}),
        ("طائرات بدون طيار", {"drone"}),
        ("والمسيّرات", {"drone"}),
        ("فرقاطة", {"ship"}),
        ("غواصتين", {"submarine"}),
        ("دبابات", {"armoured_vehicle"}),
        ("مركبات قتالية", {"armoured_vehicle"}),
        ("راجمات صواريخ", {"artillery"}),
        ("صواريخ اضافية طراز", {"missile"}),
        ("منظومة الدفاع الجوي", {"air_defence"}),
        ("منظومة باتريوت", {"air_defence"}),
        ("حاملة طائرات", {"ship"}),
        ("ذخيرة", {"ammunition"}),
        ("72 طائرة", {"fighter_aircraft", "trainer_aircraft", "transport_aircraft", "drone"}),
        ("التعاون الدفاعي", set()),
    ],
)
def test_categories_named_by_weapon_words(words: str, named: set[str]) -> None:
    assert categories(phrase_words(words)) == named


@pytest.mark.parametrize(
    ("designation", "category"),
    [
        ("إف-16", "fighter_aircraft"),
        ("JF-17 Thunder", "fighter_aircraft"),
        ("وإف 35", "fighter_aircraft"),
        ("سو-35", "fighter_aircraft"),
        ("باك-3", "air_defence"),
        ("إس-400", "air_defence"),
        ("سي-130", "transport_aircraft"),
        ("AH-64", "helicopter"),
        ("B777-300ER", None),
        ("عام 2015", None),
    ],
)
def test_designation_letters_name_a_category(designation: str, category: str | None) -> None:
    assert designation_category(designation) == category


def test_airliners_and_airlines_are_civil() -> None:
    assert is_airliner("B777-300ER")
    assert is_airliner("بوينغ 787")
    assert is_airliner("إيرباص A320")
    assert not is_airliner("إف-15 كيو.إيه")
    assert is_airline("الخطوط الجوية العربية السعودية")
    assert is_airline("طيران الإمارات")
    assert not is_airline("سلاح الطيران")


def test_weapons_named_in_words() -> None:
    assert names_weapon("Super Mushak")
    assert names_weapon("منظومة باتريوت")
    assert not names_weapon("نادي العروبة")
