"""When two facts are one fact, and how they merge.

One home for every identity rule: inside one article (the model writes one deal per weapon of a
single sale), across the chunks of a long text, and across outlets in the register. The
evaluation keeps its own matching on purpose: a judge must not share the code it judges.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from extractor.schemas import ArmsDeal

DEAL_DETAILS = ("value", "date_text", "date", "duration_text", "duration_months")
"""A merged deal's fields that the first deal may leave empty and a later one fill."""


def _unique(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def deal_key(deal: ArmsDeal) -> tuple[str, str, str] | None:
    """The identity of a deal inside one article: buyer, seller and status; None when a party
    is unknown (such a deal is never merged)."""
    if deal.buyer is None or deal.seller is None:
        return None
    return (deal.buyer, deal.seller, deal.status)


def merged_deals(deals: Sequence[ArmsDeal]) -> list[ArmsDeal]:
    """One deal per buyer, seller and status, its items those of every such deal: the small
    model often writes one deal per weapon of a single sale."""
    merged: dict[tuple[str, str, str], ArmsDeal] = {}
    kept: list[ArmsDeal] = []
    for deal in deals:
        key = deal_key(deal)
        if key is None:
            kept.append(deal)
            continue
        first = merged.get(key)
        if first is None:
            merged[key] = first = deal.model_copy(deep=True)
            kept.append(first)
            continue
        named = {item.designation for item in first.items}
        added = [item for item in deal.items if item.designation not in named]
        first.items = [*first.items, *added]
        for name in DEAL_DETAILS:
            if getattr(first, name) is None:
                setattr(first, name, getattr(deal, name))
        first.evidence = _unique([*first.evidence, *deal.evidence])
    return kept
