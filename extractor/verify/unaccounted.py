"""Recall coverage: what the source states that no fact accounts for, the counterpart of the
value checks. Persons named with a title or listed in a delegation in a meeting's sentences;
weapons (designations, weapon nouns with a number); resolution numbers; states and groups under
a sanction. Pure: the pipeline asks the model about these (recall questions), and the Document
records them for a reader."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from extractor.arabic.designations import designation_key
from extractor.arabic.lexicon import phrase_words
from extractor.arabic.named_people import people_named
from extractor.arabic.names import strip_clitics
from extractor.arabic.normalize import normalize_text
from extractor.arabic.number_roles import COUNTED_NOUNS, TIME_WORD_STEMS
from extractor.arabic.person_identity import same_person
from extractor.arabic.targets import sanction_targets
from extractor.arabic.triggers import kinds_mentioned
from extractor.arabic.weapons import (
    SYSTEMS,
    categories,
    designation_category,
    is_airline,
    is_airliner,
)
from extractor.schemas import Document, UncoveredMention
from extractor.schemas.document import MentionKind
from extractor.verify.mentions import has_stem, is_counted, is_resolution
from extractor.verify.source import Source, Span

_PHRASE_END = regex.compile(r"[،,.؛:\"«»\n]|\s[وف]?(?=\d)|\sو")
"""Where a weapon phrase ends, past its number and noun: punctuation, or the next coordinated
item (`و12 طائرة`, `ومنظومة باتريوت`)."""
_HEAD = regex.compile(r"\S+\s+[\p{L}\p{M}\p{N}-]+")
"""The number and the noun right after it, which a phrase always holds (`16 وحدة`)."""
_LATIN_TAIL = regex.compile(r"(?:[ ](?:[A-Z][A-Za-z]+|[0-9]+[A-Z]*)(?![\p{L}\d])){1,3}")
"""Up to three capitalised Latin words or numbers after a designation (`Thunder`, `Block 70`)."""
_MAX_PHRASE_WORDS = 8
_PHRASE_CHARS = 160
"""The longest weapon phrase read after its number: the scan stays linear in the text."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One thing the source states that should be a fact's: what it is, as written, where, and
    what a fact holding it would take from it."""

    kind: str
    what: MentionKind
    text: str
    span: Span
    sentence: Span
    titles: tuple[str, ...] = ()
    designation: str | None = None
    quantity_text: str | None = None
    category: str | None = None
    iso3: str | None = None
    named: bool = False
    """A weapon named by a designation or system, not only by its nouns."""
    marker: Span | None = None
    """The delegation or attendance word a person is listed after: they took part."""

    def record(self) -> UncoveredMention:
        """The Document's record of the mention."""
        return UncoveredMention(kind=self.kind, what=self.what, text=self.text, span=self.span)


def unaccounted(document: Document, source: Source) -> list[Mention]:
    """Every mention that no fact of the document accounts for, in kind then text order."""
    return [
        *_people(document, source),
        *_named_first(list(_weapons(document, source))),
        *_resolutions(document, source),
        *_targets(document, source),
    ]


def _named_first(weapons: list[Mention]) -> list[Mention]:
    """The weapons without the bare counts whose number a named weapon repeats (`20 مقاتلة`
    in a headline, `20 مقاتلة من طراز إف-35` in the body)."""
    counts = {m.quantity_text for m in weapons if m.quantity_text and m.named}
    return [m for m in weapons if m.named or m.quantity_text not in counts]


def uncovered_mentions(document: Document, source: Source) -> list[UncoveredMention]:
    """The Document's records of what no fact accounts for."""
    return [mention.record() for mention in unaccounted(document, source)]


def _words(phrase: str | None) -> frozenset[str]:
    return frozenset(normalize_text(phrase or "").split())


def _people(document: Document, source: Source) -> Iterator[Mention]:
    """Persons named in a meeting's sentences that no participant is."""
    known = [
        person.name
        for meeting in document.meetings
        for person in meeting.participants
        if person.name
    ]
    for sentence in source.sentences:
        if "meetings" not in kinds_mentioned(source.at(sentence)):
            continue
        for person in people_named(source.text, sentence):
            if any(same_person(person.name, other) for other in known):
                continue
            known.append(person.name)
            yield Mention(
                "meetings",
                "person",
                person.name,
                person.span,
                sentence,
                titles=person.titles,
                marker=person.marker,
            )


def _weapons(document: Document, source: Source) -> Iterator[Mention]:
    """Weapon nouns with a number and designations that no item accounts for."""
    items = [item for deal in document.arms_deals for item in deal.items]
    item_spans = sorted(
        span for item in items for span in source.designation_spans(item.designation)
    )
    quantities = {float(item.quantity) for item in items if item.quantity is not None}
    phrases: list[Span] = []
    seen: set[str] = set()
    item_keys = [designation_key(item.designation) for item in items]
    designations = source.designation_tokens
    civil: dict[Span, bool] = {}
    for number in source.counts:
        if not is_counted(source, number):
            continue
        if TIME_WORD_STEMS.search(normalize_text(number.text)):
            continue  # `أسبوعين`: a duration in one word
        sentence = source.sentence_of(number.start)
        phrase, named = _phrase(source, number.start, sentence, designations)
        phrases.append(phrase)
        if named is None and not _counts_a_weapon(source.at(phrase)):
            continue
        if sentence not in civil:
            civil[sentence] = _civil(source.at(sentence))
        if is_airliner(source.at(named)) if named else civil[sentence]:
            continue
        if number.value in quantities:
            continue
        text = source.at(phrase)
        nouns = regex.findall(r"\S+", source.at((number.end, phrase[1])))
        designation = source.at(named) if named else " ".join(nouns[:2])
        if (key := f"{number.value} {designation_key(designation)}") in seen:
            continue
        seen.add(key)
        yield Mention(
            "arms_deals",
            "weapon",
            text,
            phrase,
            sentence,
            designation=designation,
            quantity_text=number.text.strip(),
            category=_category(designation, text),
            named=named is not None,
        )
    for found in designations:
        span = _with_latin_tail(source, found)
        text = source.at(span)
        key = designation_key(text)
        if is_airliner(text) or _overlaps(span, phrases) or _overlaps(span, item_spans):
            continue
        if key in seen or key in item_keys:
            continue
        seen.add(key)
        sentence = source.sentence_of(span[0])
        yield Mention(
            "arms_deals",
            "weapon",
            text,
            span,
            sentence,
            designation=text,
            category=_category(text, source.at(sentence)),
            named=True,
        )


def _phrase(
    source: Source, start: int, sentence: Span, designations: Sequence[Span]
) -> tuple[Span, Span | None]:
    """From a number to the end of what it counts, and the weapon's name in it: through the
    designation or system when one follows (`16 طائرة مقاتلة من طراز JF-17 Thunder`, `24 طائرة
    يوروفايتر`), else the number and its nouns (`900 عربة مدرعة`)."""
    limit = min(sentence[1], start + _PHRASE_CHARS)
    head = _HEAD.match(source.text, start, limit)
    stop = _PHRASE_END.search(source.text, head.end() if head else start + 1, limit)
    end = stop.start() if stop else limit
    words = list(regex.finditer(r"\S+", source.text[start:end]))[:_MAX_PHRASE_WORDS]
    if not words:
        return (start, end), None
    named = _named(source, (start, start + words[-1].end()), words, designations)
    if named is not None:
        return (start, named[1]), named
    counted = [has_stem(normalize_text(word.group()), COUNTED_NOUNS) for word in words]
    last = counted.index(True) if True in counted else 0
    while last + 1 < len(words) and counted[last + 1]:
        last += 1  # `عربة مدرعة`, `طائرة مقاتلة`
    return (start, start + words[last].end()), None


def _named(
    source: Source, span: Span, words: list[regex.Match[str]], designations: Sequence[Span]
) -> Span | None:
    """The first designation (`JF-17`) or known system (`يوروفايتر`) inside a span."""
    first = bisect_left(designations, (span[0], span[0]))
    if first < len(designations) and designations[first][1] <= span[1]:
        return _with_latin_tail(source, designations[first])
    stems = [frozenset(strip_clitics(normalize_text(word.group()))) for word in words]
    for first, last, _ in SYSTEMS.scan(stems):
        return (span[0] + words[first].start(), span[0] + words[last - 1].end())
    return None


def _category(designation: str, context: str) -> str:
    named = designation_category(designation)
    if named is not None:
        return named
    found = categories(phrase_words(designation)) or categories(phrase_words(context))
    return next(iter(found)) if len(found) == 1 else "other"


def _resolutions(document: Document, source: Source) -> Iterator[Mention]:
    """Resolution numbers that no embargo lists."""
    listed = {number for embargo in document.embargoes for number in embargo.resolutions}
    seen: set[str] = set()
    for number in source.numbers:
        if not is_resolution(source, number):
            continue
        digits = str(int(number.value))
        if digits in listed or digits in seen:
            continue
        seen.add(digits)
        span = (number.start, number.end)
        yield Mention("embargoes", "resolution", digits, span, source.sentence_of(number.start))


def _targets(document: Document, source: Source) -> Iterator[Mention]:
    """States and groups under a sanction that no embargo targets, each once: where a
    resolution number stands beside it if it does anywhere, else where first named."""
    codes = {embargo.target for embargo in document.embargoes if embargo.target}
    texts = [_words(embargo.target_text) for embargo in document.embargoes]
    resolved = {source.sentence_of(n.start) for n in source.numbers if is_resolution(source, n)}
    chosen: dict[str, Mention] = {}
    for sentence in source.sentences:
        for target in sanction_targets(source.text, sentence):
            words = _words(target.surface)
            key = target.iso3 or " ".join(sorted(words))
            if target.iso3 in codes or any(words & other for other in texts):
                continue
            if key in chosen and (chosen[key].sentence in resolved or sentence not in resolved):
                continue
            chosen[key] = Mention(
                "embargoes", "target", target.surface, target.span, sentence, iso3=target.iso3
            )
    yield from sorted(chosen.values(), key=lambda mention: mention.span)


def _with_latin_tail(source: Source, span: Span) -> Span:
    """A designation with the Latin words that name it further (`JF-17 Thunder`, `F-16 Block
    70`)."""
    tail = _LATIN_TAIL.match(source.text, span[1], source.sentence_of(span[0])[1])
    return (span[0], tail.end()) if tail else span


def _counts_a_weapon(phrase: str) -> bool:
    """True when a phrase holds a noun weapons are counted in (not `أربع` alone)."""
    words = regex.findall(r"[\p{L}\p{M}]+", phrase)
    return any(has_stem(normalize_text(word), COUNTED_NOUNS) for word in words)


def _civil(sentence: str) -> bool:
    """True for a sentence about airliners or an airline: its counts are no weapons."""
    return is_airliner(sentence) or is_airline(sentence)


def _overlaps(span: Span, spans: Sequence[Span]) -> bool:
    """True when a span shares a character with one of the spans (sorted, none nested)."""
    index = bisect_left(spans, (span[1], span[1]))
    return index > 0 and spans[index - 1][1] > span[0]
