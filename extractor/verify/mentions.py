"""What a number in the source is: a count, an amount, a year, a resolution number, or part of
a weapon designation. Quantities, resolutions and coverage all ask these questions."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import accumulate

from extractor.arabic.currencies import find_currency
from extractor.arabic.designations import designations_in
from extractor.arabic.names import strip_clitics
from extractor.arabic.number_roles import (
    COUNT_WORDS,
    COUNTED_NOUNS,
    LINK_WORDS,
    PARAGRAPH_WORDS,
    PERCENT_WORDS,
    RESOLUTION_WORDS,
    TIME_UNITS,
    YEAR_WORDS,
)
from extractor.arabic.numbers import NumberMention
from extractor.verify.source import Source, Span

_CLOSERS = frozenset(")]\"'")
_NOT_RESOLUTION_WORDS = PARAGRAPH_WORDS | YEAR_WORDS

Question = Callable[[Source, NumberMention], bool]


def role(question: Question) -> Question:
    """Ask a question about a mention once per document: the answer is kept in the Source."""

    name = question.__name__

    def ask(source: Source, mention: NumberMention) -> bool:
        key = (name, mention.start, mention.end)
        try:
            return source.roles[key]
        except KeyError:
            answer = source.roles[key] = question(source, mention)
            return answer

    ask.__name__ = question.__name__
    ask.__doc__ = question.__doc__
    return ask


@lru_cache(maxsize=8192)
def _stems(word: str) -> frozenset[str]:
    return frozenset((word, *strip_clitics(word)))


def has_stem(token: str, words: frozenset[str]) -> bool:
    """True when a normalized token, or a reading of it without clitics, is one of the words."""
    return not _stems(token).isdisjoint(words)


def designation_spans(source: Source) -> list[Span]:
    """Original spans of designation-like tokens (`إف-16`, `JF-17`, `باك-3`) in the source."""
    return [
        source.normalized.to_original(*found.span())
        for found in designations_in(source.normalized.text)
    ]


class SpanIndex:
    """Spans sorted by start with the running maximum of their ends, so that an overlap test
    costs a binary search: a text dense with numbers and designations stays linear."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares a character with any of the spans."""
        before_end = bisect_left(self._starts, end)
        return before_end > 0 and self._reach[before_end - 1] > start


def overlaps(mention: NumberMention, spans: SpanIndex) -> bool:
    """True when the mention shares a character with any of the spans."""
    return spans.overlaps(mention.start, mention.end)


def is_integral(mention: NumberMention) -> bool:
    """True for a definite whole number (not a fraction, not an indefinite lower bound)."""
    return not mention.lower_bound and float(mention.value).is_integer() and mention.value >= 1


def in_digits(mention: NumberMention) -> bool:
    """A whole number in digits of any script, a clitic aside (`و1737`): never number words."""
    return is_integral(mention) and mention.text.strip().lstrip("وفبل").isdigit()


@role
def is_resolution(source: Source, mention: NumberMention) -> bool:
    """True for digits that a resolution word leads up to (`القرار 1973`, `القرارات 1696
    و1737`, `قرار مجلس الأمن رقم 1970`) with no paragraph or year word between (`الفقرة رقم
    15`, `لعام 2011`)."""
    if not in_digits(mention):
        return False
    reach = source.text_before(mention.start, 16)
    if not any(word in reach for word in RESOLUTION_WORDS):
        return False  # no resolution word in reach (cheap: most numbers are no resolution)
    words = 0
    for token in reversed(source.tokens_before(mention.start, 16)):
        if token[0].isdigit() or token in LINK_WORDS:
            continue
        if not token[0].isalpha():
            return False
        if has_stem(token, _NOT_RESOLUTION_WORDS):
            return False
        if has_stem(token, RESOLUTION_WORDS):
            return True
        words += 1
        if words == 5:
            return False
    return False


@role
def is_year(source: Source, mention: NumberMention) -> bool:
    """True for a four-digit number from 1900 to 2100 that does not count a noun."""
    if not is_integral(mention):
        return False
    digits = "".join(ch for ch in mention.text if ch.isdigit())
    if len(digits) != 4 or not 1900 <= mention.value <= 2100:
        return False
    return not is_counted(source, mention)


@role
def is_counted(source: Source, mention: NumberMention) -> bool:
    """True when a noun weapons are counted in follows (`16 طائرة`, `(20) طائرة`, `42 من هذه
    المقاتلات`)."""
    for token in source.tokens_after(mention.end, 4):
        if token in _CLOSERS:
            continue
        if token[0].isdigit() or not token[0].isalpha():
            return False
        if has_stem(token, COUNTED_NOUNS):
            return True
    return False


@role
def is_announced(source: Source, mention: NumberMention) -> bool:
    """True when a counting word leads up to the number (`وعددها 16`, `بعدد 12`)."""
    before = source.tokens_before(mention.start, 1)
    return bool(before) and has_stem(before[0], COUNT_WORDS)


@role
def is_amount(source: Source, mention: NumberMention) -> bool:
    """True when a currency follows the number (`1,12 مليار دولار`, `بمليارات الدولارات`)."""
    return find_currency(" ".join(source.tokens_after(mention.end, 2))) is not None


@role
def is_duration_or_share(source: Source, mention: NumberMention) -> bool:
    """True when a time unit or a percent sign follows (`5 سنوات`, `37 عاما`, `20%`)."""
    following = source.tokens_after(mention.end, 2)
    if not following:
        return False
    first = following[0]
    return has_stem(first, TIME_UNITS | PERCENT_WORDS) or (
        first == "في" and len(following) > 1 and has_stem(following[1], PERCENT_WORDS)
    )


def is_count(source: Source, mention: NumberMention, designations: SpanIndex) -> bool:
    """True for a number that can be a quantity of weapons: a whole number that is not a year,
    an amount, a resolution number, a duration, a share, or part of a designation."""
    return (
        is_integral(mention)
        and not overlaps(mention, designations)
        and not is_year(source, mention)
        and not is_resolution(source, mention)
        and not is_amount(source, mention)
        and not is_duration_or_share(source, mention)
    )


def after_conjunction(source: Source, span: Span) -> bool:
    """True when a designation starts a new conjunct: `و` on its own word (`24 طائرة وفرقاطة`,
    `و"فريم"`) or as the word before it. Words before the conjunction describe another item."""
    sentence = source.sentence_of(span[0])
    start = max(source.text.rfind(" ", sentence[0], span[0]) + 1, sentence[0])
    clitic = source.text[start : span[0]].strip("\"'«“( ")
    if clitic.startswith("و") and len(clitic) <= 3:
        return True
    before = source.words_in((sentence[0], start))[-1:]
    return bool(before) and source.at((before[0].start, before[0].end)) == "و"
