"""Quantities of arms items: supported only by their value, next to their own designation.

A count belongs to the designation it leads up to (`16 طائرة مقاتلة من طراز JF-17 Thunder و12
طائرة تدريب من طراز Super Mushak`: 16 to JF-17, 12 to Super Mushak), or, when none follows it
and it is announced as a count, to the designation just before it (`طائرات JF-17 وعددها 16`,
`إف-16، 24 طائرة`). A quantity is supported by the
count attached to its designation, or by a count that belongs to no designation in the same
sentence or in the deal's evidence (`تشتمل على 36 طائرة`); it is contradicted when its
designation's own count says otherwise and nothing else supports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from extractor.arabic.lexicon import Word
from extractor.arabic.number_words import counts_one
from extractor.arabic.numbers import NumberMention, parse_number
from extractor.schemas import ArmsItem, Check, CheckStatus
from extractor.verify.checks import contradicted, found, show, unsupported
from extractor.verify.mentions import after_conjunction, is_announced, is_counted
from extractor.verify.source import Source, Span
from extractor.verify.walk import Leaf

MAX_GAP_WORDS = 8
"""Most words between a count and the designation it counts (`20 مقاتلة إضافية من مقاتلات
الشبح طراز إف-35 إيه` has six)."""

NOUN_WORDS = 2
"""Words of a counted noun phrase before a singular weapon noun (`16 طائرة مقاتلة`): a number
among them counts it."""


@dataclass(frozen=True, slots=True)
class Finding:
    """What the source says about one quantity of one designation."""

    outcome: Literal["found", "contradicted", "unsupported"]
    mention: NumberMention | None
    where: str


def check_quantity(leaf: Leaf, source: Source) -> Check:
    """`quantity` must equal its quantity_text and stand next to its designation or in evidence."""
    item = _item(leaf)
    quantity = float(leaf.value)
    if item.quantity_text is not None:
        stated = _stated(item.quantity_text)
        if stated is None:
            return unsupported(
                leaf,
                f"quantity {show(leaf.value)} but quantity_text {show(item.quantity_text)} "
                "states no number",
            )
        if stated != quantity:
            return contradicted(
                leaf,
                f"quantity {show(leaf.value)} but quantity_text {show(item.quantity_text)} "
                f"says {show(stated)}",
                None,
                source,
            )
        if counts_one(item.quantity_text):
            return _singular(leaf, item, source)
    finding = find_count(source, item, leaf.fact.evidence, quantity)
    if finding.outcome != "found" and quantity == 1:
        once = _named_once(source, item)
        if once is not None:
            message = f"{show(item.designation)} is named in the singular, with no count"
            return found(leaf, "normalized", once, source, message)
    return _check(leaf, item, finding, source, quantity)


def _named_once(source: Source, item: ArmsItem) -> Span | None:
    """Where the designation names one: it is a singular weapon noun with no count of its own
    (`24 طائرة وفرقاطة حديثة`), or a singular weapon noun leads up to it with no count between
    (`أول فرقاطة محلية الصنع من طراز جوويند`)."""
    for anchor in source.designation_spans(item.designation):
        if counts_one(item.designation) and attached_count(source, anchor) is None:
            return anchor
        sentence = source.sentence_of(anchor[0])
        words = source.words_in((sentence[0], anchor[0]))
        for at in range(len(words) - 1, max(len(words) - MAX_GAP_WORDS, 0) - 1, -1):
            if _is_number(source, words[at]):
                break
            if counts_one(source.at((words[at].start, words[at].end))):
                counted = words[max(at - NOUN_WORDS, 0) : at]
                if not any(_is_number(source, word) for word in counted):
                    return (words[at].start, anchor[1])
                break
    return None


def _is_number(source: Source, word: Word) -> bool:
    """True for a word that states a number (`24`, `ثلاث`)."""
    return bool(source.numbers_in((word.start, word.end)))


def check_quantity_text(leaf: Leaf, source: Source) -> Check:
    """`quantity_text` must state a number found next to the designation or in the evidence."""
    item = _item(leaf)
    stated = _stated(str(leaf.value))
    if stated is None:
        return unsupported(leaf, f"quantity_text {show(leaf.value)} states no number")
    if counts_one(str(leaf.value)):
        return _singular(leaf, item, source)
    finding = find_count(source, item, leaf.fact.evidence, stated)
    return _check(leaf, item, finding, source, stated)


def _stated(text: str) -> float | None:
    """The number a quantity text states: its number, or one for a lone singular noun."""
    return 1.0 if counts_one(text) else parse_number(text)


def _singular(leaf: Leaf, item: ArmsItem, source: Source) -> Check:
    """A count of one written without a numeral (the noun alone, `إحدى`): supported where those
    words stand in the designation's sentence or the deal's evidence."""
    anchors = source.designation_spans(item.designation)
    sentences = {source.sentence_of(a[0]) for a in anchors}
    sentences.update(source.evidence_sentences(leaf.fact.evidence))
    text = item.quantity_text or ""
    for match in source.locate_all(text):
        if source.sentence_of(match.start) in sentences:
            span = (match.start, match.end)
            return found(leaf, match.status, span, source, f"{show(text)} counts one")
    return unsupported(
        leaf, f"{leaf.label} {show(leaf.value)}: no {show(text)} next to {show(item.designation)}"
    )


def find_count(source: Source, item: ArmsItem, evidence: list[str], value: float) -> Finding:
    """Look for `value` as the count of `item` in its sentences and in the deal's evidence."""
    anchors = source.designation_spans(item.designation)
    attached = [m for a in anchors if (m := attached_count(source, a)) is not None]
    for mention in attached:
        if mention.value == value:
            return Finding("found", mention, f"next to {show(item.designation)}")
    own = {source.sentence_of(a[0]) for a in anchors}
    for sentence in sorted(own.union(source.evidence_sentences(evidence))):
        for mention in source.counts_in(sentence):
            if mention.value == value and _claimed(source, mention, sentence) is None:
                where = "in the sentence that names it" if sentence in own else "in the evidence"
                return Finding("found", mention, where)
    if attached:
        return Finding("contradicted", attached[0], "")
    return Finding("unsupported", None, "")


def attached_count(source: Source, anchor: Span) -> NumberMention | None:
    """The count that belongs to one occurrence of a designation, if its sentence gives one."""
    sentence = source.sentence_of(anchor[0])
    counts = source.counts_in(sentence)
    before = [m for m in counts if m.end <= anchor[0]]
    claimed = _claimed(source, before[-1], sentence) if before else None
    if before and claimed is not None and claimed[0] < anchor[1] and anchor[0] < claimed[1]:
        return before[-1]
    after = [m for m in counts if m.start >= anchor[1]]
    if (
        after
        and (is_counted(source, after[0]) or is_announced(source, after[0]))
        and _claimed(source, after[0], sentence) is None
        and not _designation_between(source, anchor[1], after[0].start)
        and source.words_between(anchor[1], after[0].start) <= MAX_GAP_WORDS
    ):
        return after[0]
    return None


def _check(leaf: Leaf, item: ArmsItem, finding: Finding, source: Source, value: float) -> Check:
    mention = finding.mention
    if finding.outcome == "found" and mention is not None:
        message = f"{show(value)} is {finding.where}"
        if isinstance(leaf.value, str):
            for match in source.locate_all(leaf.value):
                if match.start <= mention.start and mention.end <= match.end:
                    return found(leaf, match.status, (match.start, match.end), source, message)
        span = (mention.start, mention.end)
        written = leaf.value if isinstance(leaf.value, str) else show(value)
        status: CheckStatus = "exact" if written in mention.text else "normalized"
        return found(leaf, status, span, source, message)
    if finding.outcome == "contradicted" and mention is not None:
        return contradicted(
            leaf,
            f"{leaf.label} {show(leaf.value)} for {show(item.designation)}: "
            f"the text puts {show(mention.value)} next to it",
            (mention.start, mention.end),
            source,
        )
    return unsupported(
        leaf,
        f"{leaf.label} {show(leaf.value)} for {show(item.designation)}: no {show(value)} in "
        "the sentence that names it or in the deal's evidence",
    )


def _item(leaf: Leaf) -> ArmsItem:
    if not isinstance(leaf.holder, ArmsItem):
        raise TypeError(f"{leaf.path} is not a field of an ArmsItem")
    return leaf.holder


def _claimed(source: Source, mention: NumberMention, sentence: Span) -> Span | None:
    """The designation this count leads up to, when one follows closely in its sentence and
    not after a conjunction that begins another item (`24 طائرة وفرقاطة`: 24 counts the
    aircraft)."""
    following = [d for d in source.designations if mention.end <= d[0] < sentence[1]]
    if not following:
        return None
    claimed = min(following)
    if any(mention.end <= m.start < claimed[0] for m in source.counts_in(sentence)):
        return None
    gap = source.words_between(mention.end, claimed[0])
    if gap > MAX_GAP_WORDS or (gap > 0 and after_conjunction(source, claimed)):
        return None
    return claimed


def _designation_between(source: Source, start: int, end: int) -> bool:
    return any(start <= d[0] < end for d in source.designations)
