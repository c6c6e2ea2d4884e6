"""The article prepared once per document: normalized text, sentences, numbers and countries.

Every check reads this one object, so the text is normalized, split and scanned for numbers
and country names once per document, and each surface string is looked up at most once.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import sub

import regex

from extractor.arabic.countries import CountryMention, country_mentions
from extractor.arabic.lexicon import Word, words_of
from extractor.arabic.names import (
    TextMatch,
    find_all,
    find_designation,
    find_text,
    proclitic_splits,
)
from extractor.arabic.normalize import Normalized, normalize
from extractor.arabic.numbers import NumberMention, find_numbers
from extractor.arabic.sentences import split_sentences

Span = tuple[int, int]

_SEPARATORS = frozenset(".,٫٬")
_TOKEN = regex.compile(r"\p{L}+|\d+(?:[.,]\d+)*|[^\s\p{L}\d]")
_WORD = regex.compile(r"\p{L}+")
_WINDOW = 16
"""Characters of normalized text read per token wanted around an offset (words run shorter)."""


@dataclass(slots=True)
class Source:
    """One article and what every check needs to know about it, in ORIGINAL offsets."""

    text: str
    normalized: Normalized
    published: dt.date | None
    sentences: tuple[Span, ...]
    numbers: tuple[NumberMention, ...]
    countries: tuple[CountryMention, ...]
    designations: list[Span] = field(default_factory=list)
    """Every designation occurrence (the document's items and designation-like tokens), sorted."""
    designation_tokens: list[Span] = field(default_factory=list)
    """The designation-like tokens alone (`إف-16`, `JF-17`), whatever the document's items."""
    counts: tuple[NumberMention, ...] = ()
    """The number mentions that can count weapons (not years, amounts, resolutions…)."""
    _sentence_starts: list[int] = field(default_factory=list)
    _number_starts: list[int] = field(default_factory=list)
    _country_starts: list[int] = field(default_factory=list)
    _found: dict[tuple[str, bool], TextMatch | None] = field(default_factory=dict)
    _found_all: dict[str, list[TextMatch]] = field(default_factory=dict)
    _designations: dict[str, list[Span]] = field(default_factory=dict)
    _designation_match: dict[str, tuple[str, TextMatch | None]] = field(default_factory=dict)
    _evidence: dict[tuple[str, ...], list[Span]] = field(default_factory=dict)
    _after: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)
    roles: dict[tuple[str, int, int], bool] = field(default_factory=dict)
    """What the number checks found out about each mention (see `mentions.role`)."""
    kinds: dict[Span, frozenset[str]] = field(default_factory=dict)
    """The fact kinds each sentence has words of, and `delegation` for a delegation word (see
    `scope.kinds_of`)."""
    _words: tuple[Word, ...] | None = None
    _word_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sentence_starts = [start for start, _ in self.sentences]
        self._number_starts = [mention.start for mention in self.numbers]
        self._country_starts = [mention.start for mention in self.countries]

    def at(self, span: Span) -> str:
        """The original text at a span."""
        return self.text[span[0] : span[1]]

    def locate(self, needle: str, *, fuzzy: bool = False) -> TextMatch | None:
        """Where a surface string occurs (exact, then normalized, then fuzzy if allowed).

        A string that begins or ends with a digit must not be part of a longer number there:
        `12 مليار` is not in `1,12 مليار`, `16` is not in `160`.
        """
        key = (needle, fuzzy)
        if key not in self._found:
            match = find_text(needle, self.normalized, fuzzy=fuzzy)
            stripped = needle.strip()
            digit_edge = stripped[:1].isdigit() or stripped[-1:].isdigit()
            if match is not None and digit_edge and not self.whole_number(match.start, match.end):
                bounded = (m for m in self.locate_all(needle) if self.whole_number(m.start, m.end))
                match = next(bounded, None)
            self._found[key] = match
        return self._found[key]

    def locate_designation(self, designation: str) -> TextMatch | None:
        """Where a weapon designation occurs, spacing, hyphen and case variants included, and
        without a clitic the text does not put on it (`وإف-16` is `إف-16` in the text)."""
        return self._designation(designation)[1]

    def _designation(self, designation: str) -> tuple[str, TextMatch | None]:
        """The form of a designation that the text holds, and its first match."""
        if designation not in self._designation_match:
            forms = [designation]
            words = designation.strip().split(maxsplit=1)
            if words:
                clitics = sorted((c for c, _ in proclitic_splits(words[0]) if c), key=len)
                forms += [designation.strip()[len(clitic) :] for clitic in clitics]
            for form in forms:
                match = find_designation(form, self.normalized)
                if match is not None:
                    break
            if match is not None and form != designation and match.status == "exact":
                match = replace(match, status="normalized")
            self._designation_match[designation] = (form, match)
        return self._designation_match[designation]

    def whole_number(self, start: int, end: int) -> bool:
        """True when [start, end) neither continues nor is continued by a digit run."""
        before = self.text[max(start - 2, 0) : start]
        after = self.text[end : end + 2]
        return not (
            (before[-1:].isdigit() or (before[-1:] in _SEPARATORS and before[:1].isdigit()))
            or (after[:1].isdigit() or (after[:1] in _SEPARATORS and after[1:].isdigit()))
        )

    def locate_all(self, needle: str) -> list[TextMatch]:
        """Every exact or normalized occurrence of a surface string."""
        if needle not in self._found_all:
            self._found_all[needle] = find_all(needle, self.normalized)
        return self._found_all[needle]

    def designation_spans(self, designation: str) -> list[Span]:
        """Every occurrence of a weapon designation, spelling variants included, each found
        within its sentence (so a designation never runs across a sentence end)."""
        if designation not in self._designations:
            spans: list[Span] = []
            form, first = self._designation(designation)
            if first is not None:
                for start, end in self.sentences:
                    while (match := find_designation(form, self._part(start, end))) is not None:
                        spans.append((start + match.start, start + match.end))
                        start += max(match.end, 1)
            self._designations[designation] = spans
        return self._designations[designation]

    def sentence_of(self, offset: int) -> Span:
        """The sentence that holds an original offset (the whole text when none does)."""
        index = bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index][1]:
            return self.sentences[index]
        return (0, len(self.text))

    def sentences_over(self, span: Span) -> list[Span]:
        """The sentences a span touches, so a clause of evidence widens to its sentences."""
        first = max(bisect_right(self._sentence_starts, span[0]) - 1, 0)
        last = bisect_left(self._sentence_starts, span[1])
        return [s for s in self.sentences[first:last] if s[0] < span[1] and span[0] < s[1]]

    def evidence_sentences(self, evidence: Sequence[str]) -> list[Span]:
        """The sentences that the located evidence strings of one fact lie in."""
        key = tuple(evidence)
        if key not in self._evidence:
            spans: set[Span] = set()
            for clause in key:
                match = self.locate(clause)
                if match is not None:
                    spans.update(self.sentences_over((match.start, match.end)))
            self._evidence[key] = sorted(spans)
        return self._evidence[key]

    def words_between(self, start: int, end: int) -> int:
        """How many words lie between two original offsets."""
        offsets = self.normalized.offsets
        first = bisect_left(offsets, start)
        last = bisect_left(offsets, end, lo=first)
        return len(_WORD.findall(self.normalized.text, first, last))

    def numbers_in(self, span: Span) -> list[NumberMention]:
        """The number mentions that lie wholly inside a span."""
        first = bisect_left(self._number_starts, span[0])
        last = bisect_left(self._number_starts, span[1])
        return [m for m in self.numbers[first:last] if m.end <= span[1]]

    def counts_in(self, span: Span) -> list[NumberMention]:
        """The count mentions that lie wholly inside a span."""
        return [m for m in self.counts if span[0] <= m.start and m.end <= span[1]]

    def words_in(self, span: Span) -> list[Word]:
        """The words that lie wholly inside a span, with their stems (read once per text)."""
        if self._words is None:
            self._words = words_of(self.text)
            self._word_starts = [word.start for word in self._words]
        first = bisect_left(self._word_starts, span[0])
        last = bisect_left(self._word_starts, span[1], lo=first)
        return [word for word in self._words[first:last] if word.end <= span[1]]

    def countries_in(self, span: Span) -> list[CountryMention]:
        """The country mentions that lie wholly inside a span, found by bisection in the
        mentions (in text order), so asking per sentence stays linear in the text."""
        first = bisect_left(self._country_starts, span[0])
        last = bisect_left(self._country_starts, span[1], lo=first)
        return [m for m in self.countries[first:last] if m.end <= span[1]]

    def tokens_before(self, offset: int, count: int) -> list[str]:
        """The last `count` normalized tokens (words, numbers, punctuation) before an offset."""
        tokens: list[str] = _TOKEN.findall(self.text_before(offset, count))
        return tokens[-count:]

    def text_before(self, offset: int, count: int) -> str:
        """The normalized text `tokens_before(offset, count)` reads its tokens from: a word
        absent from it is none of them."""
        end = bisect_left(self.normalized.offsets, offset)
        return self.normalized.text[max(end - _WINDOW * count, 0) : end]

    def tokens_after(self, offset: int, count: int) -> tuple[str, ...]:
        """The first `count` normalized tokens (words, numbers, punctuation) from an offset."""
        key = (offset, count)
        if key not in self._after:  # several number questions read the same tokens
            start = bisect_left(self.normalized.offsets, offset)
            window = _TOKEN.findall(self.normalized.text, start, start + _WINDOW * count)
            self._after[key] = tuple(window[:count])
        return self._after[key]

    def _part(self, start: int, end: int) -> Normalized:
        """The original text [start, end) as a Normalized text of its own (offsets relative to
        `start`), cut from the document's normalization instead of normalizing it again."""
        offsets = self.normalized.offsets
        first = bisect_left(offsets, start)
        last = bisect_left(offsets, end, lo=first)
        return Normalized(
            text=self.normalized.text[first:last],
            source=self.text[start:end],
            offsets=(*map(sub, offsets[first:last], repeat(start)), end - start),
        )


def prepare(text: str, published: dt.date | None = None) -> Source:
    """Normalize, split and scan an article once, for all the checks of one document."""
    return Source(
        text=text,
        normalized=normalize(text),
        published=published,
        sentences=tuple(split_sentences(text)),
        numbers=tuple(find_numbers(text)),
        countries=tuple(country_mentions(text)),
    )
