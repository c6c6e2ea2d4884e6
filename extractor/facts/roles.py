"""A delegate's state and side read from the text (docs/contract.md, rule 3).

The state is the one the delegate's own titles name, in the answer or before their name in the
article (`رئيس وزراء باكستان`, `قائد القوات الجوية الباكستانية`); else the host's for a person
the article lists among those who received the visitor (`وكان في استقباله …`); else the one of
the delegation the article lists them in (`وفد ليبي يضم …`); else the model's; else the state
of the side the model put them on. The side then follows from the state and the host: a
delegate of the host state hosts, one of another state is a guest, and a receiver of no known
state hosts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from extractor.arabic.countries import country_for, country_mentions
from extractor.arabic.lexicon import Word, words_of
from extractor.arabic.meeting_words import (
    ATTENDANCE,
    DELEGATION_NOUNS,
    POSTED_TO,
    RECEIVERS,
    RECEPTION_LEADS,
    RECEPTION_NOUNS,
    SIDE_NOUNS,
)
from extractor.arabic.named_people import PersonMention, Span, people_named
from extractor.arabic.normalize import normalize_text
from extractor.arabic.sentences import split_sentences
from extractor.arabic.titles import object_post_start
from extractor.arabic.visits import is_definite, is_head
from extractor.schemas import Delegate, Meeting

STATE_REACH = 6
"""Most words between a delegation noun and the state, or the person it accompanies, named
after it (`الوفد المرافق لولي العهد السعودي`, `وفدًا ليبيًا رفيع المستوى`)."""


def title_state(titles: Sequence[str]) -> str | None:
    """The state the delegate's own titles name first, outside where a post serves, and only
    from the object's post on in a title copied across a verb (`titles.object_post_start`)."""
    for title in titles:
        words = words_of(title)
        start = object_post_start(title)
        for mention in country_mentions(title):
            before = [word.stems for word in words if word.end <= mention.start][-1:]
            if mention.start >= start and not POSTED_TO.values(before):
                return mention.iso3
    return None


LEAD_REACH = 12
"""Most words before a name read for the post that leads it in a list (`والملحق العسكري السعودي
في الأردن العقيد سليمان العسكر`)."""


def family_state(name: str) -> str | None:
    """The state a ruling family in the delegate's own name places them in (`تميم بن حمد آل
    ثاني`), if one does."""
    return next((m.iso3 for m in country_mentions(name) if m.kind == "title"), None)


def lead_state(text: str, lead: Span) -> str | None:
    """The state named nearest before a name in the post phrase that leads to it (`lead`: the
    words since the person named before it in the sentence, at most LEAD_REACH, from the last
    post that opens a new noun phrase), outside where a post serves: `سفير خادم الحرمين
    الشريفين لدى الأردن` is Saudi Arabia's, `السفير السعودي بواشنطن` too (a capital names where),
    and in `زار نائب القائد العام الليبي رئيس أركان البحرية` the navy chief's post names none."""
    words = _post_phrase(text, [w for w in words_of(text) if lead[0] <= w.start < lead[1]])
    if not words:
        return None
    phrase = (words[0].start, words[-1].end)
    for mention in reversed(country_mentions(text[phrase[0] : phrase[1]])):
        before = [w.stems for w in words if w.end <= phrase[0] + mention.start][-1:]
        if mention.kind != "capital" and not POSTED_TO.values(before):
            return mention.iso3
    return None


def _post_phrase(text: str, words: Sequence[Word]) -> Sequence[Word]:
    """The last LEAD_REACH words, from the last post that follows a definite word without a
    link: a new noun phrase (the verb's object after its agent)."""
    words = words[-LEAD_REACH:]
    for index in range(len(words) - 1, 0, -1):
        new = is_head(words[index]) and not is_definite(text, words[index])
        if new and is_definite(text, words[index - 1]):
            return words[index:]
    return words


def delegation_state(
    text: str, sentence: Span, mention: PersonMention, states: Mapping[str, str]
) -> str | None:
    """The state of the delegation or side the sentence lists the person in: the nearest
    delegation or side noun before the name (an attendance word between a delegation and the
    name lists others, unless a side noun opens it), then the state named within STATE_REACH
    words after that noun, else the state of the participant (`states`, by normalized name)
    named there, whom the delegation accompanies."""
    words = _words_before(text, sentence, mention)
    for index in range(len(words) - 1, -1, -1):
        stems = [words[index].stems]
        if _delegation_or_side(words[index]):
            break
        if ATTENDANCE.values(stems) and not any(
            SIDE_NOUNS.values([w.stems]) for w in words[max(index - STATE_REACH, 0) : index]
        ):
            return None
    else:
        return None
    reach = words[index + 1 : index + 1 + STATE_REACH]
    if not reach:
        return None
    after = text[reach[0].start : reach[-1].end]
    if named := country_mentions(after):
        return named[0].iso3
    words_after = normalize_text(after)
    return next(
        (
            state
            for name, state in states.items()
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words_after)
        ),
        None,
    )


def among_receivers(text: str, sentence: Span, mention: PersonMention) -> bool:
    """True when the sentence lists the person among those who received the visitor: after
    `في` and a reception noun (`وكان في استقباله`, `كما كان في الاستقبال`) or after `مستقبليه`,
    with no delegation or side noun between (`وفي استقباله … والوفد المرافق` lists the guests
    after the delegation noun)."""
    words = _words_before(text, sentence, mention)
    for index in range(len(words) - 1, -1, -1):
        stems = [words[index].stems]
        if _delegation_or_side(words[index]):
            return False
        if RECEIVERS.values(stems):
            return True
        if RECEPTION_NOUNS.values(stems):
            return index > 0 and bool(RECEPTION_LEADS.values([words[index - 1].stems]))
    return False


def _words_before(text: str, sentence: Span, mention: PersonMention) -> list[Word]:
    """The words of the sentence before the person's name."""
    return [w for w in words_of(text) if sentence[0] <= w.start and w.end <= mention.span[0]]


def _delegation_or_side(word: Word) -> bool:
    """True for a delegation noun (`وفد`) or a side noun (`الجانب`)."""
    return bool(SIDE_NOUNS.values([word.stems]) or DELEGATION_NOUNS.values([word.stems]))


def receives_visitor(text: str, name: str) -> bool:
    """True when the article first names the person among those who received the visitor."""
    found = _mentions(text).get(normalize_text(name))
    return found is not None and among_receivers(text, found[1], found[0])


@lru_cache(maxsize=8)
def _mentions(text: str) -> Mapping[str, tuple[PersonMention, Span, Span]]:
    """The persons the article names, by their normalized name: the first mention each, with
    its sentence and the words that lead to it from the person named before it there (cached:
    every assembly of one article's answers reads the same text)."""
    found: dict[str, tuple[PersonMention, Span, Span]] = {}
    for span in split_sentences(text):
        previous_end = span[0]
        for mention in people_named(text, span):
            lead = (previous_end, mention.span[0])
            found.setdefault(normalize_text(mention.name), (mention, span, lead))
            previous_end = mention.span[1]
    return found


def _side_state(meeting: Meeting, side: str | None) -> str | None:
    """The state of a side: the host's, or the one guest state."""
    if side == "host":
        return meeting.host_country
    if side == "guest" and len(meeting.guest_countries) == 1:
        return meeting.guest_countries[0]
    return None


def sides_dispute_host(host: str | None, people: Sequence[Delegate]) -> bool:
    """True when the sides the delegates were given dispute the host: its state only among the
    guests, or another state only among the hosts. The sides are then kept as given, so that
    the host is asked about (`verify/hosts.py`) instead of every side following a wrong host."""
    sides = {
        side: {person.country for person in people if person.side == side and person.country}
        for side in ("host", "guest")
    }
    if host is None:
        return False
    return (host in sides["guest"] and host not in sides["host"]) or bool(
        sides["host"] - sides["guest"] - {host}
    )


def _side(meeting: Meeting, country: str | None, side: str | None) -> str | None:
    """The side a state puts its delegate on; the given side without a state or a host."""
    if country is None or meeting.host_country is None:
        return side
    return "host" if country == meeting.host_country else "guest"


def _own_states(meeting: Meeting, text: str) -> dict[str, str]:
    """Each named delegate's state before delegations are read: their titles', else the
    model's, by normalized name."""
    states: dict[str, str] = {}
    for person in meeting.participants:
        if person.name and (state := title_state(_titles(person, text)) or person.country):
            states[normalize_text(person.name)] = state
    return states


def _titles(person: Delegate, text: str) -> list[str]:
    """The delegate's titles: the answer's and those before their name in the article."""
    found = _mentions(text).get(normalize_text(person.name)) if person.name else None
    return [*person.titles, *(found[0].titles if found else ())]


def delegate_roles(meeting: Meeting, text: str) -> Meeting:
    """The meeting with each delegate's state and side read from the text, and every delegate's
    state other than the host's among the guests (when the host is known)."""
    mentions = _mentions(text)
    states = _own_states(meeting, text)
    people: list[Delegate] = []
    for person in meeting.participants:
        key = normalize_text(person.name) if person.name else None
        found = mentions.get(key) if key else None
        others = {name: state for name, state in states.items() if name != key}
        receives = found is not None and among_receivers(text, found[1], found[0])
        country = (
            title_state(_titles(person, text))
            or (family_state(person.name) if person.name else None)
            or (lead_state(text, found[2]) if found else None)
            or (meeting.host_country if receives else None)
            or (delegation_state(text, found[1], found[0], others) if found else None)
            or person.country
            or _side_state(meeting, person.side)
        )
        side = "host" if receives and country in (None, meeting.host_country) else person.side
        people.append(person.model_copy(update={"country": country, "side": side}))
    place = country_for(meeting.location_text) if meeting.location_text else None
    if place == meeting.host_country or not sides_dispute_host(meeting.host_country, people):
        people = [p.model_copy(update={"side": _side(meeting, p.country, p.side)}) for p in people]
    guests = list(meeting.guest_countries)
    if meeting.host_country is not None:
        states_named = (person.country for person in people)
        guests += [s for s in states_named if s and s != meeting.host_country and s not in guests]
    return meeting.model_copy(update={"participants": people, "guest_countries": guests})
