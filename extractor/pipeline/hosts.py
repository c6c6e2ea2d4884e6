"""A meeting read the wrong way round, turned back from the article's own cues.

When a visiting verb makes the answer's host a guest (`أن وفدًا ليبيًا … زار`), or a receiving
verb or a visit's destination makes its one guest the host, and the meeting has exactly one
guest state, host and guest are swapped, and every participant's side with them (the answer
gave them consistently with its host). Anything less clear stays a finding: a repair question,
and under --strict a nulled role (docs/contract.md, rule 3).
"""

from __future__ import annotations

from extractor.schemas import Delegate, Document, Meeting
from extractor.verify.source import Source
from extractor.verify.visits import contradicting_cue

OTHER_SIDE = {"host": "guest", "guest": "host"}


def hosts_from_text(document: Document, source: Source) -> tuple[Document, list[str]]:
    """The document with each reversed two-state meeting swapped back, and a note per swap."""
    meetings: list[Meeting] = []
    notes: list[str] = []
    for index, meeting in enumerate(document.meetings):
        cue = contradicting_cue(document, index, source)
        host, guests = meeting.host_country, meeting.guest_countries
        if cue is None or host is None or len(set(guests) - {host}) != 1:
            meetings.append(meeting)
            continue
        meetings.append(_swapped(meeting))
        notes.append(
            f"meetings[{index}]: host {host} and guest {guests[0]} swapped, "
            f'"{source.at((cue.start, cue.end))}" makes {cue.iso3} the {cue.side}'
        )
    return document.model_copy(update={"meetings": meetings}), notes


def _swapped(meeting: Meeting) -> Meeting:
    """The meeting with its host and its one guest state exchanged, and its sides."""
    participants = [_other_side(person) for person in meeting.participants]
    return meeting.model_copy(
        update={
            "host_country": meeting.guest_countries[0],
            "guest_countries": [meeting.host_country],
            "participants": participants,
        }
    )


def _other_side(person: Delegate) -> Delegate:
    side = OTHER_SIDE.get(person.side) if person.side else None
    return person if side is None else person.model_copy(update={"side": side})
