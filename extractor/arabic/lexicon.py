"""Reviewed word tables looked up by word, clitics and the article cut off, longest phrase first.

A table entry is a phrase as an Arabic news outlet writes it (`منظومة دفاع جوي`); it matches a
run of words that read as it once proclitics and the article are cut off each word (`ومنظومة
الدفاع الجوي`). Plurals and other forms are entries of their own. Words compare normalized.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

import regex

from extractor.arabic.names import strip_clitics
from extractor.arabic.normalize import normalize, normalize_text

Value = TypeVar("Value")

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*")


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a text: where it stands (ORIGINAL offsets) and the stems it may be read as."""

    start: int
    end: int
    stems: frozenset[str]


_CLITIC_INITIALS = frozenset("وفبلكا")
"""Letters a proclitic or the article begins with: a word starting otherwise is its own stem."""


@lru_cache(maxsize=16384)
def stems(word: str) -> frozenset[str]:
    """A normalized word and its readings without proclitics and the article."""
    if word[:1] not in _CLITIC_INITIALS:
        return frozenset((word,))
    return frozenset(strip_clitics(word))


def _bare(word: str) -> str:
    """A normalized entry word without its article: entries match with or without one."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def entry_key(phrase: str) -> tuple[str, ...]:
    """How a table compares an entry: its normalized words, each without its article."""
    return tuple(_bare(word) for word in _WORD.findall(normalize_text(phrase)))


@lru_cache(maxsize=256)
def words_of(text: str) -> tuple[Word, ...]:
    """The words of a text with their stems, in ORIGINAL offsets; cached, because every check
    of a document reads the same article."""
    normalized = normalize(text)
    found = []
    for match in _WORD.finditer(normalized.text):
        start, end = normalized.to_original(match.start(), match.end())
        found.append(Word(start, end, stems(match.group())))
    return tuple(found)


@lru_cache(maxsize=256)
def stem_index(text: str) -> dict[str, tuple[int, ...]]:
    """Each stem of a text's words -> the positions (in `words_of(text)`) of the words that
    read as it; cached like the words."""
    index: dict[str, list[int]] = {}
    for position, word in enumerate(words_of(text)):
        for stem in word.stems:
            index.setdefault(stem, []).append(position)
    return {stem: tuple(positions) for stem, positions in index.items()}


@lru_cache(maxsize=4096)
def phrase_words(phrase: str) -> tuple[frozenset[str], ...]:
    """The stems of each word of a short phrase (a name, a designation); cached."""
    return tuple(stems(word) for word in _WORD.findall(normalize_text(phrase)))


SCANS_KEPT = 4096
"""Runs of words a table remembers its hits in before it starts afresh."""


class Lexicon(Generic[Value]):
    """Phrases -> values, found as whole runs of words in a text."""

    def __init__(self, entries: Iterable[tuple[str, Value]]) -> None:
        self._table: dict[tuple[str, ...], Value] = {}
        for phrase, value in entries:
            key = entry_key(phrase)
            if key:  # a phrase of no words (`ـ`, a mark alone) matches nothing
                self._table.setdefault(key, value)
        self._first = frozenset(key[0] for key in self._table)
        self._longest = max((len(key) for key in self._table), default=0)
        self._scans: dict[tuple[frozenset[str], ...], tuple[tuple[int, int, Value], ...]] = {}

    def scan(self, words: Sequence[frozenset[str]]) -> Iterator[tuple[int, int, Value]]:
        """(first word, end word, value) for every entry in a run of words, longest first;
        remembered per run (the checks of a document read the same sentences often)."""
        run = tuple(words)
        if run not in self._scans:
            if len(self._scans) >= SCANS_KEPT:
                self._scans.clear()
            self._scans[run] = tuple(self._scan(run))
        return iter(self._scans[run])

    def _scan(self, words: Sequence[frozenset[str]]) -> Iterator[tuple[int, int, Value]]:
        index = 0
        while index < len(words):
            best: tuple[int, Value] | None = None
            if not self._first.isdisjoint(words[index]):
                best = self._longest_at(words, index)
            if best is None:
                index += 1
                continue
            size, value = best
            yield index, index + size, value
            index += size

    def _longest_at(self, words: Sequence[frozenset[str]], index: int) -> tuple[int, Value] | None:
        best: tuple[int, Value] | None = None
        keys: list[tuple[str, ...]] = [(stem,) for stem in words[index] if stem in self._first]
        for size in range(1, min(self._longest, len(words) - index) + 1):
            if size > 1:
                keys = [(*key, stem) for key in keys for stem in words[index + size - 1]]
            for key in keys:
                if key in self._table:
                    best = (size, self._table[key])
                    break
        return best

    def values(self, words: Sequence[frozenset[str]]) -> list[Value]:
        """The values of every entry in a run of words, in order."""
        return [value for _, _, value in self.scan(words)]

    def whole(self, phrase: str) -> Value | None:
        """The value of an entry that is the whole phrase, if one is."""
        words = phrase_words(phrase)
        hits = list(self.scan(words))
        if len(hits) == 1 and hits[0][:2] == (0, len(words)):
            return hits[0][2]
        return None

    def first(self, phrase: str) -> Value | None:
        """The value of an entry that starts the phrase, if one does."""
        hits = self.scan(phrase_words(phrase))
        hit = next(hits, None)
        return hit[2] if hit is not None and hit[0] == 0 else None

    def __contains__(self, phrase: object) -> bool:
        return isinstance(phrase, str) and self.whole(phrase) is not None


def word_set(*phrases: str) -> Lexicon[bool]:
    """A table that only says whether a phrase is listed."""
    return Lexicon((phrase, True) for phrase in phrases)
