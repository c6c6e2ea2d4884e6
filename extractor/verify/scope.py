"""The sentences of a fact: its evidence sentences, and the sentences that name its parties or
participants next to one of its kind's words. Whole-fact checks read only these."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from extractor.arabic.lexicon import Lexicon, stem_index, words_of
from extractor.arabic.meeting_words import DELEGATION_MARKERS
from extractor.arabic.normalize import normalize_text
from extractor.arabic.titles import HONORIFICS
from extractor.arabic.triggers import kinds_mentioned
from extractor.schemas import ArmsDeal, Document
from extractor.verify.source import Source, Span

_WORD = regex.compile(r"[\p{L}\p{N}]+")

DELEGATION = "delegation"
"""What `kinds_of` adds for a sentence with a delegation or attendance word."""


def kinds_of(source: Source, sentence: Span) -> frozenset[str]:
    """The fact kinds (`meetings`, `arms_deals`, `embargoes`) a sentence has words of, and
    `delegation` when it lists who took part (`وضم الوفد`, `بحضور`)."""
    if sentence not in source.kinds:
        kinds = kinds_mentioned(source.at(sentence))
        if has_words(source, sentence, DELEGATION_MARKERS):
            kinds |= {DELEGATION}
        source.kinds[sentence] = kinds
    return source.kinds[sentence]


def has_words(source: Source, span: Span, lexicon: Lexicon[bool]) -> bool:
    """True when a listed word or phrase stands in the span."""
    return bool(lexicon.values([word.stems for word in source.words_in(span)]))


def occurrences(source: Source, text: str) -> list[Span]:
    """Every place a surface string stands as whole words (its words read through clitics and
    the article), else its one match as the value checks found it (normalized or fuzzy)."""
    spans = whole_words(source, text)
    if not spans and (match := source.locate(text, fuzzy=True)) is not None:
        spans.append((match.start, match.end))
    return spans


def whole_words(source: Source, text: str) -> list[Span]:
    """Every place a surface string stands as whole words, read through clitics and the
    article."""
    wanted = [normalize_text(word) for word in _WORD.findall(text)]
    words = words_of(source.text)
    index = stem_index(source.text)
    return [
        (words[at].start, words[at + len(wanted) - 1].end)
        for at in (index.get(wanted[0], ()) if wanted else ())
        if at + len(wanted) <= len(words)
        and all(word in words[at + k].stems for k, word in enumerate(wanted))
    ]


def sentences_naming(source: Source, name: str, taken: Sequence[Span] = ()) -> set[Span]:
    """The sentences that name someone or something, in full, by the last word of a longer
    name (a surname the text refers back by: `الجضران` for `إبراهيم الجضران`), or by its first
    word after an honorific (`الشيخ تميم` for `تميم بن حمد آل ثاني`). A word of the name inside
    a span of `taken` (where another person's full name stands) names that other person:
    `الصباح` in `نواف الأحمد الجابر الصباح` is no reference back to `صباح الأحمد الصباح`."""
    named = {source.sentence_of(start) for start, _ in occurrences(source, name)}
    parts = name.split()
    if len(parts) > 1 and len(parts[-1]) >= 3:
        named |= {
            source.sentence_of(start)
            for start, end in occurrences(source, parts[-1])
            if not _inside(start, end, taken)
        }
    if len(parts) > 1 and len(parts[0]) >= 3:
        named |= {
            source.sentence_of(start)
            for start, end in occurrences(source, parts[0])
            if _after_honorific(source, start) and not _inside(start, end, taken)
        }
    return named


def _inside(start: int, end: int, spans: Sequence[Span]) -> bool:
    """True when [start, end) lies within one of the spans."""
    return any(outer <= start and end <= stop for outer, stop in spans)


def _after_honorific(source: Source, start: int) -> bool:
    """True when the word before an offset is an honorific (`الشيخ`, `الأمير`, `سمو`)."""
    sentence = source.sentence_of(start)
    before = source.words_in((sentence[0], start))[-1:]
    return any(normalize_text(source.at((w.start, w.end))) in HONORIFICS for w in before)


def meeting_sentences(document: Document, index: int, source: Source) -> set[Span]:
    """A meeting's evidence sentences, and the sentences with a meeting or delegation word
    that follow them before another meeting's evidence begins (`وضم الوفد …`, `وحضر اللقاء
    …`); such sentences before any evidence (a headline) belong to every meeting."""
    owners: dict[Span, set[int]] = {}
    for position, meeting in enumerate(document.meetings):
        for sentence in source.evidence_sentences(meeting.evidence):
            owners.setdefault(sentence, set()).add(position)
    own = {sentence for sentence, held in owners.items() if index in held}
    evidence = sorted(owners)
    attached = set()
    for sentence in source.sentences:
        if sentence in owners or kinds_of(source, sentence).isdisjoint(("meetings", DELEGATION)):
            continue
        earlier = [span for span in evidence if span < sentence]
        if not earlier or index in owners[earlier[-1]]:
            attached.add(sentence)
    return own | attached


def deal_sentences(deal: ArmsDeal, source: Source) -> set[Span]:
    """A deal's evidence sentences and the sentences that name one of its weapon systems."""
    sentences = set(source.evidence_sentences(deal.evidence))
    for item in deal.items:
        spans = source.designation_spans(item.designation)
        sentences.update(source.sentence_of(start) for start, _ in spans)
    return sentences
