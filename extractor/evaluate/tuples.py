"""The atomic tuples a Document is scored on, one list per fact kind (the evaluation issue)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from extractor.arabic.normalize import normalize_text
from extractor.evaluate.matching import designation_key, designations_match, names_match
from extractor.schemas import ArmsDeal, Document, Embargo, FactKind, Meeting

FACT_KINDS: tuple[FactKind, ...] = ("arms_deals", "meetings", "embargoes")
"""The fact kinds, each scored on its own; a tuple's label starts with its kind."""

SlotKind = Literal["exact", "name", "designation"]
Value = str | int | float | None


@dataclass(frozen=True, slots=True)
class Slot:
    """One component of a tuple and how it is compared."""

    kind: SlotKind
    value: Value

    def matches(self, other: Slot) -> bool:
        """Exact values compare equal; names and designations by their matching rules."""
        if self.kind != other.kind:
            return False
        if self.kind == "exact" or self.value is None or other.value is None:
            return self.value == other.value
        if self.kind == "name":
            return names_match(str(self.value), str(other.value))
        return designations_match(str(self.value), str(other.value))

    @property
    def key(self) -> Value:
        """The canonical form that makes two slots the same fact (distinct tuples count once)."""
        if self.value is None or self.kind == "exact":
            return self.value
        if self.kind == "name":
            return normalize_text(str(self.value))
        return designation_key(str(self.value))


@dataclass(frozen=True, slots=True)
class FactTuple:
    """One atomic fact: a label saying what it is (`arms_deals.item`) and its slots."""

    label: str
    slots: tuple[Slot, ...]

    @property
    def key(self) -> tuple[str, tuple[Value, ...]]:
        """Identity of the tuple within a document."""
        return self.label, tuple(slot.key for slot in self.slots)

    def matches(self, other: FactTuple) -> bool:
        """Same label and every slot matches."""
        return (
            self.label == other.label
            and len(self.slots) == len(other.slots)
            and all(
                mine.matches(theirs) for mine, theirs in zip(self.slots, other.slots, strict=True)
            )
        )

    def __str__(self) -> str:
        shown = ", ".join("—" if slot.value is None else str(slot.value) for slot in self.slots)
        return f"{self.label}({shown})"


def _code(value: str | None) -> Slot:
    return Slot("exact", value)


def _name(value: str | None) -> Slot:
    return Slot("name", value)


def round_significant(value: float, digits: int = 2) -> float:
    """A value rounded to `digits` significant digits (1.12e9 -> 1.1e9), so amounts compare at
    the precision an article states them."""
    return float(f"{value:.{digits}g}")


def _deal_tuples(deal: ArmsDeal) -> Iterator[FactTuple]:
    if deal.buyer or deal.seller:
        yield FactTuple("arms_deals.parties", (_code(deal.buyer), _code(deal.seller)))
    for item in deal.items:
        yield FactTuple(
            "arms_deals.item",
            (
                _code(deal.buyer),
                Slot("designation", item.designation),
                Slot("exact", item.quantity),
            ),
        )
    if deal.value is not None:
        figure = deal.value.amount if deal.value.amount is not None else deal.value.min_amount
        if figure is not None:
            yield FactTuple(
                "arms_deals.value",
                (
                    _code(deal.buyer),
                    Slot("exact", round_significant(figure)),
                    _code(deal.value.currency),
                ),
            )


def _meeting_tuples(meeting: Meeting) -> Iterator[FactTuple]:
    for participant in meeting.participants:
        if participant.name and participant.name.strip():
            yield FactTuple("meetings.participant", (_name(participant.name),))
    if meeting.host_country or meeting.guest_countries:
        guests = " ".join(sorted(set(meeting.guest_countries))) or None
        yield FactTuple("meetings.countries", (_code(meeting.host_country), _code(guests)))
    if meeting.location_text and meeting.location_text.strip():
        yield FactTuple("meetings.location", (_name(meeting.location_text),))


def _embargo_tuples(embargo: Embargo) -> Iterator[FactTuple]:
    target = _code(embargo.target) if embargo.target else _name(embargo.target_text)
    yield FactTuple("embargoes.kind", (target, _code(embargo.kind)))
    for resolution in embargo.resolutions:
        yield FactTuple("embargoes.resolution", (target, _code(resolution.lstrip("0") or "0")))


def document_tuples(document: Document) -> list[FactTuple]:
    """Every atomic tuple of a Document, each distinct one once, in document order."""
    found: dict[tuple[str, tuple[Value, ...]], FactTuple] = {}
    for deal in document.arms_deals:
        for fact in _deal_tuples(deal):
            found.setdefault(fact.key, fact)
    for meeting in document.meetings:
        for fact in _meeting_tuples(meeting):
            found.setdefault(fact.key, fact)
    for embargo in document.embargoes:
        for fact in _embargo_tuples(embargo):
            found.setdefault(fact.key, fact)
    return list(found.values())


def share_found(wanted: Sequence[FactTuple], found: Sequence[FactTuple]) -> float:
    """The share of `wanted` tuples that some tuple of `found` matches (1.0 when none are
    wanted): how much of one run another keeps, as a long text in chunks against its parts."""
    if not wanted:
        return 1.0
    return sum(any(tuple_.matches(other) for other in found) for tuple_ in wanted) / len(wanted)
