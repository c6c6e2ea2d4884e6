"""Properties over many generated values: a number is supported only by itself, and any
stretch of the article quoted as evidence is found exactly where it is."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.verify.corpus import SEED_ID, article, check_at, gold_raw, to_arabic_indic, verify_raw

TEXT = article(SEED_ID)
WORDS = [m.span() for m in regex.finditer(r"\S+", TEXT)]


@settings(max_examples=60, deadline=None)
@given(quantity=st.integers(min_value=0, max_value=5000), indic=st.booleans())
def test_only_the_count_next_to_the_designation_supports_a_quantity(
    quantity: int, indic: bool
) -> None:
    raw = gold_raw(SEED_ID)
    written = to_arabic_indic(str(quantity)) if indic else str(quantity)
    raw["arms_deals"][0]["items"][0].update(quantity=quantity, quantity_text=written)
    check = check_at(verify_raw(raw, TEXT), "arms_deals[0].items[0].quantity")
    assert check.failed == (quantity != 16)


@settings(max_examples=60, deadline=None)
@given(start=st.integers(min_value=0, max_value=len(WORDS) - 1), length=st.integers(1, 25))
def test_any_stretch_of_the_article_quoted_as_evidence_is_found_where_it_is(
    start: int, length: int
) -> None:
    first, last = WORDS[start], WORDS[min(start + length, len(WORDS)) - 1]
    quote = TEXT[first[0] : last[1]]
    raw = gold_raw(SEED_ID)
    raw["arms_deals"][0]["evidence"] = [quote]
    check = check_at(verify_raw(raw, TEXT), "arms_deals[0].evidence[0]")
    assert check.status == "exact"
    assert check.found == quote
