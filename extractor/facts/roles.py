"""A delegate's state and side read from the text (docs/contract.md, rule 3).

The state is the one the delegate's own titles name, in the answer or before their name in the
article (`رئيس وزراء باكستان`, `قائد القوات الجوية الباكستانية`); else the one of the
delegation the article lists them in (`وفد ليبي يضم …`); else the model's; else the state of
the side the model put them on. The side then follows from the state and the host: a delegate
of the host state hosts, one of another state is a guest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from extractor.arabic.countries import country_mentions
from extractor.arabic.lexicon import word_set, words_of
from extractor.arabic.normalize import normalize_text
from extractor.arabic.people import PersonMention, people_named
from extractor.arabic.sentences import split_sentences
from extractor.schemas import Delegate, Meeting

POSTED_TO = word_set("لدى", "إلى", "الى", "في", "لشؤون")
"""Words after which a title names where a post serves, not whom it represents (`سفير الإمارات
لدى روسيا`, `المبعوث الأممي إلى ليبيا`)."""

DELEGATION_NOUNS = word_set("وفد", "وفدا", "الوفد", "الوفود", "الجانب")
"""The nouns of a delegation or a side, whose state is named right after them (`الوفد الليبي`,
`وفي الجانب الأميركي، حضر …`)."""

MARKER_REACH = 3
"""Most words between a delegation noun and the delegation word a list follows (`وفد ليبي
رفيع يضم`)."""

STATE_REACH = 4
"""Most words between a delegation noun and the state named after it (`الوفد المرافق لولي العهد
السعودي`)."""


def title_state(titles: Sequence[str]) -> str | None:
    """The state the delegate's own titles name first, outside where a post serves."""
    for title in titles:
        words = words_of(title)
        for mention in country_mentions(title):
            before = [word.stems for word in words if word.end <= mention.start][-1:]
            if not POSTED_TO.values(before):
                return mention.iso3
    return None


def delegation_state(text: str, mention: PersonMention) -> str | None:
    """The state of the delegation the article lists the person in: named within STATE_REACH
    words after a delegation noun near the list's delegation word, before the person's name."""
    if mention.marker is None:
        return None
    words = words_of(text)
    at = next(i for i, word in enumerate(words) if word.end >= mention.marker[1])
    for index in range(max(at - MARKER_REACH, 0), at + 1):
        if not DELEGATION_NOUNS.values([words[index].stems]):
            continue
        reach = [w for w in words[index + 1 : index + 1 + STATE_REACH] if w.end <= mention.span[0]]
        if reach and (named := country_mentions(text[reach[0].start : reach[-1].end])):
            return named[0].iso3
    return None


@lru_cache(maxsize=8)
def _mentions(text: str) -> Mapping[str, PersonMention]:
    """The persons the article names, by their normalized name (the first mention each);
    cached, because every assembly of one article's answers reads the same text."""
    found: dict[str, PersonMention] = {}
    for span in split_sentences(text):
        for mention in people_named(text, span):
            found.setdefault(normalize_text(mention.name), mention)
    return found


def _side_state(meeting: Meeting, side: str | None) -> str | None:
    """The state of a side: the host's, or the one guest state."""
    if side == "host":
        return meeting.host_country
    if side == "guest" and len(meeting.guest_countries) == 1:
        return meeting.guest_countries[0]
    return None


def _side(meeting: Meeting, country: str | None, side: str | None) -> str | None:
    """The side a state puts its delegate on; the given side without a state or a host."""
    if country is None or meeting.host_country is None:
        return side
    return "host" if country == meeting.host_country else "guest"


def delegate_roles(meeting: Meeting, text: str) -> Meeting:
    """The meeting with each delegate's state and side read from the text, and every delegate's
    state other than the host's among the guests (when the host is known)."""
    mentions = _mentions(text)
    people: list[Delegate] = []
    for person in meeting.participants:
        mention = mentions.get(normalize_text(person.name)) if person.name else None
        titles = [*person.titles, *(mention.titles if mention else ())]
        country = (
            title_state(titles)
            or (delegation_state(text, mention) if mention else None)
            or person.country
            or _side_state(meeting, person.side)
        )
        side = _side(meeting, country, person.side)
        people.append(person.model_copy(update={"country": country, "side": side}))
    guests = list(meeting.guest_countries)
    if meeting.host_country is not None:
        states = (person.country for person in people)
        guests += [s for s in states if s and s != meeting.host_country and s not in guests]
    return meeting.model_copy(update={"participants": people, "guest_countries": guests})
