"""Deal durations: `duration_months` must be what `duration_text` says, and that text must be
in the source."""

from __future__ import annotations

import math

from extractor.arabic.numbers import parse_duration_months
from extractor.schemas import ArmsDeal, Check
from extractor.verify.checks import contradicted, found, show, unsupported
from extractor.verify.source import Source
from extractor.verify.walk import Leaf


def check_duration(leaf: Leaf, source: Source) -> Check:
    """`duration_months` against the parse of `duration_text`, located in the source."""
    deal = leaf.fact
    text = deal.duration_text if isinstance(deal, ArmsDeal) else None
    if text is None:
        return unsupported(
            leaf, f"duration_months {show(leaf.value)} but there is no duration_text to derive it"
        )
    stated = parse_duration_months(text)
    match = source.locate(text)
    span = None if match is None else (match.start, match.end)
    if stated is None:
        return unsupported(
            leaf,
            f"duration_months {show(leaf.value)} but duration_text {show(text)} states no duration",
        )
    if not math.isclose(stated, float(leaf.value)):
        return contradicted(
            leaf,
            f"duration_months {show(leaf.value)} but duration_text {show(text)} says "
            f"{show(stated)} months",
            span,
            source,
        )
    if match is None or span is None:
        return unsupported(
            leaf,
            f"duration_months {show(leaf.value)}: duration_text {show(text)} is not in the text",
        )
    return found(leaf, match.status, span, source)
