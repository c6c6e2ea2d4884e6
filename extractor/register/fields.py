"""An entry's values: every distinct value its sources give, majority first, each with the
sources that give it and the check status their Documents gave it (pure functions).

The register never picks one value silently: `إس-400`, `اس 400` and `S-400` stay three values of
one item's `designation`, each with the sources that wrote it. A deal's items are told apart by
their designation key (`extractor/arabic/designations.py`) within the deal: an item keeps its own
category and number, so a quantity never moves to another weapon system. Two items of one fact
with the same key (`F-16C` ×10, `F-16D` ×6) stay two items: the second is `F16#2`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from extractor.arabic.designations import designation_key
from extractor.facts.occasions import AnyFact
from extractor.schemas import ArmsDeal, Embargo, FactKind, Meeting

Scalar = str | int | float

DEAL_FIELDS = ("supplier", "recipient", "status", "date", "deal_value")
ITEM_FIELDS = ("designation", "category", "number", "number_text")
FIELDS: dict[FactKind, tuple[str, ...]] = {
    "arms_deals": DEAL_FIELDS,
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
"""The entry-level fields of each kind, in display order (a deal's items hold ITEM_FIELDS)."""

LIST_FIELDS = frozenset({"guests", "participants", "topics", "resolutions"})
"""Fields an entry may rightly hold several values of at once (not a conflict)."""

FAILED = frozenset({"unsupported", "contradicted", "unknown"})
"""Statuses that flag a value: the Document's check failed (`unknown`: a register migrated from
before statuses were kept, so no one knows). `fuzzy` is shown, not flagged."""

_SEVERITY = ("fuzzy", "unknown", "unsupported", "contradicted")
Statuses = Mapping[str, str]
"""A fact's check statuses by path within the fact (`items[1].quantity`; `` for the whole
record; `*` for every path, in a migrated register); exact and normalized are not kept."""


@dataclass(frozen=True, slots=True)
class Said:
    """One value as one fact gives it, with its check status (None: supported or unchecked)."""

    value: Scalar
    status: str | None = None


@dataclass(slots=True)
class Told:
    """What one fact says, by field, item (designation key) and whole-record finding."""

    fields: dict[str, list[Said]] = field(default_factory=dict)
    items: list[tuple[str, dict[str, list[Said]]]] = field(default_factory=list)
    flag: str | None = None


@dataclass(frozen=True, slots=True)
class Ranked:
    """One value of a field, the sources that give it and those whose Document flagged it."""

    value: Scalar
    sources: tuple[str, ...]
    flags: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class RankedEntry:
    """An entry's values: fields, items (key, fields) in first-mention order, record flags."""

    fields: dict[str, list[Ranked]] = field(default_factory=dict)
    items: list[tuple[str, dict[str, list[Ranked]]]] = field(default_factory=list)
    record_flags: tuple[tuple[str, str], ...] = ()


def worst(*statuses: str | None) -> str | None:
    """The most severe of the statuses (None when none is kept)."""
    kept = [status for status in statuses if status in _SEVERITY]
    return max(kept, key=_SEVERITY.index) if kept else None


def fact_statuses(prefix: str, checks: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The statuses of one fact (`arms_deals[0]`) from its Document's (path, status) checks:
    the worst per path within the fact, exact and normalized left out."""
    found: dict[str, str] = {}
    for path, status in checks:
        if status not in _SEVERITY or not (path == prefix or path.startswith(prefix + ".")):
            continue
        relative = path[len(prefix) + 1 :]
        found[relative] = worst(found.get(relative), status) or status
    return found


class _Reader:
    """Values of one fact with the status at their path (and at the record holding them)."""

    def __init__(self, statuses: Statuses) -> None:
        self.statuses = statuses

    def status(self, *paths: str) -> str | None:
        return worst(self.statuses.get("*"), *(self.statuses.get(path) for path in paths))

    def said(self, value: Scalar | None, *paths: str) -> list[Said]:
        return [] if value is None or value == "" else [Said(value, self.status(*paths))]


def _deal(deal: ArmsDeal, read: _Reader) -> Told:
    told = Told(
        fields={
            "supplier": read.said(deal.seller, "seller"),
            "recipient": read.said(deal.buyer, "buyer"),
            "status": read.said(deal.status if deal.status != "unknown" else None, "status"),
            "date": read.said(deal.date, "date"),
            "deal_value": read.said(deal.value.text if deal.value else None, "value.text"),
        },
        flag=read.status(""),
    )
    for index, item in enumerate(deal.items):
        at = f"items[{index}]"
        values = {
            "designation": read.said(item.designation, f"{at}.designation", at),
            "category": read.said(
                item.category if item.category != "other" else None, f"{at}.category", at
            ),
            "number": read.said(item.quantity, f"{at}.quantity", at),
            "number_text": read.said(item.quantity_text, f"{at}.quantity_text", at),
        }
        told.items.append((designation_key(item.designation), values))
    return told


def _meeting(meeting: Meeting, read: _Reader) -> Told:
    people = [
        said
        for index, person in enumerate(meeting.participants)
        for said in read.said(person.name, f"participants[{index}].name", f"participants[{index}]")
    ]
    return Told(
        fields={
            "date": read.said(meeting.date, "date"),
            "place": read.said(meeting.location_text, "location_text"),
            "host": read.said(meeting.host_country, "host_country"),
            "guests": [
                said
                for index, code in enumerate(meeting.guest_countries)
                for said in read.said(code, f"guest_countries[{index}]")
            ],
            "participants": people,
            "topics": [
                said
                for index, topic in enumerate(meeting.topics)
                for said in read.said(topic, f"topics[{index}]")
            ],
        },
        flag=read.status(""),
    )


def _embargo(embargo: Embargo, read: _Reader) -> Told:
    return Told(
        fields={
            "target": read.said(embargo.target, "target"),
            "target_text": read.said(embargo.target_text, "target_text"),
            "imposed_by": read.said(embargo.imposed_by, "imposed_by"),
            "imposed_by_text": read.said(embargo.imposed_by_text, "imposed_by_text"),
            "measure": read.said(embargo.kind if embargo.kind != "other" else None, "kind"),
            "resolutions": [
                said
                for index, number in enumerate(embargo.resolutions)
                for said in read.said(number, f"resolutions[{index}]")
            ],
            "start": read.said(embargo.start, "start"),
            "status": read.said(embargo.status if embargo.status != "unknown" else None, "status"),
        },
        flag=read.status(""),
    )


def told_by(fact: AnyFact, statuses: Statuses | None = None) -> Told:
    """What one fact says, each value with the status its Document's checks gave it."""
    read = _Reader(statuses or {})
    if isinstance(fact, ArmsDeal):
        return _deal(fact, read)
    if isinstance(fact, Meeting):
        return _meeting(fact, read)
    return _embargo(fact, read)


def _rank(said_by: Iterable[tuple[str, Said]]) -> list[Ranked]:
    """Distinct values, most sources first, ties in value order; a source counts once per value,
    flagged when every time it gives the value it is flagged."""
    sources: dict[str, set[str]] = {}
    flags: dict[str, dict[str, str]] = {}
    clean: dict[str, set[str]] = {}
    for source, said in said_by:
        encoded = json.dumps(said.value, ensure_ascii=False)
        sources.setdefault(encoded, set()).add(source)
        if said.status is None:
            clean.setdefault(encoded, set()).add(source)
        else:
            by_source = flags.setdefault(encoded, {})
            by_source[source] = worst(by_source.get(source), said.status) or said.status
    order = sorted(sources.items(), key=lambda pair: (-len(pair[1]), pair[0]))
    return [
        Ranked(
            json.loads(encoded),
            tuple(sorted(found)),
            tuple(
                sorted(
                    (source, status)
                    for source, status in flags.get(encoded, {}).items()
                    if source not in clean.get(encoded, set())
                )
            ),
        )
        for encoded, found in order
    ]


def _rank_fields(
    said: Iterable[tuple[str, dict[str, list[Said]]]], order: tuple[str, ...]
) -> dict[str, list[Ranked]]:
    by_field: dict[str, list[tuple[str, Said]]] = {}
    for source, fields in said:
        for name, values in fields.items():
            by_field.setdefault(name, []).extend((source, value) for value in values)
    return {name: _rank(by_field[name]) for name in order if by_field.get(name)}


def rank_entry(kind: FactKind, members: Iterable[tuple[str, Told]]) -> RankedEntry:
    """An entry's values over its facts (source, what the fact says): fields ranked, items
    matched by designation key and rank within the fact (`F16`, `F16#2`), ordered by where
    the facts first name them; a record is flagged by the sources whose finding failed."""
    told = list(members)
    slots: dict[str, list[tuple[str, dict[str, list[Said]]]]] = {}
    first: dict[str, int] = {}
    for source, fact in told:
        seen: Counter[str] = Counter()
        for index, (key, values) in enumerate(fact.items):
            seen[key] += 1
            slot = key if seen[key] == 1 else f"{key}#{seen[key]}"
            slots.setdefault(slot, []).append((source, values))
            first[slot] = min(first.get(slot, index), index)
    return RankedEntry(
        fields=_rank_fields(((source, fact.fields) for source, fact in told), FIELDS[kind]),
        items=[
            (slot, _rank_fields(slots[slot], ITEM_FIELDS))
            for slot in sorted(slots, key=lambda slot: (first[slot], slot))
        ],
        record_flags=tuple(
            sorted({(source, fact.flag) for source, fact in told if fact.flag in FAILED})
        ),
    )


def countries_of(fact: AnyFact) -> set[str]:
    """The states a fact involves: the parties of a deal, the states of a meeting, an
    embargo's target and imposing state."""
    if isinstance(fact, ArmsDeal):
        return {code for code in (fact.seller, fact.buyer) if code}
    if isinstance(fact, Meeting):
        return {*fact.guest_countries, *([fact.host_country] if fact.host_country else [])}
    imposer = fact.imposed_by if fact.imposed_by and len(fact.imposed_by) == 3 else None
    return {code for code in (fact.target, imposer) if code}
