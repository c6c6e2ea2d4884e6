"""When two names are one person: the rule coverage, identity and the register share."""

from __future__ import annotations

import pytest

from extractor.arabic.person_identity import same_person


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("ترمب", "دونالد ترامب"),
        ("سلمان بن عبد العزيز", "سلمان بن عبدالعزيز آل سعود"),
        ("محمد بن زايد", "محمد بن زايد آل نهيان"),
        ("بومبيو", "مايك بومبيو"),
        ("حيدر العبادي", "وحيدر العبادي"),
    ],
)
def test_one_person_written_two_ways(first: str, second: str) -> None:
    assert same_person(first, second)
    assert same_person(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("سلمان بن عبدالعزيز", "خالد بن سلمان بن عبدالعزيز"),
        ("سلمان", "خالد بن سلمان بن عبدالعزيز"),
        ("صباح الأحمد الصباح", "نواف الأحمد الجابر الصباح"),
        ("عادل الجبير", "محمد الجدعان"),
        ("", "محمد بن سلمان"),
    ],
)
def test_a_father_another_order_or_other_words_are_another_person(first: str, second: str) -> None:
    assert not same_person(first, second)
    assert not same_person(second, first)
