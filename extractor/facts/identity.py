"""When two facts are one fact, and how they merge.

One home for every identity rule: inside one article (the model writes one deal per weapon of a
single sale), across the chunks of a long text, and across outlets in the register. The
evaluation keeps its own matching on purpose: a judge must not share the code it judges.

Merging keeps the first fact of a kind and folds each later fact that is the same into it: its
lists gain what they lacked (items, participants, evidence…), its empty fields take the later
fact's values, and a value the first fact already has is never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from pydantic import BaseModel

from extractor.arabic.normalize import normalize_text
from extractor.arabic.person_identity import same_person
from extractor.schemas import ArmsDeal, Embargo, Meeting
from extractor.schemas.facts import Delegate

FactT = TypeVar("FactT", bound=BaseModel)

DEAL_DETAILS = ("value", "date_text", "date", "duration_text", "duration_months")
"""A merged deal's fields that the first deal may leave empty and a later one fill."""

MEETING_DETAILS = ("host_country", "location_text", "date_text", "date")
"""A merged meeting's fields that the first meeting may leave empty and a later one fill."""

EMBARGO_DETAILS = ("target", "imposed_by_text", "imposed_by", "start_text", "start")
"""A merged embargo's fields that the first embargo may leave empty and a later one fill."""


def _unique(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def _union(fact: FactT, name: str, values: Iterable[str | None]) -> None:
    """Set a list field of `fact` to its values and `values`, each once."""
    setattr(fact, name, _unique([*getattr(fact, name), *values]))


def _fill(first: BaseModel, later: BaseModel, names: Sequence[str]) -> None:
    for name in names:
        if getattr(first, name) is None:
            setattr(first, name, getattr(later, name))


def _conflict(first: object, later: object) -> bool:
    """Both values are known and differ."""
    return first is not None and later is not None and first != later


def _disjoint(first: Iterable[str], later: Iterable[str]) -> bool:
    """Both sets are non-empty and share nothing."""
    left, right = set(first), set(later)
    return bool(left) and bool(right) and not left & right


def _merge_all(
    facts: Sequence[FactT],
    same: Callable[[FactT, FactT], bool],
    fold: Callable[[FactT, FactT], None],
) -> list[FactT]:
    """Each fact once: a fact that is `same` as one kept earlier is folded into it."""
    kept: list[FactT] = []
    for fact in facts:
        first = next((earlier for earlier in kept if same(earlier, fact)), None)
        if first is None:
            kept.append(fact.model_copy(deep=True))
        else:
            fold(first, fact)
    return kept


def _identical(first: BaseModel, later: BaseModel) -> bool:
    """The same values apart from the evidence quoted for them."""
    return first.model_dump(exclude={"evidence"}) == later.model_dump(exclude={"evidence"})


def deal_key(deal: ArmsDeal) -> tuple[str, str, str] | None:
    """The identity of a deal: buyer, seller and status; None when a party is unknown (such a
    deal is the same as another only when they are identical)."""
    if deal.buyer is None or deal.seller is None:
        return None
    return (deal.buyer, deal.seller, deal.status)


def same_deal(first: ArmsDeal, later: ArmsDeal) -> bool:
    """Same buyer, seller, status and occasion (no two different dates), or the same values
    throughout: one deal per buyer, seller and occasion, so the second buyer of the same
    aircraft, an order and its delivery, or a sale of another year are other deals."""
    key = deal_key(first)
    same_parties = key is not None and key == deal_key(later)
    return (same_parties and not _conflict(first.date, later.date)) or _identical(first, later)


def _fold_deal(first: ArmsDeal, later: ArmsDeal) -> None:
    named = {item.designation for item in first.items}
    added = [item for item in later.items if item.designation not in named]
    first.items = [*first.items, *added]
    _fill(first, later, DEAL_DETAILS)
    _union(first, "evidence", later.evidence)


def merged_deals(deals: Sequence[ArmsDeal]) -> list[ArmsDeal]:
    """One deal per buyer, seller, status and occasion, its items those of every such deal: the
    small model often writes one deal per weapon of a single sale, and two chunks the same deal."""
    return _merge_all(deals, same_deal, _fold_deal)


def _person(delegate: Delegate) -> str | tuple[str, ...]:
    """Who a delegate is: the name, or the titles when the text gives only a role."""
    return delegate.name or tuple(delegate.titles)


def _names(meeting: Meeting) -> set[str]:
    return {person.name for person in meeting.participants if person.name}


def _share_a_person(first: set[str], later: set[str]) -> bool:
    """Some name of one set is a person of the other (`ترمب`, `دونالد ترامب`)."""
    return any(same_person(a, b) for a in first for b in later)


def _other_people(first: set[str], later: set[str]) -> bool:
    """Both sets name someone and no one of them twice."""
    return bool(first) and bool(later) and not _share_a_person(first, later)


def _hosts(meeting: Meeting) -> set[str]:
    return {person.name for person in meeting.participants if person.name and person.side == "host"}


def _other_places(first: Meeting, later: Meeting) -> bool:
    """Both meetings have a place and neither names the other (`مقر البحرية`, `مقر القوات
    الجوية`); `قصر اليمامة` and `قصر اليمامة بالرياض` are one place."""
    if not first.location_text or not later.location_text:
        return False
    left, right = normalize_text(first.location_text), normalize_text(later.location_text)
    return left not in right and right not in left


def same_meeting(first: Meeting, later: Meeting) -> bool:
    """Nothing known differs (date, place, host, guests, named people, the officials who
    received) and something ties them: the same host with a shared guest, a shared
    participant's name, or a shared sentence. A visit's stops (`كما زار … في مقر البحرية`)
    are meetings of their own."""
    if (
        _other_places(first, later)
        or _other_people(_hosts(first), _hosts(later))
        or _conflict(first.date, later.date)
        or _conflict(first.host_country, later.host_country)
        or _disjoint(first.guest_countries, later.guest_countries)
        or _other_people(_names(first), _names(later))
    ):
        return False
    shared_guest = bool(set(first.guest_countries) & set(later.guest_countries))
    same_host = first.host_country is not None and first.host_country == later.host_country
    return (
        (same_host and shared_guest)
        or _share_a_person(_names(first), _names(later))
        or bool(set(first.evidence) & set(later.evidence))
        or _identical(first, later)
    )


def _fold_meeting(first: Meeting, later: Meeting) -> None:
    """Participants fold by exact name, not `same_person`: which meeting is which may rest on a
    name written two ways, but a one-word name (`سلمان`) that `same_person` reads as the family
    name of `محمد بن سلمان` may be the king himself; listing both loses no one."""
    known = {_person(person) for person in first.participants}
    added = [person for person in later.participants if _person(person) not in known]
    first.participants = [*first.participants, *added]
    _union(first, "guest_countries", later.guest_countries)
    _union(first, "topics", later.topics)
    _fill(first, later, MEETING_DETAILS)
    _union(first, "evidence", later.evidence)


def merged_meetings(meetings: Sequence[Meeting]) -> list[Meeting]:
    """Each meeting once, with the participants, guests, topics and evidence of all its mentions."""
    return _merge_all(meetings, same_meeting, _fold_meeting)


def _imposer(embargo: Embargo) -> str | None:
    """Who imposed an embargo: the body's or state's code, else its words normalized."""
    if embargo.imposed_by is not None:
        return embargo.imposed_by
    return normalize_text(embargo.imposed_by_text) if embargo.imposed_by_text else None


def same_embargo(first: Embargo, later: Embargo) -> bool:
    """The same target (code, else text) and measure kind, with no two different imposers: an
    article's travel ban and asset freeze on one target, or its arms embargoes by two states,
    are separate records."""
    return (
        (first.target or first.target_text) == (later.target or later.target_text)
        and first.kind == later.kind
        and not _conflict(_imposer(first), _imposer(later))
    )


def _fold_embargo(first: Embargo, later: Embargo) -> None:
    _union(first, "resolutions", later.resolutions)
    _fill(first, later, EMBARGO_DETAILS)
    if first.status == "unknown":
        first.status = later.status
    _union(first, "evidence", later.evidence)


def merged_embargoes(embargoes: Sequence[Embargo]) -> list[Embargo]:
    """Each embargo once, with the resolutions and evidence of all its mentions."""
    return _merge_all(embargoes, same_embargo, _fold_embargo)
