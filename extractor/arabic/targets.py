"""States and groups that a sentence puts under a sanction or embargo.

News names the target after the measure and `على` or `ضد` (`فرض حظر أسلحة على جنوب السودان`,
`عقوبات اقتصادية على إيران`, `عقوبات على الحوثيين`), or before `تحت` and the measure (`ليبيا
تظل تحت حظر أسلحة`). A target is a country (name, short form, capital) or a movement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractor.arabic.countries import country_mentions
from extractor.arabic.institutions import MOVEMENTS
from extractor.arabic.lexicon import Word, word_set, words_of
from extractor.arabic.sanctions import BAN_COMPLEMENTS, BAN_WORDS, NAME_HEADS, SANCTION_WORDS
from extractor.arabic.time_words import TIME_WORDS

Span = tuple[int, int]

AGAINST = word_set("على", "ضد")
"""Words between a measure and its target."""

UNDER = word_set("تحت")
"""The word between a target and its measure (`ليبيا تحت حظر`)."""

_REACH = 4
"""Words a measure may stand from `على` (`حظر أسلحة دولي على`), and a target from it."""


@dataclass(frozen=True, slots=True)
class TargetMention:
    """A state or group under a measure: its surface as written, ORIGINAL span, and ISO3 code
    when it is a state."""

    surface: str
    span: Span
    iso3: str | None


def sanction_targets(text: str, span: Span) -> list[TargetMention]:
    """Every state or group that `text[span]` puts under a sanction or embargo, in text order."""
    words = words_of(text[span[0] : span[1]])
    stems = [word.stems for word in words]
    found: dict[Span, TargetMention] = {}
    for first, end, _ in SANCTION_WORDS.scan(stems):
        if first > 0 and NAME_HEADS.values([stems[first - 1]]):
            continue
        after = next(
            (i for i in range(end, min(end + _REACH, len(words))) if AGAINST.values([stems[i]])),
            None,
        )
        if after is not None:
            window = words[after + 1 : after + 1 + _REACH]
            _targets_in(text, span[0], window, found)
        if first > 1 and UNDER.values([stems[first - 1]]):
            _targets_in(text, span[0], words[max(first - 1 - _REACH, 0) : first - 1], found)
    return [found[key] for key in sorted(found)]


def _targets_in(
    text: str, base: int, window: Sequence[Word], found: dict[Span, TargetMention]
) -> None:
    """The countries and movements a run of words names."""
    if not window:
        return
    start, end = window[0].start, window[-1].end
    for mention in country_mentions(text[base + start : base + end]):
        if mention.kind == "demonym":
            continue  # `قائد ميليشيا ليبية`: the state is not the target
        where = (base + start + mention.start, base + start + mention.end)
        found.setdefault(where, TargetMention(mention.surface, where, mention.iso3))
    for first, last, _ in MOVEMENTS.scan([word.stems for word in window]):
        start, end = base + window[first].start, base + window[last - 1].end
        while (
            text[start] in "وفبل"
            and not text.startswith("ال", start)
            and MOVEMENTS.whole(text[start + 1 : end]) is not None
        ):
            start += 1  # a clitic (`والحوثيين`) is no part of the name
        found.setdefault((start, end), TargetMention(text[start:end], (start, end), None))


_ON = ("على", "ضد")

ON_WORDS = word_set(*_ON)
"""The word before the target of a measure (`عقوبات على إيران`, `حظر أسلحة ضد`)."""

TOWARD = word_set(*_ON, "إلى")
"""Words before whom a measure is aimed: its target (`عقوبات على إيران`) or the recipient of
what it bans (`حظر توريد الأسلحة إلى المتمردين`)."""

PHRASE_ENDS = word_set("في", "من", "على", "إلى", "عن", "مع", "منذ", "بعد", "قبل", "حتى")
"""Prepositions that end the words naming a target (`إلى المتمردين في اليمن`)."""

BESIDE_REACH = 6
"""Most words between a measure and the preposition before its target."""

PHRASE_WORDS = 4
"""Most words of a target's name offered (`الرئيس اليمني السابق علي`)."""


def words_beside_measures(text: str, span: Span) -> list[str]:
    """The words that name whom the measures of `text[span]` are aimed at, as written: after a
    measure's `على`, `ضد` or `إلى`, up to a preposition or punctuation, shortest and longest
    (`المتمردين`, `المتمردين الحوثيين`); what the measure bans (`على توريد الأسلحة`) is left
    out, and so are the targets `sanction_targets` finds (a state before `تحت حظر`)."""
    words = words_of(text[span[0] : span[1]])
    stems = [word.stems for word in words]
    measures = [m for m in SANCTION_WORDS.scan(stems) if not _in_name(stems, m[0])]
    measures += [m for m in BAN_WORDS.scan(stems) if not _in_name(stems, m[0])]
    found = [target.surface for target in sanction_targets(text, span)]
    for _, end, _ in sorted(measures):
        for at in range(end, min(end + BESIDE_REACH, len(words) - 1)):
            if TOWARD.values([stems[at]]) and not BAN_COMPLEMENTS.values([stems[at + 1]]):
                phrase = _phrase(text, span[0], words, stems, at + 1)
                found += [
                    text[span[0] + words[at + 1].start : span[0] + words[last].end]
                    for last in sorted({at + 1, phrase})
                ]
    return list(dict.fromkeys(found))


def _in_name(stems: Sequence[frozenset[str]], first: int) -> bool:
    """True when a sanction word is part of a name (`منظمة حظر الأسلحة`)."""
    return first > 0 and bool(NAME_HEADS.values([stems[first - 1]]))


def _phrase(
    text: str, base: int, words: Sequence[Word], stems: Sequence[frozenset[str]], first: int
) -> int:
    """The index of the last word of the name that begins at `first`: up to PHRASE_WORDS words,
    ended by a preposition, a time word (`عام 2015`), punctuation after a word, or a word that
    a preposition or `و` is joined to (`مسؤولين روس لستة أشهر`, `الحوثيين وحلفائهم`)."""
    last = first
    while last + 1 < min(first + PHRASE_WORDS, len(words)):
        gap = text[base + words[last].end : base + words[last + 1].start]
        following = text[base + words[last + 1].start : base + words[last + 1].end]
        ends = PHRASE_ENDS.values([stems[last + 1]]) or TIME_WORDS.values([stems[last + 1]])
        if gap.strip() or ends or _joined(following):
            break
        last += 1
    return last


JOINED = frozenset("وبل")
"""Letters of a conjunction or preposition written joined to the next word."""

NAME_LINKS = frozenset({"بن", "بنت"})
"""Words of a name that begin with one of `JOINED` (`محمد بن سلمان`)."""


def _joined(word: str) -> bool:
    """True when a word begins with a joined conjunction or preposition, and is no name link."""
    return word[:1] in JOINED and word not in NAME_LINKS and not word.startswith("ال")
