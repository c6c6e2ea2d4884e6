"""Surface strings (names, titles, places, designations, `*_text`, evidence) in the source."""

from __future__ import annotations

from extractor.arabic.meeting_words import occasion_head
from extractor.schemas import Check
from extractor.verify.checks import matched, show, unsupported
from extractor.verify.source import Source
from extractor.verify.walk import Leaf

FUZZY_FIELDS = frozenset({"name", "titles", "organization", "location_text", "topics"})
"""Fields a small misspelling may be forgiven in (names, posts, places): never numbers or
codes, and never evidence, which must be a verbatim sentence."""


def check_surface(leaf: Leaf, source: Source) -> Check:
    """Locate a copied string: exact, normalized, or (names and places only) fuzzy."""
    match = source.locate(str(leaf.value), fuzzy=leaf.field in FUZZY_FIELDS)
    if match is None:
        return unsupported(leaf, f"{leaf.label} {show(leaf.value)} is not in the text")
    return matched(leaf, match, source)


def check_designation(leaf: Leaf, source: Source) -> Check:
    """Locate a weapon designation, allowing spacing, hyphen and case variants."""
    match = source.locate_designation(str(leaf.value))
    if match is None:
        return unsupported(leaf, f"designation {show(leaf.value)} is not in the text")
    return matched(leaf, match, source)


def check_place(leaf: Leaf, source: Source) -> Check:
    """Locate a meeting's place, which must name one: a phrase headed by an occasion (a call, a
    press conference, the start of a visit) is no place, wherever the text has it."""
    if (head := occasion_head(str(leaf.value))) is not None:
        return unsupported(
            leaf,
            f'{leaf.label} {show(leaf.value)} names an occasion ("{head}"), not a place: where '
            "did the meeting take place? answer with the place as written, or null",
        )
    return check_surface(leaf, source)
