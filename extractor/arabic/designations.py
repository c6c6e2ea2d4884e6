"""One key per weapon system across scripts and spellings: `إس-400`, `اس 400`, `S-400` and
`إس - 400 أرض/جو` are all `S400`.

Arabic news writes Latin model codes in Arabic letters letter by letter (`إف` for F, `إس` for
S, `جيه إف` for JF) and names of systems by sound (`باتريوت`). The table below maps those
spelled-out letters and names to Latin; words it does not know (`صواريخ`, `أرض/جو`) are left
out of a code and kept in a name.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import takewhile

import regex

from extractor.arabic.normalize import normalize_text

LETTERS: dict[str, str] = {
    "اي": "A",
    "ايه": "A",
    "بي": "B",
    "سي": "C",
    "دي": "D",
    "اف": "F",
    "جي": "G",
    "اتش": "H",
    "جيه": "J",
    "كيه": "K",
    "ام": "M",
    "ان": "N",
    "بيه": "P",
    "ار": "R",
    "اس": "S",
    "تي": "T",
    "يو": "U",
    "في": "V",
    "اكس": "X",
    "زد": "Z",
    "سو": "SU",
    "ميغ": "MIG",
    "ميج": "MIG",
    "مي": "MI",
    "كا": "KA",
    "توبوليف": "TU",
    "باك": "PAC",
}
"""Spelled-out Latin letters and Russian/US model prefixes as Arabic news writes them
(normalized: hamza forms folded, so `إف` and `اف` are one entry)."""

NAMES: dict[str, str] = {
    "باتريوت": "PATRIOT",
    "ثاد": "THAAD",
    "رافال": "RAFALE",
    "تايفون": "TYPHOON",
    "يوروفايتر": "EUROFIGHTER",
    "اباتشي": "APACHE",
    "بلاك هوك": "BLACK HAWK",
    "شينوك": "CHINOOK",
    "تاو": "TOW",
    "جافلين": "JAVELIN",
    "هيمارس": "HIMARS",
    "ابرامز": "ABRAMS",
    "ليوبارد": "LEOPARD",
    "بيرقدار": "BAYRAKTAR",
    "تورنادو": "TORNADO",
    "ميراج": "MIRAGE",
    "كورنيت": "KORNET",
    "بانتسير": "PANTSIR",
    "اسكندر": "ISKANDER",
    "كاليبر": "KALIBR",
    "تي بي 2": "TB2",
}
"""Systems named by sound, normalized Arabic → the Latin name."""

STANDALONE_LETTERS = (
    "جي اف",
    "اف",
    "سو",
    "ميغ",
    "ميج",
    "اس",
    "تي",
    "باك",
    "سي",
    "جي",
    "كيه",
    "تاو",
)
"""The spelled-out letters (of `LETTERS` and `NAMES`) that make a designation before digits
with no hyphen (`اف 16`, `تي 72`, `تاو 2`). The others are common words (`في`, `ان`, `ام`)."""

DESIGNATION = regex.compile(
    r"(?<![\p{L}\d])(?:"
    r"(?P<head>[a-z]+(?:[- ][a-z]+)?"  # f-16, jf-17, b777, pac 3, block 70
    r"|[ء-ي]{2,5}(?=-))"  # باك-3, اس-400, سو-35
    r"|(?:[وبلف]|ال)?(?P<head>" + "|".join(STANDALONE_LETTERS) + r"))"  # اف 16, والتي 72
    r"[- ]?(?P<digits>\d{1,4})(?!\d)"
    r"(?P<tail>(?:[-./]?[a-z0-9]+|-[ء-ي\d]+)*)"  # -300er, /a, -ام
)
"""A weapon designation with digits in it, on normalized text (`إف-16`, `JF-17`, `B777-300ER`,
`باك-3`): Latin letters, Arabic letters before a hyphen, or spelled-out letters, then digits
and what is glued after them. The one recogniser of triggers, weapons, mentions and coverage;
never a word before a year (`عام 2015`)."""


def designations_in(text: str) -> Iterator[regex.Match[str]]:
    """Every designation in a normalized text, in order."""
    yield from DESIGNATION.finditer(text)


_TOKEN = regex.compile(r"\p{N}+|[\p{L}\p{M}]+")


def _latin_tokens(text: str) -> list[str]:
    """The designation's words in Latin: known Arabic letters and names mapped, digits kept,
    Latin upper-cased, other Arabic words dropped."""
    normalized = normalize_text(text)
    for arabic, latin in NAMES.items():
        normalized = regex.sub(rf"(?<!\p{{L}}){arabic}(?!\p{{L}})", f" {latin} ", normalized)
    tokens: list[str] = []
    for token in _TOKEN.findall(normalized):
        if token.isdigit():
            tokens.append(token)
        elif token.isascii():
            tokens.append(token.upper())
        elif token in LETTERS:
            tokens.append(LETTERS[token])
    return tokens


@lru_cache(maxsize=65536)
def designation_key(text: str) -> str:
    """The system a designation names, as one Latin key: `إس - 400 أرض/جو` → `S400`,
    `JF-17 Thunder` → `JF17`, `باتريوت` → `PATRIOT`; the normalized text when nothing in it
    is a code or a known name. Variant suffixes are dropped (`F-16V` → `F16`): one system,
    one key."""
    tokens = _latin_tokens(text)
    for index, token in enumerate(tokens):
        if token.isdigit() and index and not tokens[index - 1].isdigit():
            letters = list(takewhile(lambda word: not word.isdigit(), reversed(tokens[:index])))
            return "".join(reversed(letters)) + token
    return "".join(tokens) or " ".join(_TOKEN.findall(normalize_text(text)))


def same_system(first: str, second: str) -> bool:
    """True when two designations name the same system (their keys are equal and not empty)."""
    key = designation_key(first)
    return bool(key) and key == designation_key(second)
