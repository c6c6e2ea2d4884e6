"""Who visits and who receives, read from the verb's construction.

The state of a visiting verb's agent is a guest of the meeting, a receiving verb's the host:
`زار نائب القائد العام الليبي رئيس الأركان` (verb, then an agent headed by a post, its state
a demonym), `أن وفدًا ليبيًا رفيع المستوى زار …` (a delegation or post with its demonym, then
the verb), `استقبل الرئيس المصري …`. The agent is read only as far as a post or delegation
phrase goes, so the object's state (`زار الرئيس ماكرون مصر`) is never taken for it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from extractor.arabic.countries import CountryMention, country_named
from extractor.arabic.lexicon import Lexicon, Word, word_set
from extractor.arabic.meeting_words import (
    CLAUSE_OPENERS,
    DELEGATION_NOUNS,
    DESTINATION_WORDS,
    PASSIVE_AGENTS,
    RECEIVING_VERBS,
    RECEPTION_NOUNS,
    VISIT_NOUNS,
    VISITING_VERBS,
)
from extractor.arabic.names import proclitic_splits
from extractor.arabic.normalize import normalize_text
from extractor.arabic.titles import HONORIFICS, POST_LINKS, POSTS

Side = Literal["host", "guest"]

AGENT_REACH = 6
"""Most words of an agent after its verb (`نائب القائد العام للقوات المسلحة الليبية`)."""

SUBJECT_GAP = 2
"""Most words between a subject's demonym and its verb (`وفدًا ليبيًا رفيع المستوى زار`)."""

SUBORDINATORS = word_set("أن", "بأن")
"""Words after which a subject opens its clause (`ذكر البيان أن وفدًا ليبيًا زار`)."""

STATE_KINDS = frozenset({"name", "short", "demonym"})
"""Mentions that name an agent's state; a capital after a verb is where it goes (`وصل الرياض`)."""

PLACE_KINDS = frozenset({"name", "short", "capital"})
"""Mentions that name a visit's destination (`إلى الكويت`, `للرياض`); a demonym names none."""

DESTINATION_REACH = 10
"""Most words between a visit noun and its destination (`زيارته الرسمية للكويت`)."""

ARRIVAL_REACH = 30
"""Most words between a visiting verb whose agent is a person and its destination: the
visitor's honorifics, name and posts stand between (`وصل صاحب السمو الملكي الأمير … وزير
الدفاع اليوم إلى المملكة الأردنية الهاشمية`), and no punctuation may."""

AGENT_HEADS = frozenset(normalize_text(word) for word in ("أمير", "صاحب"))
"""Words that head an agent besides the posts and honorifics: a ruler in construct form (`أمير
دولة الكويت`) and `صاحب` of `صاحب السمو`, `صاحب الجلالة`."""

_PUNCTUATION = '،,؛;:.()«»"“”'


@dataclass(frozen=True, slots=True)
class RoleCue:
    """A state that a verb's construction puts on one side, and the words from agent to verb."""

    side: Side
    iso3: str
    start: int
    end: int


def role_cues(
    text: str, words: Sequence[Word], mentions: Sequence[CountryMention]
) -> list[RoleCue]:
    """The states that the visiting and receiving verbs of one sentence put on a side: `words`
    and `mentions` are the sentence's, in ORIGINAL offsets of `text`."""
    states = _states_at(words, mentions)
    stems = [word.stems for word in words]
    cues: list[RoleCue] = []
    verbs: tuple[tuple[Lexicon[bool], Side], ...] = (
        (RECEIVING_VERBS, "host"),
        (VISITING_VERBS, "guest"),
    )
    for lexicon, side in verbs:
        for start, end, _ in lexicon.scan(stems):
            opens = opens_clause(text, words, start)
            agent = _agent_after(text, words, states, end) if opens else None
            if agent is not None:
                cues.append(RoleCue(side, agent[0], words[start].start, words[agent[1]].end))
            elif (subject := _subject_before(text, words, states, start)) is not None:
                cues.append(RoleCue(side, subject[0], words[subject[1]].start, words[end - 1].end))
    cues += _passive_receptions(text, words, stems, states)
    cues += _destinations(text, words, stems, mentions)
    return sorted(cues, key=lambda cue: cue.start)


def _passive_receptions(
    text: str,
    words: Sequence[Word],
    stems: Sequence[frozenset[str]],
    states: Mapping[int, str],
) -> list[RoleCue]:
    """The states of the agents of a passive reception, hosts (`خلال استقباله من قبل أمير
    دولة الكويت`)."""
    cues: list[RoleCue] = []
    for start, end, _ in RECEPTION_NOUNS.scan(stems):
        by = next(iter(PASSIVE_AGENTS.scan(stems[end : end + 2])), None)
        if by is None or by[0] != 0:
            continue
        if (agent := _agent_after(text, words, states, end + by[1])) is not None:
            cues.append(RoleCue("host", agent[0], words[start].start, words[agent[1]].end))
    return cues


def _destinations(
    text: str,
    words: Sequence[Word],
    stems: Sequence[frozenset[str]],
    mentions: Sequence[CountryMention],
) -> list[RoleCue]:
    """The states a visit goes to, hosts: a state or capital after `إلى` or the clitic `ل`,
    within DESTINATION_REACH words after a visit noun, or ARRIVAL_REACH after a visiting verb
    whose agent is a post, an honorific or a delegation."""
    verbs = [(s, ARRIVAL_REACH) for s, e, _ in VISITING_VERBS.scan(stems) if _headed(words, e)]
    nouns = [(start, DESTINATION_REACH) for start, _, _ in VISIT_NOUNS.scan(stems)]
    visits = sorted([*verbs, *nouns])
    cues: list[RoleCue] = []
    for mention in mentions:
        if mention.kind not in PLACE_KINDS:
            continue
        at = _word_at(words, mention.start)
        if at is None or not _led_to(text, words, at, mention):
            continue
        visit = next((v for v, reach in reversed(visits) if at - reach - 1 <= v < at), None)
        if visit is not None and not any(
            punctuated(text, words[k], words[k + 1]) for k in range(visit, at)
        ):
            cues.append(RoleCue("host", mention.iso3, words[visit].start, mention.end))
    return cues


def _headed(words: Sequence[Word], after: int) -> bool:
    """True when a post, honorific or delegation noun follows a verb: a person visits, not a
    value that reaches (`وصلت قيمة الصادرات إلى مصر`)."""
    return after < len(words) and is_head(words[after])


def _led_to(text: str, words: Sequence[Word], at: int, mention: CountryMention) -> bool:
    """True when a mention is a destination: after `إلى`, or behind the clitic `ل` (`للكويت`,
    not `ليبيا`)."""
    word = normalize_text(text[words[at].start : mention.end])
    if any(
        "ل" in clitic and country_named(rest) == mention.iso3
        for clitic, rest in proclitic_splits(word)
    ):
        return True
    return at > 0 and bool(DESTINATION_WORDS.values([words[at - 1].stems]))


def opens_clause(text: str, words: Sequence[Word], index: int) -> bool:
    """True when the word at `index` opens its clause: at the sentence's start, after
    punctuation, or after openers only (`وقد استقبل`, `كما زار`)."""
    at = index
    while at > 0 and CLAUSE_OPENERS.values([words[at - 1].stems]):
        at -= 1
    return at == 0 or punctuated(text, words[at - 1], words[at])


def _states_at(words: Sequence[Word], mentions: Sequence[CountryMention]) -> dict[int, str]:
    """Word index -> the state a name or demonym in that word names."""
    states: dict[int, str] = {}
    for mention in mentions:
        if mention.kind in STATE_KINDS and (at := _word_at(words, mention.start)) is not None:
            states[at] = mention.iso3
    return states


def _word_at(words: Sequence[Word], offset: int) -> int | None:
    """The index of the word that holds an offset, if one does."""
    at = bisect_right([word.start for word in words], offset) - 1
    return at if at >= 0 and offset < words[at].end else None


def _agent_after(
    text: str, words: Sequence[Word], states: Mapping[int, str], first: int
) -> tuple[str, int] | None:
    """The state of the agent phrase that starts at `first` (a post, honorific or delegation
    noun, then its complements), with the index of the word naming it."""
    if first >= len(words) or not is_head(words[first]):
        return None
    definite_before = False
    for index in range(first + 1, min(first + AGENT_REACH, len(words))):
        word = words[index]
        if punctuated(text, words[index - 1], word):
            return None
        if index in states:
            return states[index], index
        definite = is_definite(text, word)
        if definite_before and not definite and is_head(word):
            return None  # a new noun phrase: the verb's object (`رئيس الوزراء رئيس الأركان`)
        if not (definite or is_head(word) or not POST_LINKS.isdisjoint(word.stems)):
            return None
        definite_before = definite
    return None


def _subject_before(
    text: str, words: Sequence[Word], states: Mapping[int, str], verb: int
) -> tuple[str, int] | None:
    """The state of a subject that opens its clause right before the verb (a post or
    delegation noun, its demonym, at most SUBJECT_GAP words), with the index of its head."""
    for index in range(max(verb - 1 - SUBJECT_GAP, 1), verb):
        head = index - 1
        if index not in states or not is_head(words[head]):
            continue
        opens = opens_clause(text, words, head) or bool(
            head and SUBORDINATORS.values([words[head - 1].stems])
        )
        if opens and not any(punctuated(text, words[k], words[k + 1]) for k in range(head, verb)):
            return states[index], head
    return None


def is_head(word: Word) -> bool:
    """True for a word that may head an agent: a post, an honorific or a delegation noun."""
    return not word.stems.isdisjoint(POSTS | HONORIFICS | AGENT_HEADS) or bool(
        DELEGATION_NOUNS.values([word.stems])
    )


def is_definite(text: str, word: Word) -> bool:
    """True for a word with the article, behind a conjunction or not (`القوات`, `والدفاع`)."""
    return normalize_text(text[word.start : word.end]).startswith(("ال", "وال", "فال"))


def punctuated(text: str, before: Word, after: Word) -> bool:
    """True when a punctuation mark stands between two words."""
    return any(mark in text[before.end : after.start] for mark in _PUNCTUATION)
