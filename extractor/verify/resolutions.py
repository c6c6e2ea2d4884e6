"""Resolution numbers: written in the source as digits after a resolution word (`القرار
1973`, `القرارات 1696 و1737`), or as a number in the embargo's evidence that is not a year."""

from __future__ import annotations

from extractor.arabic.numbers import NumberMention
from extractor.schemas import Check, CheckStatus
from extractor.verify.checks import contradicted, found, unsupported
from extractor.verify.mentions import in_digits, is_resolution, is_year
from extractor.verify.source import Source
from extractor.verify.walk import Leaf


def check_resolution(leaf: Leaf, source: Source) -> Check:
    """Find the number as a resolution; contradict it when the evidence cites others."""
    number = str(leaf.value)
    for mention in source.numbers:
        if mention.value == int(number) and is_resolution(source, mention):
            return _found(leaf, mention, source, "after a resolution word")
    evidence = [
        m
        for s in source.evidence_sentences(leaf.fact.evidence)
        for m in source.numbers_in(s)
        if in_digits(m)
    ]
    for mention in evidence:
        if mention.value == int(number) and not is_year(source, mention):
            return _found(leaf, mention, source, "in the embargo's evidence")
    cited = [m for m in evidence if is_resolution(source, m)]
    if cited:
        numbers = ", ".join(sorted({str(int(m.value)) for m in cited}))
        return contradicted(
            leaf,
            f"resolution {number} is not in the text; the evidence cites {numbers}",
            (cited[0].start, cited[0].end),
            source,
        )
    return unsupported(leaf, f"resolution {number} is not in the text")


def _found(leaf: Leaf, mention: NumberMention, source: Source, where: str) -> Check:
    status: CheckStatus = "exact" if str(leaf.value) in mention.text else "normalized"
    span = (mention.start, mention.end)
    return found(leaf, status, span, source, f"resolution {leaf.value} is {where}")
