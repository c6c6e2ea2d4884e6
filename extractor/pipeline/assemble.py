"""From the LLM's surface-text answers to contract facts: every derived value is computed here.

Quantities, money, durations and dates are parsed from the text the LLM copied; country codes
come from the surface text when it names a country, else from the LLM when its code is real;
evidence is the article's own sentences that mention the fact. A seller the article does not
contain is replaced by the one other state the deal's own sentences name, when there is one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from extractor.arabic.countries import (
    body_for,
    countries_in,
    country_for,
    country_mentions,
    resolution_body,
)
from extractor.arabic.dates import resolve_date
from extractor.arabic.names import find_all, find_text
from extractor.arabic.normalize import Normalized, normalize
from extractor.arabic.numbers import (
    money_phrases,
    parse_duration_months,
    parse_money,
    parse_number,
)
from extractor.arabic.sentences import split_sentences
from extractor.arabic.titles import split_person
from extractor.facts.roles import delegate_roles
from extractor.schemas import ArmsDeal, ArmsItem, Delegate, Embargo, Meeting, Money, iso3_codes
from extractor.schemas.response import (
    MAX_EVIDENCE,
    DealAnswer,
    EmbargoAnswer,
    ItemAnswer,
    MeetingAnswer,
    PersonAnswer,
)

Entry = TypeVar("Entry", bound=BaseModel)
Fact = TypeVar("Fact", bound=BaseModel)


@dataclass(frozen=True)
class Origin:
    """Where a Document fact or record came from: the answer entry it was assembled from, in
    the answer list that holds it, and the origins of its own records by list (a meeting's
    delegates, a deal's items), in the Document's order."""

    entries: list[Any]
    entry: BaseModel
    records: Mapping[str, Sequence[Origin]] = field(default_factory=dict)


@dataclass(frozen=True)
class Built(Generic[Fact]):
    """A contract fact, and the origins of its records by list, in the fact's order."""

    fact: Fact
    records: Mapping[str, Sequence[Origin]] = field(default_factory=dict)

    def origin(self, entries: list[Any], entry: BaseModel) -> Origin:
        """Where the fact came from: `entry`, of the answer list `entries`."""
        return Origin(entries, entry, self.records)


def real_code(code: str | None) -> str | None:
    """The code when it is a real ISO 3166-1 alpha-3 code, else None (the model invents some)."""
    return code if code is not None and code in iso3_codes() else None


def country_of(text: str | None, code: str | None) -> str | None:
    """The country the surface text names; the model's code only when the text names none."""
    named = (country_for(text) or _only(countries_in(text))) if text else None
    return named or real_code(code)


def _only(codes: set[str]) -> str | None:
    return next(iter(codes)) if len(codes) == 1 else None


def _unique(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def without_repeats(entries: Sequence[Entry]) -> list[Entry]:
    """The entries with every repeat of an earlier one dropped: under a grammar the model pads
    a list up to its cap with copies of its last element."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        seen.setdefault(entry.model_dump_json(), entry)
    return list(seen.values())


def repeats(entry: BaseModel) -> int:
    """How many list elements inside an answer entry repeat an earlier one, at any depth."""
    count = 0
    for name in type(entry).model_fields:
        value = getattr(entry, name)
        if not isinstance(value, list):
            continue
        keys = [e.model_dump_json() if isinstance(e, BaseModel) else repr(e) for e in value]
        count += len(keys) - len(set(keys))
        count += sum(repeats(e) for e in value if isinstance(e, BaseModel))
    return count


class Article:
    """The source text with what assembly needs from it: normalization and sentence spans."""

    def __init__(self, text: str, published: dt.date | None) -> None:
        self.text = text
        self.published = published
        self.normalized: Normalized = normalize(text)
        self.sentences = split_sentences(text)

    def evidence(
        self, anchors: Iterable[str | None], fallback: Iterable[str | None] = ()
    ) -> list[str]:
        """The sentences that mention the most anchors (designations, names), in text order;
        the fallback anchors (parties, places) only when no sentence mentions an anchor."""
        hits = self._hits(anchors) or self._hits(fallback)
        ranked = sorted(hits, key=lambda index: -hits[index])
        chosen = sorted(ranked[:MAX_EVIDENCE])
        return [self.text[self.sentences[i][0] : self.sentences[i][1]].strip() for i in chosen]

    def _hits(self, anchors: Iterable[str | None]) -> dict[int, int]:
        """How many of the anchors each sentence mentions (sentences with none left out)."""
        hits: dict[int, int] = {}
        for anchor in _unique(anchors):
            for match in find_all(anchor, self.normalized):
                for index, (start, end) in enumerate(self.sentences):
                    if start <= match.start < end:
                        hits[index] = hits.get(index, 0) + 1
        return hits

    def states(self, sentences: Iterable[str]) -> dict[str, str]:
        """The countries the sentences name, by ISO3, with the surface that names each first."""
        named: dict[str, str] = {}
        for sentence in sentences:
            for mention in country_mentions(sentence):
                named.setdefault(mention.iso3, mention.surface)
        return named

    def supports(self, surface: str | None) -> bool:
        """True when the surface text occurs in the article (exactly or normalized)."""
        return surface is not None and find_text(surface, self.normalized) is not None

    def date(self, date_text: str | None) -> str | None:
        """The partial ISO date a phrase resolves to, anchored on the publication date."""
        return resolve_date(date_text, self.published) if date_text else None


def _person(answer: PersonAnswer) -> tuple[str | None, list[str]]:
    """The name apart from its posts and honorifics, and the titles."""
    return split_person(answer.name, answer.titles)


def shown_participants(answer: MeetingAnswer) -> list[PersonAnswer]:
    """The participants that become delegates: with a name or a title, each person once (by
    name, or by titles when nameless)."""
    shown: dict[tuple[str | None, tuple[str, ...]], PersonAnswer] = {}
    for person in answer.participants:
        name, titles = _person(person)
        if name or titles:
            shown.setdefault((name, ()) if name else (None, tuple(titles)), person)
    return list(shown.values())


def delegate(person: PersonAnswer) -> Delegate:
    """A participant, the name apart from its posts and honorifics; the country from the
    model's code, or from a country named in the titles."""
    name, titles = _person(person)
    country = real_code(person.country) or _only(countries_in(" ".join(titles)))
    return Delegate(name=name, titles=_unique(titles), country=country, side=person.side)


def meeting(answer: MeetingAnswer, article: Article) -> Built[Meeting] | None:
    """A meeting with at least one participant, its evidence taken from the article, and the
    answer's person behind each delegate.

    The host is the state whose place the location names, else the model's code; the guests
    are the model's plus the states of delegates from elsewhere (the model often leaves the
    guests empty while naming each delegate's state); each delegate's state and side are read
    from the text (extractor.facts.roles).
    """
    shown = shown_participants(answer)
    participants = [delegate(person) for person in shown]
    if not participants:
        return None
    host = country_of(answer.location_text, answer.host_country)
    delegations = [person.country for person in participants] if host else []
    guests = [
        code
        for code in _unique([*map(real_code, answer.guest_countries), *delegations])
        if code != host
    ]
    names = [person.name for person in participants]
    built = Meeting(
        participants=participants,
        host_country=host,
        guest_countries=guests,
        location_text=answer.location_text,
        date_text=answer.date_text,
        date=article.date(answer.date_text),
        topics=_unique(answer.topics),
        evidence=article.evidence(names, [answer.location_text, *answer.topics]),
    )
    origins = [Origin(answer.participants, person) for person in shown]
    return Built(delegate_roles(built, article.text), {"participants": origins})


def item(answer: ItemAnswer) -> ArmsItem:
    """A weapon system; its quantity parsed from the quantity text, never from the designation."""
    quantity_text = answer.quantity_text
    if quantity_text and quantity_text.strip() in answer.designation:
        quantity_text = None
    value = parse_number(quantity_text) if quantity_text else None
    quantity = int(value) if value is not None and value >= 0 and value.is_integer() else None
    return ArmsItem(
        designation=answer.designation,
        category=answer.category,
        quantity=quantity,
        quantity_text=quantity_text if quantity is not None else None,
    )


def money(text: str | None) -> Money | None:
    """A deal value as written and as parsed; None without a currency (then it is no price)."""
    parsed = parse_money(text) if text else None
    if text is None or parsed is None or parsed.currency is None:
        return None
    return Money(
        text=text, amount=parsed.amount, min_amount=parsed.min_amount, currency=parsed.currency
    )


def arms_deal(answer: DealAnswer, article: Article) -> Built[ArmsDeal] | None:
    """A deal with at least one item or party, its derived values computed from its texts, and
    the answer's entry behind each item."""
    unique = without_repeats(answer.items)
    items = [item(entry) for entry in unique]
    if not items and not (answer.buyer_text or answer.seller_text):
        return None
    duration = parse_duration_months(answer.duration_text) if answer.duration_text else None
    evidence = article.evidence(
        [entry.designation for entry in items], [answer.buyer_text, answer.seller_text]
    )
    buyer_text, seller_text = answer.buyer_text, answer.seller_text
    buyer = country_of(buyer_text, answer.buyer)
    seller = country_of(seller_text, answer.seller)
    others = {code: surface for code, surface in article.states(evidence).items() if code != buyer}
    if buyer and not article.supports(seller_text) and len(others) == 1:
        seller, seller_text = next(iter(others.items()))
    deal = ArmsDeal(
        buyer=buyer,
        seller=seller,
        buyer_text=buyer_text,
        seller_text=seller_text,
        items=items,
        value=money(answer.value_text),
        status=answer.status,
        date_text=answer.date_text,
        date=article.date(answer.date_text),
        duration_text=answer.duration_text,
        duration_months=duration,
        evidence=evidence,
    )
    return Built(deal, {"items": [Origin(answer.items, entry) for entry in unique]})


def values_from_evidence(deals: Sequence[ArmsDeal]) -> list[ArmsDeal]:
    """The deals, each without a value given the one amount its own evidence states, when no
    other deal cites the sentence that states it (then whose amount it is stays open)."""
    cited = Counter(sentence for deal in deals for sentence in set(deal.evidence))
    filled: list[ArmsDeal] = []
    for deal in deals:
        own = [sentence for sentence in deal.evidence if cited[sentence] == 1]
        phrases = {phrase for sentence in own for phrase in money_phrases(sentence)}
        values = [value for phrase in phrases if (value := money(phrase)) is not None]
        if deal.value is None and len(values) == 1:
            deal = deal.model_copy(update={"value": values[0]})
        filled.append(deal)
    return filled


def embargo(answer: EmbargoAnswer, article: Article) -> Built[Embargo]:
    """An embargo; the imposing body or state and the target's code read from their texts. An
    answer without an imposer takes the body that its resolution numbers are named after."""
    imposed_by_text = answer.imposed_by_text
    if imposed_by_text is None and (found := resolution_body(article.text, answer.resolutions)):
        imposed_by_text = found[0]
    imposed_by = (
        (body_for(imposed_by_text) or country_for(imposed_by_text)) if imposed_by_text else None
    )
    return Built(
        Embargo(
            target=country_of(answer.target_text, answer.target),
            target_text=answer.target_text,
            imposed_by_text=imposed_by_text,
            imposed_by=imposed_by,
            kind=answer.kind,
            resolutions=_unique(answer.resolutions),
            start_text=answer.start_text,
            start=article.date(answer.start_text),
            status=answer.status,
            evidence=article.evidence(answer.resolutions, [answer.target_text, imposed_by_text]),
        )
    )
