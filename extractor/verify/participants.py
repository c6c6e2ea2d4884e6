"""Participants as whole records: a name must name a person, and the person must be named in
a sentence of the meeting itself (docs/contract.md, rule 3)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from extractor.arabic.lexicon import phrase_words
from extractor.arabic.meeting_words import COUNTERPARTS
from extractor.arabic.named_people import PersonMention, people_named
from extractor.arabic.normalize import normalize_text
from extractor.arabic.not_names import POST, not_a_person
from extractor.arabic.place_names import is_place_head
from extractor.schemas import Check, Delegate, Document
from extractor.verify.checks import finding, show
from extractor.verify.scope import meeting_sentences, occurrences, sentences_naming, whole_words
from extractor.verify.source import Source, Span

LEAD_WORDS = 3
"""Words of a post compared: two would take `رئيس أركان الجيش` for `رئيس أركان القوات`."""

NAMED_ELSEWHERE = "is named only outside this meeting's sentences"
"""What a participant finding that rests on the absence of their name from the meeting's
sentences says: a question about that participant, never a withdrawal."""

POST_REACH = 8
"""Most words between a post and the name it stands before (`نائب القائد العام الفريق أول ركن
صدام خليفة حفتر` has six)."""


def check_participants(document: Document, source: Source) -> Iterator[Check]:
    """One finding per participant whose name is no person or who is named only elsewhere."""
    participants = _participant_spans(document, source)
    people: dict[Span, list[PersonMention]] = {}

    def taken(name: str, within: set[Span]) -> list[Span]:
        """Where people other than `name` are named in full in the sentences `within`."""
        for sentence in within - people.keys():
            people[sentence] = people_named(source.text, sentence)
        named = dict(participants)
        for sentence in within:
            for mention in people[sentence]:
                named.setdefault(mention.name, []).append(mention.span)
        return _others(named, name)

    for m, meeting in enumerate(document.meetings):
        sentences: set[Span] | None = None
        for p, person in enumerate(meeting.participants):
            if person.name is None:
                continue
            path = f"meetings[{m}].participants[{p}]"
            instead = not_a_person(person.name)
            if instead is not None:
                yield finding(path, person.name, "unsupported", _question(person, instead))
                continue
            if (place := _place_named_after(source, person.name)) is not None:
                yield finding(
                    path,
                    person.name,
                    "unsupported",
                    f"{show(person.name)} is named only in {show(place)}, a place named after "
                    "a person: who is the participant here? answer with the person's name as "
                    "written, or null",
                )
                continue
            if sentences is None:
                sentences = meeting_sentences(document, m, source)
            if not _named_in(source, person, sentences, taken):
                yield finding(
                    path,
                    person.name,
                    "unsupported",
                    f"{show(person.name)} {NAMED_ELSEWHERE}: is that person a participant? "
                    "answer with the participant's name as written, or null",
                )


PLACE_REACH = 2
"""Words between a place's head noun and the name in it: the head and an honorific
(`مطار الملك عبدالعزيز`)."""


def _place_named_after(source: Source, name: str) -> str | None:
    """The place name (`مطار الملك عبدالعزيز`) when every occurrence of the name stands in one."""
    places: list[str] = []
    for start, end in occurrences(source, name):
        sentence = source.sentence_of(start)
        before = source.words_in((sentence[0], start))[-PLACE_REACH:]
        heads = [word for word in before if is_place_head(source.at((word.start, word.end)))]
        if not heads:
            return None
        places.append(source.at((heads[0].start, end)))
    return places[0] if places else None


def is_post_finding(check: Check) -> bool:
    """True for a finding that a participant's name is only a post (its name moves to titles)."""
    return isinstance(check.value, str) and not_a_person(check.value) == POST


def _question(person: Delegate, instead: str) -> str:
    name = show(person.name or "")
    if instead == POST:
        return (
            f"{name} is a post, not a person: who holds the post {name} in this meeting? "
            "answer with the name as written, or null"
        )
    return (
        f"{name} is {instead}, not a person: who is the participant here? answer with the "
        "person's name as written, or null"
    )


def _participant_spans(document: Document, source: Source) -> dict[str, list[Span]]:
    """Where each participant's full name stands in the source."""
    names = {p.name for meeting in document.meetings for p in meeting.participants if p.name}
    return {name: whole_words(source, name) for name in names}


def _others(spans: dict[str, list[Span]], name: str) -> list[Span]:
    """Where other people's full names stand: names that start with another word than `name`
    (`بدر بن سلطان أمير منطقة الجوف` is `بدر بن سلطان` again, `عبدالله بن ناصر آل ثاني` is
    not `تميم بن حمد آل ثاني`)."""
    first = normalize_text(name).split()[:1]
    return [
        span
        for other, held in spans.items()
        if normalize_text(other).split()[:1] != first
        for span in held
    ]


def _named_in(
    source: Source,
    person: Delegate,
    sentences: set[Span],
    taken: Callable[[str, set[Span]], list[Span]],
) -> bool:
    """True when the name, or its last word (a surname the text refers back by), stands in one
    of the sentences; or when the meeting's sentences name the person by a post that the text
    puts before the name elsewhere (`نائب القائد العام … صدام خليفة حفتر`, then `كما زار نائب
    القائد العام الليبي …`). A surname inside another person's full name (`taken`: where
    people other than this one are named) is that person's."""
    name = person.name or ""
    if any(source.sentence_of(start) in sentences for start, _ in occurrences(source, name)):
        return True
    partly = sentences_naming(source, name) & sentences
    if partly and not sentences_naming(source, name, taken(name, partly)).isdisjoint(sentences):
        return True
    if any(_referred_to(source, person, sentence) for sentence in sentences):
        return True
    named = occurrences(source, name)
    return any(
        _post_before(source, title, start) and _post_in(source, title, sentences)
        for title in person.titles
        for start, _ in named
    )


def _referred_to(source: Source, person: Delegate, sentence: Span) -> bool:
    """True when the sentence refers to the person by the first word of one of their posts or
    a counterpart word, with their state's demonym right after it (`الوزير الأميركي` for
    `وزير الخارجية الأميركية جون كيري`, `نظيرته الفرنسية`)."""
    if person.country is None:
        return False
    heads = {stem for title in person.titles for word in phrase_words(title)[:1] for stem in word}
    words = source.words_in(sentence)
    for mention in source.countries_in(sentence):
        if mention.iso3 != person.country or mention.kind != "demonym":
            continue
        before = [word for word in words if word.end <= mention.start][-1:]
        if before and (
            not before[0].stems.isdisjoint(heads) or COUNTERPARTS.values([before[0].stems])
        ):
            return True
    return False


def _lead(title: str) -> Sequence[frozenset[str]]:
    """The first words of a post, as stems (`نائب القائد العام`): enough to tell it from
    another post of the same rank (`رئيس أركان الجيش`, `رئيس أركان القوات الجوية`)."""
    return phrase_words(title)[:LEAD_WORDS]


def _post_before(source: Source, title: str, start: int) -> bool:
    """True when the post's first two words stand within a few words before an offset."""
    lead = _lead(title)
    sentence = source.sentence_of(start)
    before = [word.stems for word in source.words_in((sentence[0], start))[-POST_REACH:]]
    return len(lead) >= 2 and _contains(before, lead)


def _post_in(source: Source, title: str, sentences: set[Span]) -> bool:
    lead = _lead(title)
    return len(lead) >= 2 and any(
        _contains([word.stems for word in source.words_in(sentence)], lead)
        for sentence in sentences
    )


def _contains(words: Sequence[frozenset[str]], lead: Sequence[frozenset[str]]) -> bool:
    """True when consecutive words read as the words of `lead`."""
    return any(
        all(not words[at + k].isdisjoint(stem) for k, stem in enumerate(lead))
        for at in range(len(words) - len(lead) + 1)
    )
