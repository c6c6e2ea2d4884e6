"""A meeting's host against its verbs (docs/contract.md, rule 3): whoever visits (`زار`,
`وصل`, `وفد ليبي … زار`) is a guest, whoever receives (`استقبل`, `رحب`) the host, and a visit's
destination (`زيارته الرسمية للكويت`) hosts. The host check compares the answer with itself;
this one reads the article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from extractor.arabic.visits import RoleCue, role_cues
from extractor.schemas import Check, Document, Meeting
from extractor.verify.checks import finding
from extractor.verify.hosts import HOST_QUESTION
from extractor.verify.scope import meeting_sentences
from extractor.verify.source import Source, Span


def check_visits(document: Document, source: Source) -> Iterator[Check]:
    """A finding per meeting whose host a visiting verb makes a guest, or one of whose guests a
    receiving verb makes the host; its value is that state, so strict nulls the host role."""
    for index, meeting in enumerate(document.meetings):
        if (cue := contradicting_cue(document, index, source)) is None:
            continue
        span = (cue.start, cue.end)
        role = "a guest" if cue.side == "guest" else "the host"
        claimed = "host" if cue.iso3 == meeting.host_country else "guest"
        message = f'{claimed} {cue.iso3} but "{source.at(span)}" makes it {role}: {HOST_QUESTION}'
        yield finding(f"meetings[{index}]", cue.iso3, "contradicted", message, span, source)


def contradicting_cue(document: Document, index: int, source: Source) -> RoleCue | None:
    """The first cue in a meeting's sentences that puts its host or one of its guests on the
    other side, if one does."""
    meeting = document.meetings[index]
    sentences = sorted(meeting_sentences(document, index, source))
    return next((cue for cue in _cues(sentences, source) if _contradicts(meeting, cue)), None)


def host_cue(document: Document, index: int, source: Source) -> RoleCue | None:
    """The first cue that makes a state the host: in the meeting's sentences, else in the
    article's, in text order (its lead says where the visit goes)."""
    own = meeting_sentences(document, index, source)
    rest = [sentence for sentence in source.sentences if sentence not in own]
    sentences = [*sorted(own), *rest]
    return next((cue for cue in _cues(sentences, source) if cue.side == "host"), None)


def _cues(sentences: Iterable[Span], source: Source) -> Iterator[RoleCue]:
    """The role cues of the given sentences, sentence by sentence in the order given."""
    for sentence in sentences:
        words, mentions = source.words_in(sentence), source.countries_in(sentence)
        yield from role_cues(source.text, words, mentions)


def _contradicts(meeting: Meeting, cue: RoleCue) -> bool:
    """True when a cue makes the meeting's host a guest or one of its guests the host."""
    if cue.side == "guest":
        return cue.iso3 == meeting.host_country
    return cue.iso3 in meeting.guest_countries and cue.iso3 != meeting.host_country
