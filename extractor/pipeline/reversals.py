"""Facts read the wrong way round, turned back from the article's own cues.

When a receiving verb or a visit's destination makes one of the answer's guests the host
(`زيارته الرسمية للكويت`), that state hosts and the former host becomes a guest; when a
visiting verb makes the host a guest (`أن وفدًا ليبيًا … زار`) and the meeting has one other
state, that state hosts. Every delegate's side then follows their state (and is flipped for a
delegate of no known state). When a sale or purchase verb makes a deal's buyer its
seller (`صفقات الأسلحة للسعودية` with Saudi Arabia as seller), buyer and seller are swapped,
codes and texts. Anything less clear stays a finding: a repair question, and under --strict a
nulled role (docs/contract.md, rule 3).
"""

from __future__ import annotations

from extractor.facts.roles import receives_visitor
from extractor.schemas import ArmsDeal, Delegate, Document, Meeting
from extractor.verify.parties import reversing_reading
from extractor.verify.source import Source
from extractor.verify.visits import contradicting_cue, host_cue

OTHER_SIDE = {"host": "guest", "guest": "host"}


def turned_back(document: Document, source: Source) -> tuple[Document, list[str]]:
    """The document with its reversed meetings and deals swapped back, and a note per swap."""
    document, hosts = hosts_from_text(document, source)
    document, missing = missing_host_from_text(document, source)
    document, parties = parties_from_text(document, source)
    return document, [*hosts, *missing, *parties]


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
    """The document with each meeting whose host the text contradicts hosted by the state the
    cue names (a guest it makes the host, or the one other state when it makes the host a
    guest), and a note per change."""
    meetings: list[Meeting] = []
    notes: list[str] = []
    for index, meeting in enumerate(document.meetings):
        cue = contradicting_cue(document, index, source)
        host = None if cue is None else _true_host(meeting, cue.iso3, cue.side)
        if cue is None or host is None:
            meetings.append(meeting)
            continue
        meetings.append(_hosted_by(meeting, host))
        notes.append(
            f"meetings[{index}]: host {meeting.host_country} → {host}, "
            f'"{source.at((cue.start, cue.end))}" makes {cue.iso3} the {cue.side}'
        )
    return document.model_copy(update={"meetings": meetings}), notes


def missing_host_from_text(document: Document, source: Source) -> tuple[Document, list[str]]:
    """The document's one meeting, answered with no host, hosted by the state a receiving verb
    or a visit's destination makes the host (`وصل … إلى المملكة الأردنية الهاشمية`), its
    delegates of no state whom the article lists among the receivers given it, and its guests
    of no state the one guest state, if there is one; with several meetings a cue of the
    article could belong to any, so they stay as answered."""
    if len(document.meetings) != 1 or document.meetings[0].host_country is not None:
        return document, []
    cue = host_cue(document, 0, source)
    if cue is None:
        return document, []
    meeting = document.meetings[0]
    people = [_stated_under(person, cue.iso3, source.text) for person in meeting.participants]
    states = [person.country for person in people if person.country]
    guests = [state for state in [*meeting.guest_countries, *states] if state != cue.iso3]
    guests = list(dict.fromkeys(guests))
    if len(guests) == 1:
        people = [_of_the_guests(person, guests[0]) for person in people]
    found = meeting.model_copy(
        update={"host_country": cue.iso3, "guest_countries": guests, "participants": people}
    )
    note = f'meetings[0]: host {cue.iso3}, "{source.at((cue.start, cue.end))}" makes it the host'
    return document.model_copy(update={"meetings": [found]}), [note]


def _stated_under(person: Delegate, host: str, text: str) -> Delegate:
    """A delegate under a host found in the text: one of no state whom the article lists among
    the visitor's receivers takes the host's, and a delegate of a known state is on the side
    that state puts them."""
    if person.country is None:
        receives = person.name is not None and receives_visitor(text, person.name)
        return person.model_copy(update={"country": host if receives else None})
    return _side_for(person, host)


def _of_the_guests(person: Delegate, guest: str) -> Delegate:
    """A guest of no state in a meeting with one guest state takes it, as at assembly."""
    if person.country is None and person.side == "guest":
        return person.model_copy(update={"country": guest})
    return person


def _true_host(meeting: Meeting, state: str, side: str) -> str | None:
    """The host a cue gives: the state it makes the host, or, when it makes the host a guest,
    the one other state of the meeting (None when there are several)."""
    if side == "host":
        return state
    others = set(meeting.guest_countries) - {state}
    return others.pop() if len(others) == 1 else None


def _hosted_by(meeting: Meeting, host: str) -> Meeting:
    """The meeting hosted by `host`, its former host a guest, each delegate's side following
    their state (flipped for a delegate of no known state)."""
    former = [meeting.host_country] if meeting.host_country else []
    guests = [state for state in [*former, *meeting.guest_countries] if state != host]
    people = [_side_for(person, host) for person in meeting.participants]
    return meeting.model_copy(
        update={
            "host_country": host,
            "guest_countries": list(dict.fromkeys(guests)),
            "participants": people,
        }
    )


def _side_for(person: Delegate, host: str) -> Delegate:
    """A delegate's side under a new host: by their state, else the other side than before."""
    if person.country is not None:
        side: str | None = "host" if person.country == host else "guest"
    else:
        side = OTHER_SIDE.get(person.side) if person.side else person.side
    return person.model_copy(update={"side": side})
