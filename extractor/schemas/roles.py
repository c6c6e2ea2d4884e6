"""The roles of the contract's fields, stated once: which derived value is read from which
surface text, which fields are codes, and which field a whole record stands or falls with.

The verifier, the repair questions, the review page and the benchmarks read these tables
instead of keeping copies of their own (docs/contract.md, rules 1 and 2).
"""

from __future__ import annotations

from pydantic import BaseModel

from extractor.schemas.facts import ArmsItem, Embargo, Money

SURFACE_OF: dict[str, str] = {
    "quantity": "quantity_text",
    "amount": "text",
    "min_amount": "text",
    "buyer": "buyer_text",
    "seller": "seller_text",
    "target": "target_text",
    "imposed_by": "imposed_by_text",
    "date": "date_text",
    "start": "start_text",
    "duration_months": "duration_text",
}
"""Derived field -> the surface field of the same model it is read from."""

FLATTENED: dict[str, str] = {"value": "value_text"}
"""Records the LLM writes as one string: the answer field that holds the record's text (an
ArmsDeal's Money `value` is `value_text` in the answer)."""

COUNTRY_CODES = frozenset(
    {"country", "host_country", "guest_countries", "buyer", "seller", "target", "imposed_by"}
)
"""Fields holding ISO 3166-1 alpha-3 codes (`imposed_by` may instead name a body: UNSC, EU…)."""

CODE_TEXTS: dict[str, tuple[str, ...]] = {
    "country": ("titles", "organization", "name"),
    "host_country": ("location_text",),
    **{code: (SURFACE_OF[code],) for code in sorted(COUNTRY_CODES & SURFACE_OF.keys())},
}
"""The surface fields of the same model that state each code: its own surface field, else
the person's posts and body, or the meeting's place (guests have none of their own: a
meeting's place names its host)."""

CODES = COUNTRY_CODES | {"currency"}
"""Every field holding a code: a country, a body, a currency (ISO 4217)."""

UNWRITTEN_CODES = COUNTRY_CODES - SURFACE_OF.keys()
"""Codes with no surface field of their own: a string-grounding tool has nothing to check."""

ENUMERATIONS = frozenset({"category", "side", "status", "kind"})
"""Enumerations the text cannot prove or disprove by lookup: they get no check of their own
(docs/contract.md, "What gets a check")."""

DEFINING_FIELD: dict[type[BaseModel], str] = {
    ArmsItem: "designation",
    Embargo: "target_text",
    Money: "text",
}
"""The field a whole record stands or falls with: without it the record means nothing."""

DEFINING_FIELDS = frozenset(DEFINING_FIELD.values())
"""The defining fields by name, for code that walks answers rather than contract models."""
