"""Building Check records: a located value, or a failure with a message the LLM can act on.

The records are built with `model_construct`: every field is set here from values already
checked, and a document has hundreds of them.
"""

from __future__ import annotations

from extractor.arabic.names import TextMatch
from extractor.schemas import Check, CheckStatus
from extractor.verify.source import Source, Span
from extractor.verify.walk import Leaf, Scalar


def show(value: Scalar) -> str:
    """A value as a message quotes it: integral floats without `.0`, strings in quotes."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def found(leaf: Leaf, status: CheckStatus, span: Span, source: Source, message: str = "") -> Check:
    """A value the source supports at `span`."""
    return Check.model_construct(
        path=leaf.path,
        value=leaf.value,
        status=status,
        span=span,
        found=source.at(span),
        message=message,
    )


def matched(leaf: Leaf, match: TextMatch, source: Source) -> Check:
    """A surface string located in the source; a fuzzy match says how close it came."""
    span = (match.start, match.end)
    message = ""
    if match.status == "fuzzy":
        message = (
            f"{leaf.label} {show(leaf.value)} is not in the text; closest is "
            f'"{source.at(span)}" (similarity {match.score:.0f})'
        )
    return found(leaf, match.status, span, source, message)


def unsupported(leaf: Leaf, message: str) -> Check:
    """A value nothing in the source supports."""
    return Check.model_construct(
        path=leaf.path, value=leaf.value, status="unsupported", message=message
    )


def contradicted(leaf: Leaf, message: str, span: Span | None, source: Source) -> Check:
    """A value the source states differently, with the span of what it states instead."""
    return Check.model_construct(
        path=leaf.path,
        value=leaf.value,
        status="contradicted",
        span=span,
        found=source.at(span) if span is not None else None,
        message=message,
    )


def finding(
    path: str,
    value: Scalar | None,
    status: CheckStatus,
    message: str,
    span: Span | None = None,
    source: Source | None = None,
) -> Check:
    """A finding about a whole record (its role or kind), at the record's own path; `value` is
    the field it turns on, or None."""
    return Check.model_construct(
        path=path,
        value=value,
        status=status,
        span=span,
        found=source.at(span) if span is not None and source is not None else None,
        message=message,
    )
