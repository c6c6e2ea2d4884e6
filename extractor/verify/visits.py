"""A meeting's host against its verbs (docs/contract.md, rule 3): whoever visits (`زار`,
`وصل`, `وفد ليبي … زار`) is a guest, whoever receives (`استقبل`, `رحب`) the host. The host
check compares the answer with itself; this one reads the article."""

from __future__ import annotations

from collections.abc import Iterator

from extractor.arabic.visits import role_cues
from extractor.schemas import Check, Document, Meeting
from extractor.verify.checks import finding
from extractor.verify.hosts import HOST_QUESTION
from extractor.verify.scope import meeting_sentences
from extractor.verify.source import Source, Span


def check_visits(document: Document, source: Source) -> Iterator[Check]:
    """A finding per meeting whose host a visiting verb makes a guest, or one of whose guests a
    receiving verb makes the host; its value is that state, so strict nulls the host role."""
    for index, meeting in enumerate(document.meetings):
        sentences = meeting_sentences(document, index, source)
        if (check := _reversed(f"meetings[{index}]", meeting, source, sentences)) is not None:
            yield check


def _reversed(path: str, meeting: Meeting, source: Source, sentences: set[Span]) -> Check | None:
    """The first cue in the meeting's sentences that puts its host or a guest on the other side."""
    guests = set(meeting.guest_countries) - {meeting.host_country}
    for sentence in sorted(sentences):
        words, mentions = source.words_in(sentence), source.countries_in(sentence)
        for cue in role_cues(source.text, words, mentions):
            span = (cue.start, cue.end)
            if cue.side == "guest" and cue.iso3 == meeting.host_country:
                reason = f'host {cue.iso3} but "{source.at(span)}" makes it a guest'
            elif cue.side == "host" and cue.iso3 in guests:
                reason = f'guest {cue.iso3} but "{source.at(span)}" makes it the host'
            else:
                continue
            message = f"{reason}: {HOST_QUESTION}"
            return finding(path, cue.iso3, "contradicted", message, span, source)
    return None
