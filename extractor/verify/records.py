"""Whole-record findings (docs/contract.md, rule 3): each fact and participant checked in its
role and kind, not only its values. Only findings are returned, and the category checks of arms
items."""

from __future__ import annotations

from extractor.schemas import Check, Document
from extractor.verify.fact_kinds import check_kinds
from extractor.verify.hosts import check_hosts
from extractor.verify.items import check_items
from extractor.verify.participants import check_participants
from extractor.verify.parties import check_parties
from extractor.verify.sides import check_sides
from extractor.verify.source import Source
from extractor.verify.targets import check_targets
from extractor.verify.visits import check_visits


def record_checks(document: Document, source: Source) -> list[Check]:
    """Every finding about a participant, item or fact as a whole, in document order of kind."""
    return [
        *check_participants(document, source),
        *check_hosts(document),
        *check_visits(document, source),
        *check_sides(document, source),
        *check_kinds(document, source),
        *check_parties(document, source),
        *check_items(document, source),
        *check_targets(document, source),
    ]
