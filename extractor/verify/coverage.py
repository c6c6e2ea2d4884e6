"""Coverage: the salient numbers of the source that no fact accounts for, so a reader sees what
the model skipped. Salient: counts of weapons, amounts of money, resolution numbers, years."""

from __future__ import annotations

import math
from collections.abc import Sequence

from extractor.arabic.numbers import NumberMention
from extractor.schemas import Check, Document, UncoveredNumber
from extractor.verify.mentions import (
    SpanIndex,
    is_amount,
    is_counted,
    is_resolution,
    is_year,
    overlaps,
)
from extractor.verify.source import Source, Span


def uncovered_numbers(
    document: Document, source: Source, checks: Sequence[Check]
) -> list[UncoveredNumber]:
    """Salient numbers whose value no fact uses and that no supported value's span covers."""
    used = _used_values(document)
    covered = SpanIndex(
        c.span for c in checks if c.span is not None and not c.failed and ".evidence[" not in c.path
    )
    designations = SpanIndex(source.designations)
    counts = {(m.start, m.end) for m in source.counts}
    return [
        UncoveredNumber(text=m.text, value=m.value, span=(m.start, m.end))
        for m in source.numbers
        if _salient(source, m, counts)
        and not overlaps(m, designations)
        and not overlaps(m, covered)
        and not any(math.isclose(m.value, value, rel_tol=1e-9) for value in used)
    ]


def _salient(source: Source, mention: NumberMention, counts: set[Span]) -> bool:
    return (
        ((mention.start, mention.end) in counts and is_counted(source, mention))
        or is_amount(source, mention)
        or is_resolution(source, mention)
        or is_year(source, mention)
    )


def _used_values(document: Document) -> set[float]:
    """Every number the facts state: quantities, amounts, resolutions and years of dates."""
    used: set[float] = set()
    for deal in document.arms_deals:
        used.update(float(i.quantity) for i in deal.items if i.quantity is not None)
        if deal.value is not None:
            used.update(v for v in (deal.value.amount, deal.value.min_amount) if v is not None)
        if deal.date is not None:
            used.add(float(deal.date[:4]))
    for embargo in document.embargoes:
        used.update(float(r) for r in embargo.resolutions)
        if embargo.start is not None:
            used.add(float(embargo.start[:4]))
    used.update(float(m.date[:4]) for m in document.meetings if m.date is not None)
    return used
