"""The matching rules: names by shared tokens, designations by containment, on real spellings."""

from __future__ import annotations

import pytest

from extractor.evaluate import designations_match, names_match


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("خليفة حفتر", "خليفة أبو القاسم حفتر"),  # a partial name
        ("حفتر", "خليفة أبو القاسم حفتر"),
        ("خَلِيفة أبو القاسِم حفتر", "خليفة أبو القاسم حفتر"),  # diacritics
        ("وعاصم منير", "عاصم منير"),  # a clitic
        ("الشيخ محمد بن زايد", "محمد بن زايد"),  # a title kept in the name
        ("اسحاق دار", "إسحاق دار"),  # hamza form
        ("بإسلام آباد", "مقر القوات الجوية بإسلام آباد"),
        ("الرياض", "قصر اليمامة بالعاصمة الرياض"),
    ],
)
def test_names_that_should_match(predicted: str, gold: str) -> None:
    assert names_match(predicted, gold)
    assert names_match(gold, predicted)


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("الشيخ", "الشيخ محمد بن زايد"),  # a title alone says nobody
        ("بن", "محمد بن زايد"),
        ("محمد بن سلمان", "محمد بن زايد"),
        ("نواز شريف", "شهباز شريف"),
        ("مقر البحرية", "مقر القوات الجوية بإسلام آباد"),
        ("", "عاصم منير"),
    ],
)
def test_names_that_should_not_match(predicted: str, gold: str) -> None:
    assert not names_match(predicted, gold)


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("JF17", "JF-17 Thunder"),
        ("jf-17 thunder", "JF-17 Thunder"),
        ("إف-16 بلوك 70", "إف 16 بلوك 70"),
        ("اف ١٦", "إف 16 بلوك 70"),  # digit script and hamza
        ("لإف-35 إيه", "إف-35 إيه"),  # a clitic on the designation
    ],
)
def test_designations_that_should_match(predicted: str, gold: str) -> None:
    assert designations_match(predicted, gold)


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [("إف-15", "إف-16 بلوك 70"), ("JF-17", "Super Mushak"), ("", "باك-3")],
)
def test_designations_that_should_not_match(predicted: str, gold: str) -> None:
    assert not designations_match(predicted, gold)
