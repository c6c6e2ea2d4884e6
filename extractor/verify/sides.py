"""A delegate's side in its meeting (docs/contract.md, rule 3): the host receives (`استقبل`),
the guest visits (`زار`, `وصل`); a delegate of the host state is no guest, one of a guest state
no host."""

from __future__ import annotations

from collections.abc import Iterator

from extractor.arabic.countries import country_for
from extractor.arabic.meeting_words import RECEIVING_VERBS, VISITING_VERBS
from extractor.arabic.visits import opens_clause
from extractor.schemas import Check, Delegate, Document, Meeting
from extractor.verify.checks import finding, show
from extractor.verify.hosts import host_disputed
from extractor.verify.scope import meeting_sentences, occurrences
from extractor.verify.source import Source, Span

AGENT_REACH = 8
"""Most words between a verb that opens its clause and its agent's name (`استقبل رئيس الوزراء
الباكستاني شهباز شريف`)."""

QUESTION = "which side is this person on? answer with host, guest or other"


def check_sides(document: Document, source: Source) -> Iterator[Check]:
    """A finding per participant whose side a verb's construction contradicts (the agent of
    `استقبل` is a host, of `زار` a guest), or whose state makes them the other side."""
    for m, meeting in enumerate(document.meetings):
        agents = _agents(meeting, source, meeting_sentences(document, m, source))
        for p, person in enumerate(meeting.participants):
            if person.side not in ("host", "guest"):
                continue
            path = f"meetings[{m}].participants[{p}].side"
            if p in agents and agents[p][0] != person.side:
                side, span = agents[p]
                yield finding(
                    path,
                    person.side,
                    "contradicted",
                    f'side {person.side} but "{source.at(span)}" makes {show(person.name or "")} '
                    f"the {side}: {QUESTION}",
                    span,
                    source,
                )
            elif (reason := _other_side(meeting, person)) is not None:
                yield finding(path, person.side, "contradicted", reason)


def _other_side(meeting: Meeting, person: Delegate) -> str | None:
    """Why a delegate's state puts them on the other side: a guest from the host state, a host
    from a guest state. Nothing when the host is also a guest, or when the participants' sides
    dispute a host that the meeting's place does not confirm (which of them is wrong, the
    meeting's finding asks)."""
    host, guests = meeting.host_country, set(meeting.guest_countries)
    if host is None or person.country is None or host in guests:
        return None
    place = country_for(meeting.location_text) if meeting.location_text else None
    if place != host and host_disputed(meeting) is not None:
        return None  # the sides dispute the host as a whole: the meeting's finding asks
    if person.side == "guest" and person.country == host:
        return f"side guest but {person.country}, the state of this person, hosts: {QUESTION}"
    if person.side == "host" and person.country in guests:
        return f"side host but {person.country}, the state of this person, is a guest: {QUESTION}"
    return None


def _agents(meeting: Meeting, source: Source, sentences: set[Span]) -> dict[int, tuple[str, Span]]:
    """The participants (by index) that a receiving or visiting verb opening its clause takes
    as its agent, each with the side it makes them and the words from verb to name."""
    agents: dict[int, tuple[str, Span]] = {}
    for sentence in sorted(sentences):
        words = source.words_in(sentence)
        stems = [word.stems for word in words]
        for lexicon, side in ((RECEIVING_VERBS, "host"), (VISITING_VERBS, "guest")):
            for start, end, _ in lexicon.scan(stems):
                if not opens_clause(source.text, words, start):
                    continue
                reach = words[end : end + AGENT_REACH]
                if not reach:
                    continue
                clause_end = _clause_end(source, words[start].end, reach[-1].end)
                named = _first_named(meeting, source, (words[end].start, clause_end))
                if named is not None and named[0] not in agents:
                    agents[named[0]] = (side, (words[start].start, named[1]))
    return agents


def _clause_end(source: Source, start: int, end: int) -> int:
    """Where the clause after a verb ends: its first punctuation mark, else `end`."""
    for at in range(start, end):
        if source.text[at] in "،,؛;:.":
            return at
    return end


def _first_named(meeting: Meeting, source: Source, span: Span) -> tuple[int, int] | None:
    """The participant named first in the span (in full or by surname), with where that name
    ends, when no other participant is named before it."""
    first: tuple[int, int, int] | None = None
    for index, person in enumerate(meeting.participants):
        name = person.name or ""
        parts = name.split()
        forms = [name, parts[-1]] if len(parts) > 1 and len(parts[-1]) >= 3 else [name]
        for form in filter(None, forms):
            for start, end in occurrences(source, form):
                if span[0] <= start < span[1] and (first is None or start < first[0]):
                    first = (start, end, index)
    return None if first is None else (first[2], first[1])
