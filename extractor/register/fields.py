"""An entry's fields: every distinct value its sources give, majority first (pure functions).

The register never picks one value silently: `إس-400`, `اس 400` and `S-400` stay three values of
`designation`, each with the sources that wrote it, and the value most sources give comes first.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extractor.facts.occasions import AnyFact
from extractor.schemas import ArmsDeal, Embargo, Meeting

Scalar = str | int | float

FIELDS: dict[str, tuple[str, ...]] = {
    "arms_deals": (
        "supplier",
        "recipient",
        "designation",
        "category",
        "number",
        "number_text",
        "status",
        "date",
        "value",
    ),
    "meetings": ("date", "place", "host", "guests", "participants", "topics"),
    "embargoes": (
        "target",
        "target_text",
        "imposed_by",
        "imposed_by_text",
        "measure",
        "resolutions",
        "start",
        "status",
    ),
}
"""The fields of each kind's entries, in display order."""

LIST_FIELDS = frozenset(
    {
        "designation",
        "category",
        "number",
        "number_text",
        "guests",
        "participants",
        "topics",
        "resolutions",
    }
)
"""Fields an entry may rightly hold several values of at once (not a conflict)."""


@dataclass(frozen=True, slots=True)
class Ranked:
    """One value of a field and the sources (sha256) that give it."""

    value: Scalar
    sources: tuple[str, ...]


def _present(*values: Scalar | None) -> list[Scalar]:
    return [value for value in values if value is not None and value != ""]


def _deal_values(deal: ArmsDeal) -> dict[str, list[Scalar]]:
    return {
        "supplier": _present(deal.seller),
        "recipient": _present(deal.buyer),
        "designation": _present(*(item.designation for item in deal.items)),
        "category": _present(*(item.category for item in deal.items if item.category != "other")),
        "number": _present(*(item.quantity for item in deal.items)),
        "number_text": _present(*(item.quantity_text for item in deal.items)),
        "status": _present(deal.status if deal.status != "unknown" else None),
        "date": _present(deal.date),
        "value": _present(deal.value.text if deal.value else None),
    }


def _meeting_values(meeting: Meeting) -> dict[str, list[Scalar]]:
    return {
        "date": _present(meeting.date),
        "place": _present(meeting.location_text),
        "host": _present(meeting.host_country),
        "guests": _present(*meeting.guest_countries),
        "participants": _present(*(person.name for person in meeting.participants)),
        "topics": _present(*meeting.topics),
    }


def _embargo_values(embargo: Embargo) -> dict[str, list[Scalar]]:
    return {
        "target": _present(embargo.target),
        "target_text": _present(embargo.target_text),
        "imposed_by": _present(embargo.imposed_by),
        "imposed_by_text": _present(embargo.imposed_by_text),
        "measure": _present(embargo.kind if embargo.kind != "other" else None),
        "resolutions": _present(*embargo.resolutions),
        "start": _present(embargo.start),
        "status": _present(embargo.status if embargo.status != "unknown" else None),
    }


def values_of(fact: AnyFact) -> dict[str, list[Scalar]]:
    """Each field's values in one fact."""
    if isinstance(fact, ArmsDeal):
        return _deal_values(fact)
    if isinstance(fact, Meeting):
        return _meeting_values(fact)
    return _embargo_values(fact)


def rank_values(members: Iterable[tuple[str, AnyFact]]) -> dict[str, list[Ranked]]:
    """Every field's distinct values over an entry's facts (source sha256, fact): most sources
    first, ties in value order; a source counts once per value however often it repeats it."""
    supporters: dict[str, dict[str, set[str]]] = {}
    for source, fact in members:
        for field, values in values_of(fact).items():
            by_value = supporters.setdefault(field, {})
            for value in values:
                by_value.setdefault(json.dumps(value, ensure_ascii=False), set()).add(source)
    ranked: dict[str, list[Ranked]] = {}
    for field, by_value in supporters.items():
        order = sorted(by_value.items(), key=lambda pair: (-len(pair[1]), pair[0]))
        ranked[field] = [
            Ranked(json.loads(encoded), tuple(sorted(found))) for encoded, found in order
        ]
    return {field: ranked[field] for field in _ordered(ranked)}


def _ordered(ranked: dict[str, list[Ranked]]) -> Sequence[str]:
    known = [field for fields in FIELDS.values() for field in fields]
    return sorted(ranked, key=lambda field: known.index(field) if field in known else len(known))


def countries_of(fact: AnyFact) -> set[str]:
    """The states a fact involves: the parties of a deal, the states of a meeting, an
    embargo's target and imposing state."""
    if isinstance(fact, ArmsDeal):
        return {code for code in (fact.seller, fact.buyer) if code}
    if isinstance(fact, Meeting):
        return {*fact.guest_countries, *([fact.host_country] if fact.host_country else [])}
    imposer = fact.imposed_by if fact.imposed_by and len(fact.imposed_by) == 3 else None
    return {code for code in (fact.target, imposer) if code}
