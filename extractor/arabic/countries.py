"""Countries and international bodies named in Arabic text, as ISO 3166-1 alpha-3 codes.

The gazetteer is CLDR's Arabic territory names (through babel, mapped to alpha-3 by pycountry)
plus the reviewed tables of `country_aliases` (short forms, demonyms in every inflection,
capitals as metonyms) and `royal_titles` (`خادم الحرمين الشريفين`, `آل ثاني`). Lookup is by
word n-grams on normalized text, clitic-aware (`وليبيا`, `بالسعودية`, `للسعودية`), longest
match first (`جنوب السودان` is SSD, not SDN).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Generic, Literal, TypeVar

import babel
import pycountry
import regex

from extractor.arabic import country_aliases as aliases
from extractor.arabic.names import proclitic_splits
from extractor.arabic.normalize import Normalized, normalize, normalize_text
from extractor.arabic.number_roles import RESOLUTION_WORDS
from extractor.arabic.royal_titles import ROYAL_TITLES

Kind = Literal["name", "short", "demonym", "capital", "title"]
Value = TypeVar("Value")

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_PARENTHESIS = regex.compile(r"\s*\([^)]*\)")
_DEMONYM_SUFFIXES = ("", "ه", "ين", "ون", "ات", "ان", "تان", "تين")  # ه is ة once normalized


@dataclass(frozen=True, slots=True)
class CountryMention:
    """A country named in the text: ORIGINAL offsets, the surface without its clitic, and how."""

    iso3: str
    start: int
    end: int
    surface: str
    kind: Kind


def _key(surface: str) -> str:
    """The lookup form of a phrase: normalized words joined by single spaces."""
    return " ".join(_WORD.findall(normalize_text(surface)))


class _Gazetteer(Generic[Value]):
    """Normalized phrases -> values (None: a phrase that names nothing), found by the longest
    run of words starting at each word, after cutting off a proclitic."""

    def __init__(self, entries: Iterable[tuple[str, Value | None]]) -> None:
        self._table: dict[str, Value | None] = {}
        for surface, value in entries:
            self._table.setdefault(_key(surface), value)
        self._first = frozenset(key.split(" ", 1)[0] for key in self._table)
        self._longest = max(key.count(" ") + 1 for key in self._table)

    def get(self, surface: str) -> Value | None:
        """The value of a whole phrase, with or without a leading clitic."""
        words = _key(surface).split(" ")
        rest = words[1:]
        for _, stem in proclitic_splits(words[0]):
            key = " ".join([stem, *rest])
            if key in self._table:
                return self._table[key]
        return None

    def scan(self, text: str) -> Iterator[tuple[int, int, Value]]:
        """(start, end, value) in `text` (normalized) for every non-overlapping entry."""
        spans = [(match.start(), match.end()) for match in _WORD.finditer(text)]
        words = [text[start:end] for start, end in spans]
        index = 0
        while index < len(words):
            best: tuple[int, int, Value | None] | None = None  # (words, start, value)
            for _, stem in _splits(words[index]):
                if stem not in self._first:
                    continue
                parts = [stem]
                for size in range(1, self._longest + 1):
                    if size > 1:
                        at = index + size - 1
                        if at >= len(words) or text[spans[at - 1][1] : spans[at][0]].strip(" -"):
                            break
                        parts.append(words[at])
                    key = " ".join(parts)
                    if key in self._table and (best is None or size > best[0]):
                        start = spans[index][0] + len(words[index]) - len(stem)
                        best = (size, start, self._table[key])
            if best is None:
                index += 1
                continue
            size, start, value = best
            if value is not None:
                yield start, spans[index + size - 1][1], value
            index += size


@lru_cache(maxsize=8192)
def _splits(word: str) -> list[tuple[str, str]]:
    """`proclitic_splits`, cached: the same words recur in every article."""
    return proclitic_splits(word)


def cldr_names() -> Iterator[tuple[str, str]]:
    """(iso3, Arabic name) for every CLDR territory that is an ISO 3166-1 country."""
    for alpha2, name in babel.Locale("ar").territories.items():
        country = pycountry.countries.get(alpha_2=alpha2) if len(alpha2) == 2 else None
        if country is not None:
            yield country.alpha_3, _PARENTHESIS.sub("", name)


def _demonym_forms(adjective: str) -> Iterator[str]:
    """Every inflection of a nisba adjective, each word inflected alike: `ليبي` -> `الليبيه`,
    `ليبيين`, `ليبيون`, `ليبيا` (accusative tanween)…"""
    words = _key(adjective).split(" ")
    for suffix in _DEMONYM_SUFFIXES:
        yield " ".join(word + suffix for word in words)
        yield " ".join("ال" + word + suffix for word in words)
    yield " ".join(word + "ا" for word in words)


def _country_entries() -> Iterator[tuple[str, tuple[str, Kind] | None]]:
    """The gazetteer's entries, strongest kind first (the first entry for a phrase wins)."""
    for phrase in aliases.UNMAPPED:
        yield phrase, None
    for iso3, name in cldr_names():
        yield name, (iso3, "name")
    tables: tuple[tuple[Kind, dict[str, tuple[str, ...]]], ...] = (
        ("name", aliases.NAMES),
        ("short", aliases.SHORT_FORMS),
    )
    for kind, table in tables:
        for iso3, phrases in table.items():
            for phrase in phrases:
                yield phrase, (iso3, kind)
    for iso3, adjectives in aliases.DEMONYMS.items():
        for adjective in adjectives:
            for form in _demonym_forms(adjective):
                yield form, (iso3, "demonym")
    for iso3, plurals in aliases.PLURAL_DEMONYMS.items():
        for plural in plurals:
            yield plural, (iso3, "demonym")
    for iso3, capitals in aliases.CAPITALS.items():
        for capital in capitals:
            yield capital, (iso3, "capital")
    for iso3, titles in ROYAL_TITLES.items():
        for title in titles:
            yield title, (iso3, "title")


@cache
def _countries() -> _Gazetteer[tuple[str, Kind]]:
    """The country gazetteer, built on first use (≈ 0.1 s) and kept."""
    return _Gazetteer(_country_entries())


@cache
def _bodies() -> _Gazetteer[str]:
    """The international bodies, with national security councils consumed as nothing."""
    entries: list[tuple[str, str | None]] = [(phrase, None) for phrase in aliases.NOT_BODIES]
    entries += [(phrase, code) for code, phrases in aliases.BODIES.items() for phrase in phrases]
    return _Gazetteer(entries)


def _mentions(source: Normalized) -> list[CountryMention]:
    """Gazetteer hits on normalized text, reported in original offsets."""
    mentions = []
    for start, end, (iso3, kind) in _countries().scan(source.text):
        original_start, original_end = source.to_original(start, end)
        surface = source.source[original_start:original_end]
        mentions.append(CountryMention(iso3, original_start, original_end, surface, kind))
    return mentions


@lru_cache(maxsize=256)
def _cached_mentions(text: str) -> tuple[CountryMention, ...]:
    """Mentions per text, cached: a verifier asks about the same article and facts often."""
    return tuple(_mentions(normalize(text)))


def country_mentions(text: str) -> list[CountryMention]:
    """Every country named in `text` (names, short forms, demonyms, capitals), in text order,
    with ORIGINAL offsets; the longest phrase wins and mentions never overlap."""
    return list(_cached_mentions(text))


def countries_in(text: str) -> set[str]:
    """The ISO3 codes of every country named in `text`."""
    return {mention.iso3 for mention in _cached_mentions(text)}


@lru_cache(maxsize=4096)
def country_for(surface: str) -> str | None:
    """The country a surface string names: the whole phrase (`وواشنطن` -> USA), else the one
    country its words name (`رئيس وزراء باكستان` -> PAK); None when none or several."""
    found = _countries().get(surface) if surface.strip() else None
    if found is not None:
        return found[0]
    codes = countries_in(surface)
    return next(iter(codes)) if len(codes) == 1 else None


def country_named(surface: str) -> str | None:
    """The country a whole phrase names (a name, short form, demonym, capital or royal title:
    `أميركية`, `الرياض`), or None; unlike `country_for`, never a country among other words."""
    found = _countries().get(surface) if surface.strip() else None
    return None if found is None else found[0]


def body_mentions(text: str) -> list[tuple[str, int, int]]:
    """Every international body named in `text`, as (code, start, end) in ORIGINAL offsets."""
    normalized = normalize(text)
    return [
        (code, *normalized.to_original(start, end))
        for start, end, code in _bodies().scan(normalized.text)
    ]


RESOLUTION_REACH = 3
"""Most words between a body's name and the number of its resolution (`قرار مجلس الأمن الدولي
رقم 1970`)."""


def resolution_body(text: str, numbers: Iterable[str]) -> tuple[str, str] | None:
    """The body that a resolution noun names as the issuer of one of the numbers in `text`
    (`قرار مجلس الأمن الدولي رقم 1970`: `مجلس الأمن الدولي`, UNSC); None when no body stands
    so. A body that only demands or welcomes a resolution (`طالب مجلس الأمن بتنفيذ القرار`) is
    no issuer."""
    normalized = normalize(text)
    bodies = [body for body in body_mentions(text) if _after_resolution_noun(text, body[1])]
    for number in numbers:
        pattern = rf"(?<!\d){regex.escape(normalize_text(number))}(?!\d)"
        for match in regex.finditer(pattern, normalized.text):
            at = normalized.to_original(match.start(), match.end())[0]
            for code, start, end in bodies:
                if end <= at and len(_WORD.findall(text[end:at])) <= RESOLUTION_REACH:
                    return text[start:end], code
    return None


def _after_resolution_noun(text: str, start: int) -> bool:
    """True when the word before an offset is a resolution noun (`قرار`, `بموجب القرار`)."""
    before = _WORD.findall(text[max(0, start - 16) : start])
    if not before:
        return False
    return any(
        stem.removeprefix("ال") in RESOLUTION_WORDS
        for _, stem in proclitic_splits(normalize_text(before[-1]))
    )


@lru_cache(maxsize=1024)
def body_for(surface: str) -> str | None:
    """The international body a surface names: UNSC (also `الأمم المتحدة`), EU, AU or AL (the
    Arab League); None when none or several."""
    codes = {code for _, _, code in _bodies().scan(normalize_text(surface))}
    return next(iter(codes)) if len(codes) == 1 else None


@cache
def _iso3_codes() -> frozenset[str]:
    """pycountry's copy of ISO 3166-1."""
    return frozenset(country.alpha_3 for country in pycountry.countries)


def is_iso3(code: str) -> bool:
    """True for a real ISO 3166-1 alpha-3 code (`LBY`), False for look-alikes (`UKA`, `QTR`)."""
    return code in _iso3_codes()
