"""A visit's other occasions split from the meeting the model answered, and a meeting's place
read from its sentences (docs/contract.md, rule 3).

A small model answers one meeting for a visit that news tells as several: `كما زار نائب
القائد العام الليبي رئيس أركان البحرية … في مقر البحرية` is another meeting, with another
official and place. Each sentence that opens another occasion (`كما زار`, `كما التقى`, `وفي
وقت سابق`) and names one of the meeting's delegates becomes a meeting of its own: the delegates
it names (by name, family name or first title), the same host and guests, that sentence as its
evidence and the building it names as its place. A delegate named only there leaves the first
meeting. A meeting with no place takes the first building its sentences name.
"""

from __future__ import annotations

from extractor.arabic.meeting_places import meeting_place, opens_occasion
from extractor.arabic.normalize import normalize_text
from extractor.facts.roles import title_state
from extractor.schemas import Delegate, Document, Meeting
from extractor.verify.source import Source, Span

TITLE_WORDS = 3
"""Words of a delegate's first title that refer to them (`نائب القائد العام`)."""


def occasions_from_text(document: Document, source: Source) -> tuple[Document, list[str]]:
    """The document with each meeting's other occasions as meetings of their own and every
    meeting without a place given the building its sentences name, and a note per change."""
    claimed = {s for m in document.meetings for s in source.evidence_sentences(m.evidence)}
    meetings: list[Meeting] = []
    notes: list[str] = []
    for index, meeting in enumerate(document.meetings):
        own = source.evidence_sentences(meeting.evidence)
        occasions = [s for s in _occasions(meeting, source) if s not in own[:1]]
        occasions = [s for s in occasions if s in own or s not in claimed]
        texts = [source.at(s) for s in occasions]
        split = [_occasion(meeting, source, s, texts) for s in occasions]
        rest = _without(meeting, source, [s for s in own if s not in occasions], split)
        meetings += [rest, *split]
        notes += [f"meetings[{index}]: another occasion, {source.at(s)[:40]!r}" for s in occasions]
    placed = [_placed(meeting, source) for meeting in meetings]
    notes += [
        f"meetings[{i}]: place {after.location_text!r} from its sentences"
        for i, (before, after) in enumerate(zip(meetings, placed, strict=True))
        if before.location_text != after.location_text
    ]
    return document.model_copy(update={"meetings": placed}), notes


def _occasions(meeting: Meeting, source: Source) -> list[Span]:
    """The article's sentences that open another occasion and name one of the meeting's
    delegates by name."""
    return [
        sentence
        for sentence in source.sentences
        if opens_occasion(source.words_in(sentence))
        and any(_named(person, source.at(sentence)) for person in meeting.participants)
    ]


def _occasion(meeting: Meeting, source: Source, sentence: Span, occasions: list[str]) -> Meeting:
    """The meeting a sentence of another occasion tells: the delegates it names, and those it
    refers to by their first title whom no occasion names (the visitor, `نائب القائد العام
    الليبي`), its place, the sentence as evidence. When that visitor is a guest, whom the
    sentence names beside him are those he visits: the host's, unless their titles name
    another state."""
    text = source.at(sentence)
    place = meeting_place(source.text, source.words_in(sentence))
    visitors = [
        p
        for p in meeting.participants
        if not _named(p, text) and _titled(p, text) and not any(_named(p, t) for t in occasions)
    ]
    people = [p for p in meeting.participants if _named(p, text) or p in visitors]
    if meeting.host_country and any(p.side == "guest" for p in visitors):
        people = [p if p in visitors else _received(p, meeting.host_country) for p in people]
    return meeting.model_copy(
        update={
            "participants": people,
            "location_text": source.at(place) if place else None,
            "evidence": [text],
            "topics": [],
        }
    )


def _received(person: Delegate, host: str) -> Delegate:
    """A delegate the visitor meets in an occasion: the host's side and state, unless their own
    titles name a state."""
    if title_state(person.titles) is not None:
        return person
    return person.model_copy(update={"country": host, "side": "host"})


def _without(meeting: Meeting, source: Source, kept: list[Span], split: list[Meeting]) -> Meeting:
    """The meeting less its other occasions: their sentences out of its evidence, and the
    delegates named only there out of its participants."""
    if not split:
        return meeting
    texts = [source.at(s) for s in kept]
    moved = {p.name for m in split for p in m.participants}
    people = [
        p for p in meeting.participants if p.name not in moved or any(_named(p, t) for t in texts)
    ]
    evidence = [e for e in meeting.evidence if any(e in t or t in e for t in texts)]
    return meeting.model_copy(update={"participants": people, "evidence": evidence})


def _placed(meeting: Meeting, source: Source) -> Meeting:
    """The meeting with the first building its sentences name as its place, if it has none."""
    if meeting.location_text:
        return meeting
    for sentence in source.evidence_sentences(meeting.evidence):
        if (place := meeting_place(source.text, source.words_in(sentence))) is not None:
            return meeting.model_copy(update={"location_text": source.at(place)})
    return meeting


def _named(person: Delegate, text: str) -> bool:
    """True when the text names the delegate: their whole name, or their family name."""
    if not person.name:
        return False
    words = normalize_text(text).split()
    name = normalize_text(person.name).split()
    return " ".join(name) in " ".join(words) or (len(name) > 1 and name[-1] in words)


def _titled(person: Delegate, text: str) -> bool:
    """True when the text holds the first words of the delegate's first title."""
    title = normalize_text(person.titles[0]).split()[:TITLE_WORDS] if person.titles else []
    return len(title) > 1 and " ".join(title) in normalize_text(text)
