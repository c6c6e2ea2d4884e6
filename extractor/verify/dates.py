"""Dates: `date` / `start` must be what `date_text` / `start_text` resolves to, given the
article's publication date; a bare year may also stand on its own digits in the source."""

from __future__ import annotations

from extractor.arabic.dates import resolve_date
from extractor.schemas import Check, CheckStatus
from extractor.schemas.roles import SURFACE_OF
from extractor.verify.checks import contradicted, found, show, unsupported
from extractor.verify.source import Source
from extractor.verify.walk import Leaf


def check_date(leaf: Leaf, source: Source) -> Check:
    """Resolve the fact's date phrase and compare; fall back to a year written in the text."""
    text_field = SURFACE_OF[leaf.field]
    text: str | None = getattr(leaf.holder, text_field)
    claimed = str(leaf.value)
    resolved = resolve_date(text, source.published) if text is not None else None
    if text is not None and resolved is not None:
        match = source.locate(text)
        span = None if match is None else (match.start, match.end)
        anchor = f"{text_field} {show(text)} (published {source.published or 'unknown'})"
        if resolved == claimed or resolved.startswith(f"{claimed}-"):
            if match is None or span is None:
                return unsupported(
                    leaf, f"{leaf.field} {claimed}: {text_field} {show(text)} is not in the text"
                )
            return found(leaf, match.status, span, source, f"{anchor} gives {resolved}")
        if claimed.startswith(f"{resolved}-"):
            return unsupported(
                leaf, f"{leaf.field} {claimed} is more precise than {anchor} allows: {resolved}"
            )
        return contradicted(
            leaf, f"{leaf.field} {claimed} but {anchor} gives {resolved}", span, source
        )
    if len(claimed) == 4:
        for mention in source.numbers:
            digits = "".join(ch for ch in mention.text if ch.isdigit())
            if len(digits) == 4 and mention.value == int(claimed):
                span = (mention.start, mention.end)
                status: CheckStatus = "exact" if claimed in mention.text else "normalized"
                return found(leaf, status, span, source, f"the year {claimed} is in the text")
    reason = (
        f"{text_field} {show(text)} does not resolve to a date "
        f"(published {source.published or 'unknown'})"
        if text is not None
        else f"there is no {text_field}"
    )
    return unsupported(leaf, f"{leaf.field} {claimed} cannot be derived: {reason}")
