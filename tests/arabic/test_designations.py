"""Designation keys: one system, one key, whatever the script or spelling in real articles."""

from __future__ import annotations

import pytest

from extractor.arabic.designations import designation_key, designations_in, same_system
from extractor.arabic.normalize import normalize_text


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (["إس-400", "اس 400", "S-400", "إس - 400 أرض/جو", "#صواريخ_إس_400", "إس 400"], "S400"),
        (["اس-300", "اس -300", "إس-300", "S 300"], "S300"),
        (["إف-35", "F-35", "اف35"], "F35"),
        (["JF-17 Thunder", "جيه إف-17", "JF17"], "JF17"),
        (["ميغ-29", "MiG-29"], "MIG29"),
        (["باتريوت", "Patriot"], "PATRIOT"),
        (["باك-3", "PAC-3"], "PAC3"),
        (["إف-16 بلوك 70", "F-16V", "F-16"], "F16"),
    ],
)
def test_spellings_of_one_system_share_a_key(spellings: list[str], key: str) -> None:
    assert {designation_key(spelling) for spelling in spellings} == {key}


@pytest.mark.parametrize(
    ("first", "second"),
    [("إس-400", "إس-300"), ("إف-35", "إف-15"), ("F-16", "JF-17"), ("سو-35", "ميغ-35")],
)
def test_other_systems_do_not(first: str, second: str) -> None:
    assert not same_system(first, second)


def test_an_arabic_description_keeps_its_words() -> None:
    assert designation_key("منظومة الدفاع الجوي") == "منظومه الدفاع الجوي"
    assert same_system("منظومة الدفاع الجوي", "منظومه الدفاع الجوى")
    assert not same_system("", "")


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("وتسلمت أنقرة منظومة إس-400 وبطاريات باك-3", ["اس-400", "باك-3"]),
        ("طائرات F-16 Block 70 لسلاح الجو البحريني", ["f-16", "block 70"]),
        ("اشترت الخطوط القطرية طائرات B777-300ER", ["b777-300er"]),
        ("وتنوي أثينا شراء اف 16 ودبابات تي 72 المحدثة", ["اف 16", "تي 72"]),
        ("أعلن في عام 2015 أن المجلس الذي يضم15 دولة", []),
    ],
)
def test_one_recogniser_finds_designations_in_news(sentence: str, found: list[str]) -> None:
    assert [match.group() for match in designations_in(normalize_text(sentence))] == found
