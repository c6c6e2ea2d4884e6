"""Delegates' roles beside the tuples: of the gold delegates a run names, how many it gives the
gold's state and side. Tuples score delegates by name only, so a delegate on the wrong side of a
meeting scores as right there; this says how often that happens."""

from __future__ import annotations

from collections.abc import Iterator

from extractor.evaluate.matching import names_match
from extractor.evaluate.report import RoleScore
from extractor.schemas import Delegate, Document


def _named(document: Document) -> Iterator[Delegate]:
    for meeting in document.meetings:
        yield from (person for person in meeting.participants if person.name)


def score_roles(prediction: Document, gold: Document) -> RoleScore:
    """Each named gold delegate matched to the first unmatched predicted delegate of the same
    name (in document order); country and side compared where the gold states them, a null
    prediction counting as wrong."""
    candidates = list(_named(prediction))
    score = RoleScore()
    for wanted in _named(gold):
        found = next((p for p in candidates if names_match(p.name or "", wanted.name or "")), None)
        if found is None:
            continue
        candidates.remove(found)
        score.matched += 1
        if wanted.country is not None:
            score.with_country += 1
            score.country_right += found.country == wanted.country
        if wanted.side is not None:
            score.with_side += 1
            score.side_right += found.side == wanted.side
    return score
