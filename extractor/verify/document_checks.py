"""Verify a whole Document: one Check per leaf value, the findings about whole records
(docs/contract.md, rule 3), and what the source states that no fact accounts for (numbers;
persons, weapons, resolutions, sanction targets)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from extractor.article_text import source_sha256
from extractor.schemas import Check, Document
from extractor.schemas.document import CHECK_STATUSES, FAILED_STATUSES
from extractor.verify.codes import check_country, check_imposed_by
from extractor.verify.coverage import uncovered_numbers
from extractor.verify.dates import check_date
from extractor.verify.durations import check_duration
from extractor.verify.mentions import SpanIndex, designation_spans, is_count
from extractor.verify.money import check_amount, check_currency
from extractor.verify.quantities import check_quantity, check_quantity_text
from extractor.verify.records import record_checks
from extractor.verify.resolutions import check_resolution
from extractor.verify.source import Source, prepare
from extractor.verify.surface import check_designation, check_place, check_surface
from extractor.verify.unaccounted import Mention, unaccounted, uncovered_mentions
from extractor.verify.walk import Leaf, leaves, with_values

Checker = Callable[[Leaf, Source], Check]

CHECKERS: dict[str, Checker] = {
    "designation": check_designation,
    "location_text": check_place,
    "quantity": check_quantity,
    "quantity_text": check_quantity_text,
    "amount": check_amount,
    "min_amount": check_amount,
    "currency": check_currency,
    "duration_months": check_duration,
    "date": check_date,
    "start": check_date,
    "country": check_country,
    "host_country": check_country,
    "guest_countries": check_country,
    "buyer": check_country,
    "seller": check_country,
    "target": check_country,
    "imposed_by": check_imposed_by,
    "resolutions": check_resolution,
}
"""How each field is checked; every other leaf is a surface string located in the source."""

SURFACE_CHECKERS: tuple[Checker, ...] = (check_surface, check_designation, check_place)
"""The checks that locate a copied string: what they find is the string as the source has it."""

SNAPPED: frozenset[str] = frozenset({"normalized", "fuzzy"})
"""Statuses at which the output value is replaced by the source's characters at the span."""


def verify_document(document: Document, source: str, prepared: Source | None = None) -> Document:
    """A copy of `document` with one Check per leaf value and the uncovered numbers and mentions
    filled in.

    Pure: reads nothing but its arguments. A surface string found at a `normalized` or
    `fuzzy` match becomes the source's own characters at its span (docs/contract.md,
    "Snapping"); the model's form stays in its check's `value`. Nothing else of the facts
    changes. `prepared`, the same article already prepared (`verify.source.prepare` with the
    document's publication date), spares preparing it again; its designations and counts are
    set here, for this document.
    """
    if prepared is not None and (prepared.text, prepared.published) != (source, document.published):
        raise ValueError("the prepared Source is of another article or publication date")
    prepared = _prepare(document, source, prepared)
    found = [(leaf, CHECKERS.get(leaf.field, check_surface)) for leaf in leaves(document)]
    checks = [checker(leaf, prepared) for leaf, checker in found]
    snaps = {
        leaf.path: check.found
        for (leaf, checker), check in zip(found, checks, strict=True)
        if checker in SURFACE_CHECKERS and check.status in SNAPPED and check.found != leaf.value
    }
    checks += record_checks(document, prepared)
    provenance = document.provenance.model_copy(
        update={
            "source_sha256": source_sha256(source),
            "source_length": len(source),
            "uncovered_numbers": uncovered_numbers(document, prepared, checks),
            "uncovered_mentions": uncovered_mentions(document, prepared),
        }
    )
    snapped = with_values(document, snaps) if snaps else document
    return snapped.model_copy(update={"checks": checks, "provenance": provenance})


def unaccounted_mentions(document: Document, source: str) -> list[Mention]:
    """What `source` states that no fact of `document` accounts for, with what a fact holding
    each mention would take from it (the recall questions' material)."""
    return unaccounted(document, _prepare(document, source))


def failed_checks(document: Document) -> list[Check]:
    """The checks that found the value unsupported or contradicted."""
    return [check for check in document.checks if check.status in FAILED_STATUSES]


def summarize_checks(checks: Sequence[Check]) -> str:
    """One line, statuses strongest first, zeros left out: `12 checks: 9 exact, 3 normalized`."""
    counts = Counter(check.status for check in checks)
    noun = "check" if len(checks) == 1 else "checks"
    parts = [f"{counts[status]} {status}" for status in CHECK_STATUSES if counts[status]]
    return f"{len(checks)} {noun}" + (f": {', '.join(parts)}" if parts else "")


def _prepare(document: Document, text: str, prepared: Source | None = None) -> Source:
    """The source scanned once (unless `prepared` already is), with every designation of the
    document located in it."""
    source = prepare(text, document.published) if prepared is None else prepared
    source.designation_tokens = designation_spans(source)
    spans = set(source.designation_tokens)
    for deal in document.arms_deals:
        for item in deal.items:
            spans.update(source.designation_spans(item.designation))
    source.designations = sorted(spans)
    index = SpanIndex(spans)
    source.counts = tuple(m for m in source.numbers if is_count(source, m, index))
    return source
