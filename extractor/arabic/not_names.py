"""What a phrase written as a person's name is instead, when it names no person.

A small model fills a delegate's `name` with the nearest noun phrase: a post (`وزير الدفاع
الإسباني`), a body (`شركة داسو`, `الجيش الإسرائيلي`), a state or demonym (`أميركية`), a time
(`عصر الخميس`) or a generic reference (`الجانبان`). Each is told apart by a reviewed table.
"""

from __future__ import annotations

from functools import lru_cache

from extractor.arabic.countries import country_named
from extractor.arabic.institutions import is_body, is_generic_reference
from extractor.arabic.time_words import is_time
from extractor.arabic.titles import is_post_only

POST = "a post"


@lru_cache(maxsize=4096)
def not_a_person(name: str) -> str | None:
    """What the phrase is instead of a person (`a post`, `an institution`, `a state`, `a time`,
    `a generic reference`), or None when it may name a person."""
    if is_time(name):
        return "a time"
    if is_generic_reference(name):
        return "a generic reference"
    if is_post_only(name):
        return POST
    if is_body(name):
        return "an institution"
    if country_named(name) is not None:
        return "a state"
    return None
