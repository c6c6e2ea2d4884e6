"""Where a meeting is held and where another occasion of a visit begins, read from a sentence.

News names the building after `في` or the clitic `ب` (`في ديوان رئاسة الوزراء`, `بمقر القوات
الجوية بإسلام آباد`) and runs on to a time, a clause or a punctuation mark. A visit's other
occasions open their own sentences (`كما زار …`, `كما التقى …`, `وفي وقت سابق، ناقش …`).
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.arabic.lexicon import Word, word_set
from extractor.arabic.names import stems_behind_bi
from extractor.arabic.normalize import normalize_text
from extractor.arabic.time_words import TIME_WORDS
from extractor.arabic.visits import punctuated

MEETING_PLACE_HEADS = word_set(
    "مقر", "ديوان", "قصر", "مكتب", "مبنى", "فندق", "قاعة", "مطار", "وزارة", "دار",
)  # fmt: skip
"""Buildings a meeting is held in (`في مقر البحرية`, `بقصر بيان`)."""

PLACE_STOPS = word_set("اليوم", "أمس", "غدا", "حيث", "وذلك", "لبحث", "بحضور", "الذي", "التي")
"""Words that end a place phrase: a time or a clause that follows the place."""

PLACE_REACH = 6
"""Most words of a place phrase after its head."""

OCCASION_OPENERS = word_set(
    "كما زار", "كما زارت", "كما التقى", "كما التقت", "كما استقبل", "كما استقبلت", "كما اجتمع",
    "كما بحث", "كما ناقش", "وفي وقت سابق", "وفي وقت لاحق", "في وقت سابق", "في وقت لاحق",
)  # fmt: skip
"""Words that open a sentence telling another occasion of a visit: another meeting."""


def meeting_place(text: str, words: Sequence[Word]) -> tuple[int, int] | None:
    """The span of the first building a sentence's words name after `في` or `ب`: its name (one
    word, `قصر بيان`, or a genitive, `ديوان رئاسة الوزراء`), its definite adjectives and a
    city after `ب` (`بإسلام آباد`), as far as a time, a clause word, punctuation or PLACE_REACH
    words; None when it names none."""
    for index, word in enumerate(words):
        if not _at_building(text, words, index):
            continue
        end = index
        for later in range(index + 1, min(index + 1 + PLACE_REACH, len(words))):
            if punctuated(text, words[later - 1], words[later]) or _stops(words[later]):
                break
            if not _in_name(text, words, later, head=index):
                break
            end = later
        return word.start + (1 if _behind_bi(text, word) else 0), words[end].end
    return None


def opens_occasion(words: Sequence[Word]) -> bool:
    """True when a sentence's first words open another occasion (`كما زار`, `وفي وقت سابق`)."""
    first = next(iter(OCCASION_OPENERS.scan([word.stems for word in words[:4]])), None)
    return first is not None and first[0] == 0


def _at_building(text: str, words: Sequence[Word], index: int) -> bool:
    """True when the word is a building noun after `في` or behind the clitic `ب`."""
    word = words[index]
    after_in = index > 0 and normalize_text(_raw(text, words[index - 1])) == "في"
    return (after_in and bool(MEETING_PLACE_HEADS.values([word.stems]))) or _behind_bi(text, word)


def _behind_bi(text: str, word: Word) -> bool:
    """True for a building noun behind the clitic `ب` (`بمقر`, `بقصر`)."""
    return bool(MEETING_PLACE_HEADS.values([stems_behind_bi(normalize_text(_raw(text, word)))]))


def _raw(text: str, word: Word) -> str:
    """The word as written."""
    return text[word.start : word.end]


def _in_name(text: str, words: Sequence[Word], index: int, *, head: int) -> bool:
    """True when a word goes on the name of the building at `head`: the word right after the
    head, a definite word, a city behind the clitic `ب` further on (`بإسلام آباد`), or the
    word after that city's first (`قصر بيان تسليم` ends at `بيان`)."""
    word = normalize_text(_raw(text, words[index]))
    definite = word.startswith(("ال", "وال"))
    if index == head + 1 or definite or word.startswith("ب"):
        return True
    before = normalize_text(_raw(text, words[index - 1]))
    return index - 1 > head + 1 and before.startswith("ب")


def _stops(word: Word) -> bool:
    """True for a word that ends a place phrase."""
    return bool(PLACE_STOPS.values([word.stems]) or TIME_WORDS.values([word.stems]))
