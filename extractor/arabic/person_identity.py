"""When two names are one person: the one rule of coverage (a text's names against the facts'),
identity (the meetings of one article) and the register (the meetings of many outlets)."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from extractor.arabic.named_people import COMPOUND_HEADS, FILIATIONS
from extractor.arabic.normalize import normalize_text

NAME_WORD_THRESHOLD = 80.0
"""Least `fuzz.ratio` for two words of a person's name to be one word spelt two ways
(`ترمب` / `ترامب` 88.9, `بوتن` / `بوتين` 88.9; `سلمان` / `سليمان` 90.9 is a risk the states and
dates of a meeting guard against)."""

_SHORTEST_VARIANT = 4
"""Words shorter than this match only as written: a letter more is another name (`علي`)."""


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """A name's normalized words, `عبد العزيز` joined as `عبدالعزيز` (Arabic writes both)."""
    words: list[str] = []
    for word in normalize_text(name).split():
        if words and words[-1] in COMPOUND_HEADS:
            words[-1] += word
        else:
            words.append(word)
    return tuple(words)


def _same_word(first: str, second: str) -> bool:
    """One word of a name, as written or spelt two ways (`ترمب`, `ترامب`)."""
    if first == second:
        return True
    short = min(len(first), len(second))
    return (
        short >= _SHORTEST_VARIANT
        and fuzz.ratio(first, second, processor=None) >= NAME_WORD_THRESHOLD
    )


def _position(word: str, words: tuple[str, ...], start: int) -> int | None:
    """Where a word of one name stands in another from `start` on: as written, else spelt
    another way."""
    if word in words[start:]:
        return words.index(word, start)
    return next((at for at in range(start, len(words)) if _same_word(word, words[at])), None)


def _positions(shorter: tuple[str, ...], longer: tuple[str, ...]) -> list[int] | None:
    """Where each word of the shorter name stands in the longer, in order; None when one is
    missing or out of order (`صباح الأحمد الصباح` is not `نواف الأحمد الجابر الصباح`)."""
    found: list[int] = []
    for word in shorter:
        position = _position(word, longer, found[-1] + 1 if found else 0)
        if position is None:
            return None
        found.append(position)
    return found


def same_person(first: str, second: str) -> bool:
    """True when two names are one person: the words of the shorter are words of the longer, in
    its order (`ترمب` of `دونالد ترامب`, `سلمان بن عبد العزيز` of `سلمان بن عبدالعزيز آل سعود`), and
    the shorter is the family name alone (`بومبيو`) or its given name is no father's there.

    The "son of" rule: `سلمان بن عبدالعزيز` inside `خالد بن سلمان بن عبدالعزيز` follows `بن`,
    so it names the father of the longer name's bearer, another person."""
    shorter, longer = sorted((name_words(first), name_words(second)), key=len)
    positions = _positions(shorter, longer)
    if not positions:
        return False
    given = positions[0]
    if len(shorter) == 1 and given == len(longer) - 1:
        return True  # the family name alone
    return given == 0 or longer[given - 1] not in FILIATIONS
