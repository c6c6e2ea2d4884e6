"""Facts read the wrong way round, turned back from the article's own cues.

When a visiting verb makes the answer's host a guest (`أن وفدًا ليبيًا … زار`), or a receiving
verb or a visit's destination makes its one guest the host, and the meeting has exactly one
guest state, host and guest are swapped, and every participant's side with them (the answer
gave them consistently with its host). When a sale or purchase verb makes a deal's buyer its
seller (`صفقات الأسلحة للسعودية` with Saudi Arabia as seller), buyer and seller are swapped,
codes and texts. Anything less clear stays a finding: a repair question, and under --strict a
nulled role (docs/contract.md, rule 3).
"""

from __future__ import annotations

from extractor.schemas import ArmsDeal, Delegate, Document, Meeting
from extractor.verify.parties import reversing_reading
from extractor.verify.source import Source
from extractor.verify.visits import contradicting_cue

OTHER_SIDE = {"host": "guest", "guest": "host"}


def turned_back(document: Document, source: Source) -> tuple[Document, list[str]]:
    """The document with its reversed meetings and deals swapped back, and a note per swap."""
    document, hosts = hosts_from_text(document, source)
    document, parties = parties_from_text(document, source)
    return document, [*hosts, *parties]


def parties_from_text(document: Document, source: Source) -> tuple[Document, list[str]]:
    """The document with each deal whose verbs give both parties the other role swapped back,
    and a note per swap."""
    deals: list[ArmsDeal] = []
    notes: list[str] = []
    for index, deal in enumerate(document.arms_deals):
        reading = reversing_reading(deal, source)
        if reading is None or deal.buyer is None or deal.seller is None:
            deals.append(deal)
            continue
        deals.append(
            deal.model_copy(
                update={
                    "buyer": deal.seller,
                    "buyer_text": deal.seller_text,
                    "seller": deal.buyer,
                    "seller_text": deal.buyer_text,
                }
            )
        )
        notes.append(
            f"arms_deals[{index}]: buyer {deal.buyer} and seller {deal.seller} swapped, "
            f'"{source.at(reading.cue)}" makes {reading.iso3} the {reading.role}'
        )
    return document.model_copy(update={"arms_deals": deals}), notes


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
