"""A meeting's host and guests: the host is no guest, and both agree with the place and with
the participants' states (docs/contract.md, rule 3)."""

from __future__ import annotations

from collections.abc import Iterator

from extractor.arabic.countries import country_for
from extractor.schemas import Check, Document, Meeting
from extractor.verify.checks import finding

HOST_QUESTION = "which state hosts this meeting? answer with its ISO3 code"


def check_hosts(document: Document) -> Iterator[Check]:
    """A finding per meeting whose host and guests contradict each other, the place or the
    sides of its participants."""
    for index, meeting in enumerate(document.meetings):
        if (reason := host_disputed(meeting)) is not None:
            yield finding(f"meetings[{index}]", meeting.host_country, "contradicted", reason)


def host_disputed(meeting: Meeting) -> str | None:
    """Why a meeting's host and guests contradict each other, its place or its participants'
    sides, if they do."""
    host, guests = meeting.host_country, set(meeting.guest_countries)
    question = HOST_QUESTION
    if host is not None and host in guests:
        return f"host {host} is also a guest: {question}"
    place = country_for(meeting.location_text) if meeting.location_text else None
    if place is not None and host is not None and place != host:
        return f'host {host} but the meeting is in "{meeting.location_text}" ({place}): {question}'
    if place is not None and place in guests:
        return f'guest {place} but the meeting is in "{meeting.location_text}": {question}'
    sides = {
        side: {p.country for p in meeting.participants if p.side == side and p.country}
        for side in ("host", "guest")
    }
    if host is not None and host in sides["guest"] and host not in sides["host"]:
        return f"host {host} but its participants are guests: {question}"
    if guests & sides["host"] - sides["guest"]:
        named = ", ".join(sorted(guests & sides["host"]))
        return f"guest {named} but its participants are hosts: {question}"
    return None
