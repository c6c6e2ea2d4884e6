"""What the review page shows for one document, computed from the Document and its source text.

Pure functions: the article cut into segments at every checked span (each segment knows the
checks and facts that cover it), the facts as cards of rows that pair surface text with the
ISO code or number derived from it, and the flagged values first.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pycountry
from babel import Locale
from pydantic import BaseModel

from extractor.pipeline.kind_table import HEADINGS
from extractor.schemas import CHECK_STATUSES, FACT_KINDS, FAILED_STATUSES, Check, Document
from extractor.schemas.roles import COUNTRY_CODES, SURFACE_OF


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the article with the same covering checks."""

    text: str
    status: str | None = None
    checks: tuple[int, ...] = ()
    facts: tuple[str, ...] = ()
    uncovered: bool = False
    evidence: bool = False


@dataclass(frozen=True, slots=True)
class Badge:
    """A checked value's status, linked to its check by index."""

    index: int
    status: str
    message: str


@dataclass(slots=True)
class Row:
    """One field of a fact card: surface text beside its derived value, or a nested group.

    `country` is the Arabic name of an ISO code shown in the row, so a reader can check it.
    """

    label: str
    text: str | None = None
    text_badge: Badge | None = None
    parsed: str | None = None
    parsed_badge: Badge | None = None
    country: str | None = None
    children: list[Row] = field(default_factory=list)


@dataclass(slots=True)
class Card:
    """One fact: its key (`arms_deals[0]`), heading, rows and the checks no row shows."""

    key: str
    heading: str
    rows: list[Row]
    flagged: int
    loose: list[Badge]


@dataclass(frozen=True, slots=True)
class Flag:
    """A value the verifier found unsupported or contradicted."""

    index: int
    fact: str
    check: Check
    shown: str


@dataclass(frozen=True, slots=True)
class DocumentView:
    """Everything the page shows for one document."""

    doc_id: str
    published: str | None
    segments: list[Segment]
    cards: list[Card]
    flags: list[Flag]
    uncovered: list[tuple[str, str]]
    status_counts: list[tuple[str, int]]
    note: str | None
    extraction: str | None = None


def fact_key(path: str) -> str:
    """The fact a check path belongs to: `arms_deals[0].items[1].quantity` -> `arms_deals[0]`."""
    head, _, _ = path.partition(".")
    return head


def document_view(document: Document, source: str | None, note: str | None = None) -> DocumentView:
    """The page's view of one document; without a source there is no article to highlight."""
    checks = document.checks
    by_path = {check.path: index for index, check in enumerate(checks)}
    cards = [
        _card(kind, position, fact, checks, by_path)
        for kind in FACT_KINDS
        for position, fact in enumerate(getattr(document, kind))
    ]
    cards.sort(key=lambda card: card.flagged == 0)
    flags = [
        Flag(index, fact_key(check.path), check, _display(check.value))
        for index, check in enumerate(checks)
        if check.status in FAILED_STATUSES
    ]
    flags.sort(key=lambda flag: CHECK_STATUSES.index(flag.check.status), reverse=True)
    uncovered = document.provenance.uncovered_numbers
    counts: Counter[str] = Counter(check.status for check in checks)
    return DocumentView(
        doc_id=document.doc_id,
        published=document.published.isoformat() if document.published else None,
        segments=segments(source, checks, [n.span for n in uncovered]) if source else [],
        cards=cards,
        flags=flags,
        uncovered=[(n.text, _number(n.value)) for n in uncovered],
        status_counts=[(status, counts[status]) for status in CHECK_STATUSES if counts[status]],
        note=note,
        extraction=extraction_summary(document),
    )


def extraction_summary(document: Document) -> str | None:
    """How the facts were obtained, in one line: calls and reasks, the fact kinds not asked
    about (so a missing fact is not mistaken for an absent one), the echoes and the facts of
    the wrong kind withdrawn."""
    provenance = document.provenance
    parts: list[str] = []
    if provenance.usage.llm_calls:
        parts.append(f"{provenance.usage.llm_calls} LLM calls, {provenance.usage.reasks} reasks")
    if skipped := provenance.kinds_not_mentioned:
        kinds = "، ".join(HEADINGS.get(kind, kind) for kind in skipped)
        parts.append(f"not asked, the article cannot report them: {kinds}")
    if failed := provenance.kinds_failed:
        kinds = "، ".join(HEADINGS.get(kind, kind) for kind in failed)
        parts.append(f"asked, but no usable answer (incomplete): {kinds}")
    if withdrawn := provenance.prompt_examples_withdrawn:
        parts.append("withdrawn as copies of the prompt's examples: " + "، ".join(withdrawn))
    if records := provenance.records_withdrawn:
        parts.append("facts withdrawn: " + "; ".join(records))
    return " · ".join(parts) or None


def segments(
    source: str, checks: Sequence[Check], uncovered: Sequence[tuple[int, int]] = ()
) -> list[Segment]:
    """Cut the source at every span boundary; the shortest covering span gives the status."""
    spans = [
        (check.span[0], check.span[1], index)
        for index, check in enumerate(checks)
        if check.span is not None and 0 <= check.span[0] < check.span[1] <= len(source)
    ]
    numbers = [(start, end) for start, end in uncovered if 0 <= start < end <= len(source)]
    cuts = sorted(
        {0, len(source), *(s for s, _, _ in spans), *(e for _, e, _ in spans)}
        | {edge for span in numbers for edge in span}
    )
    pieces: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        covering = [span for span in spans if span[0] <= start and end <= span[1]]
        in_number = any(s <= start and end <= e for s, e in numbers)
        if not covering:
            pieces.append(Segment(source[start:end], uncovered=in_number))
            continue
        shortest = min(
            covering,
            key=lambda span: (span[1] - span[0], -CHECK_STATUSES.index(checks[span[2]].status)),
        )
        indices = tuple(index for _, _, index in covering)
        pieces.append(
            Segment(
                source[start:end],
                status=checks[shortest[2]].status,
                checks=indices,
                facts=tuple(dict.fromkeys(fact_key(checks[i].path) for i in indices)),
                uncovered=in_number,
                evidence=".evidence[" in checks[shortest[2]].path,
            )
        )
    return pieces


def _card(
    kind: str, position: int, fact: BaseModel, checks: Sequence[Check], by_path: dict[str, int]
) -> Card:
    key = f"{kind}[{position}]"
    shown: set[int] = set()
    rows = _rows(fact, key, checks, by_path, shown)
    mine = [i for i, check in enumerate(checks) if fact_key(check.path) == key]
    return Card(
        key=key,
        heading=HEADINGS[kind],
        rows=rows,
        flagged=sum(checks[i].status in FAILED_STATUSES for i in mine),
        loose=[_badge(i, checks[i]) for i in mine if i not in shown],
    )


def _rows(
    model: BaseModel,
    prefix: str,
    checks: Sequence[Check],
    by_path: dict[str, int],
    shown: set[int],
) -> list[Row]:
    """Rows for a model's fields, pairing each derived value with its surface text."""
    values = dict(model)
    pairs = _pairs(values)
    rows: list[Row] = []

    def badge(path: str) -> Badge | None:
        index = by_path.get(path)
        if index is None:
            return None
        shown.add(index)
        return _badge(index, checks[index])

    def plain(name: str, value: Any, path: str) -> Row:
        """A row for a value with no surface text of its own: shown as it is, checked at `path`."""
        return Row(
            name, text=_display(value), text_badge=badge(path), country=_country(name, value)
        )

    for name, value in values.items():
        path = f"{prefix}.{name}"
        paired = name in pairs
        if name in pairs.values() or value == [] or (value is None and not paired):
            continue
        if paired:
            surface = pairs[name]
            if value is None and values[surface] is None:
                continue
            rows.append(
                Row(
                    name,
                    text=values[surface],
                    text_badge=badge(f"{prefix}.{surface}"),
                    parsed=None if value is None else _display(value),
                    parsed_badge=badge(path),
                    country=_country(name, value),
                )
            )
        elif isinstance(value, BaseModel):
            rows.append(Row(name, children=_rows(value, path, checks, by_path, shown)))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                item_path = f"{path}[{index}]"
                if isinstance(item, BaseModel):
                    children = _rows(item, item_path, checks, by_path, shown)
                    rows.append(Row(f"{name}[{index}]", children=children))
                else:
                    rows.append(plain(name, item, item_path))
        else:
            rows.append(plain(name, value, path))
    return rows


def _pairs(values: dict[str, Any]) -> dict[str, str]:
    """Derived field -> its surface field, for the rows that show both: a surface text is shown
    once, beside the first field derived from it (`amount`, not also `min_amount`)."""
    pairs: dict[str, str] = {}
    for name in values:
        surface = SURFACE_OF.get(name)
        if surface in values and surface not in pairs.values():
            pairs[name] = surface
    return pairs


def _badge(index: int, check: Check) -> Badge:
    return Badge(index=index, status=check.status, message=check.message or check.path)


def _display(value: Any) -> str:
    """A value as the card shows it: numbers with thousands separators, the rest as text."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return _number(value)
    return str(value)


def _country(name: str, value: Any) -> str | None:
    """The Arabic name of the country a code field holds, if it is one."""
    return arabic_country_name(str(value)) if name in COUNTRY_CODES and value else None


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


@cache
def arabic_country_name(iso3: str) -> str | None:
    """The CLDR Arabic name of an ISO 3166-1 alpha-3 code (None for bodies like UNSC)."""
    country = pycountry.countries.get(alpha_3=iso3) if len(iso3) == 3 else None
    if country is None:
        return None
    name: str | None = Locale("ar").territories.get(country.alpha_2)
    return name
