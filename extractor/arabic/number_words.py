"""The Arabic number-word lexicon, written in ordinary spelling and folded by `normalize`
(ة→ه, أ/إ/آ→ا, ى→ي, ئ→ي) so that it matches normalized text.

Each word maps to a `Word`: what role it plays when words combine into a number and the value
it contributes. The grammar that combines them lives in `numbers.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from extractor.arabic.normalize import normalize_text


class Kind(Enum):
    """The role a number word plays when words combine."""

    UNIT = "unit"  # 1..10: واحد ثلاثه عشر
    TEEN_HEAD = "teen_head"  # only before عشر/عشره: احد اثنا اثنتي
    TENS = "tens"  # 20..90: عشرون خمسين
    HUNDREDS = "hundreds"  # 100..900: مئه مئتان ثلاثمائه
    SCALE = "scale"  # الف مليون مليار, singular or accusative (multiplied by what precedes)
    DUAL_SCALE = "dual_scale"  # الفين مليوني ملياران: two of the scale
    PLURAL_SCALE = "plural_scale"  # الاف ملايين مليارات: a multiplier's plural, else "several"
    INDEFINITE = "indefinite"  # عشرات مئات: tens of, hundreds of
    FRACTION = "fraction"  # نصف ربع ثلث ثلثي
    QUARTERS = "quarters"  # ارباع, as in ثلاثه ارباع
    DUAL_NOUN = "dual_noun"  # عامين طائرتين: a counted noun in the dual
    DIGITS = "digits"  # 16, 1,12, 5.4: written in digits


@dataclass(frozen=True, slots=True)
class Word:
    """One lexicon entry: its role, its value (the scale for scale words), and for counted
    nouns in the dual, the singular noun they count."""

    kind: Kind
    value: float
    noun: str = ""


TEN_WORDS = frozenset(map(normalize_text, ("عشر", "عشرة")))

_UNITS: dict[str, float] = {
    "واحد": 1,
    "واحدة": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "ثلاث": 3,
    "ثلاثة": 3,
    "أربع": 4,
    "أربعة": 4,
    "خمس": 5,
    "خمسة": 5,
    "ست": 6,
    "ستة": 6,
    "سبع": 7,
    "سبعة": 7,
    "ثمان": 8,
    "ثماني": 8,
    "ثمانية": 8,
    "تسع": 9,
    "تسعة": 9,
    "عشر": 10,
    "عشرة": 10,
}
_TEEN_HEADS: dict[str, float] = {
    "أحد": 1,
    "إحدى": 1,
    "اثنا": 2,
    "اثني": 2,
    "اثنتا": 2,
    "اثنتي": 2,
}
_TENS_STEMS: dict[str, float] = {
    "عشر": 20,
    "ثلاث": 30,
    "أربع": 40,
    "خمس": 50,
    "ست": 60,
    "سبع": 70,
    "ثمان": 80,
    "تسع": 90,
}
_HUNDRED_FORMS = ("مئة", "مائة")
_TWO_HUNDRED_FORMS = tuple(
    stem + ending for stem in ("مئت", "مائت") for ending in ("ان", "ين", "ا", "ي")
)
_HUNDREDS_MULTIPLIERS: dict[str, float] = {
    "ثلاث": 3,
    "أربع": 4,
    "خمس": 5,
    "ست": 6,
    "سبع": 7,
    "ثمان": 8,
    "ثماني": 8,
    "تسع": 9,
}
# scale stem -> (value, plural forms)
_SCALES: dict[str, tuple[float, tuple[str, ...]]] = {
    "ألف": (1e3, ("آلاف", "ألوف")),
    "مليون": (1e6, ("ملايين",)),
    "مليار": (1e9, ("مليارات",)),
    "بليون": (1e9, ("بلايين", "بليونات")),
    "تريليون": (1e12, ("تريليونات",)),
    "ترليون": (1e12, ("ترليونات",)),
}
_INDEFINITES: dict[str, float] = {"عشرات": 10, "مئات": 100}
_FRACTIONS: dict[str, float] = {
    "نصف": 1 / 2,
    "ربع": 1 / 4,
    "ثلث": 1 / 3,
    "ثلثا": 2 / 3,
    "ثلثي": 2 / 3,
}
DURATION_UNITS: dict[str, tuple[float, tuple[str, ...], tuple[str, ...]]] = {
    "عام": (12, ("عام", "عاما", "العام"), ("أعوام", "الأعوام")),
    "سنة": (12, ("سنة", "السنة"), ("سنوات", "سنين", "السنوات")),
    "شهر": (1, ("شهر", "شهرا", "الشهر"), ("أشهر", "شهور", "الأشهر", "الشهور")),
    "أسبوع": (12 / 52, ("أسبوع", "أسبوعا", "الأسبوع"), ("أسابيع", "الأسابيع")),
    "يوم": (12 / 365, ("يوم", "يوما", "اليوم"), ("أيام", "الأيام")),
    "عقد": (120, ("عقد", "العقد"), ("عقود", "العقود")),
}
"""Time units of a duration: unit -> (months, singular forms, plural forms)."""

DURATION_FORMS = frozenset(
    normalize_text(form)
    for _, singular, plural in DURATION_UNITS.values()
    for form in (*singular, *plural)
)
"""Every form of a duration's time unit, normalized (`عاما`, `الأشهر`)."""

# Counted nouns whose dual states a number on its own (عامين = two years). Kept small on
# purpose: time units, for durations, and the weapons that arms news counts.
_TIME_NOUNS = tuple(unit for unit in DURATION_UNITS if unit != "عقد")
"""The time units whose dual is a number; not `عقد`, whose dual `عقدين` is two contracts as
often as two decades."""
_WEAPON_NOUNS: tuple[str, ...] = (
    "طائرة", "مقاتلة", "قاذفة", "مروحية", "سفينة", "غواصة", "فرقاطة", "مدمرة", "حاملة",
    "زورق", "دبابة", "مدرعة", "منظومة", "بطارية",
)  # fmt: skip
_COUNTED_NOUNS = _TIME_NOUNS + _WEAPON_NOUNS


def _dual_forms(noun: str, *, construct: bool = False) -> tuple[str, ...]:
    """The duals of a normalized singular noun (طايره → طايرتان, طايرتين); with `construct`,
    a feminine noun's construct duals too, where the ن falls (`حاملتي طائرات`). Masculine
    construct duals are left out (`زورقي`, `صاروخي` read as adjectives), and so are those of
    time units (`سنتي 2010 و2015` names two years, not a duration)."""
    stem = noun[:-1] + "ت" if noun.endswith("ه") else noun
    forms = (stem + "ان", stem + "ين")
    return (*forms, stem + "ا", stem + "ي") if construct and noun.endswith("ه") else forms


_SINGULARS = frozenset(map(normalize_text, _WEAPON_NOUNS))
"""The weapon nouns among the counted nouns, singular (`طائرة`, `فرقاطة`)."""


_ONE_OF = frozenset(map(normalize_text, ("أحد", "إحدى")))
"""`أحد`, `إحدى` before a plural: one of them (`تسليم إحدى الفرقاطات`). Alone in running text
they are no number (`أحد المصادر`); as the words a quantity is written in, they count one."""


def counts_one(phrase: str) -> bool:
    """True for a quantity written as one without a numeral: a lone singular weapon noun
    (`تسلمت مصر فرقاطة من طراز فريم`) or `أحد`/`إحدى` (`تسليم إحدى الفرقاطات`)."""
    text = normalize_text(phrase.strip())
    return text in _SINGULARS or text in _ONE_OF


def _build() -> dict[str, Word]:
    """Every lexicon word with its role and value."""
    words: dict[str, Word] = {}
    for word, value in _UNITS.items():
        words[word] = Word(Kind.UNIT, value)
    for word, value in _TEEN_HEADS.items():
        words[word] = Word(Kind.TEEN_HEAD, value)
    for stem, value in _TENS_STEMS.items():
        words[stem + "ون"] = Word(Kind.TENS, value)
        words[stem + "ين"] = Word(Kind.TENS, value)
    for word in _HUNDRED_FORMS:
        words[word] = Word(Kind.HUNDREDS, 100)
    for word in _TWO_HUNDRED_FORMS:
        words[word] = Word(Kind.HUNDREDS, 200)
    for stem, value in _HUNDREDS_MULTIPLIERS.items():
        for hundred in _HUNDRED_FORMS:
            words[stem + hundred] = Word(Kind.HUNDREDS, value * 100)
    for stem, (value, plurals) in _SCALES.items():
        words[stem] = Word(Kind.SCALE, value)
        words[stem + "ا"] = Word(Kind.SCALE, value)
        for ending in ("ان", "ين", "ي"):
            words[stem + ending] = Word(Kind.DUAL_SCALE, value)
        for plural in plurals:
            words[plural] = Word(Kind.PLURAL_SCALE, value)
    for word, value in _INDEFINITES.items():
        words[word] = Word(Kind.INDEFINITE, value)
    for word, value in _FRACTIONS.items():
        words[word] = Word(Kind.FRACTION, value)
    words[normalize_text("أرباع")] = Word(Kind.QUARTERS, 1 / 4)
    for noun in map(normalize_text, _COUNTED_NOUNS):
        for dual in _dual_forms(noun, construct=noun in _SINGULARS):
            words[dual] = Word(Kind.DUAL_NOUN, 2, noun)
    return {normalize_text(word): entry for word, entry in words.items()}


LEXICON: dict[str, Word] = _build()


_Trie = dict[str, "_Trie"]


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of `words` factored as a prefix trie, so that matching one position
    costs a few character tests instead of one test per word."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _alternation(trie)


def _alternation(node: _Trie) -> str:
    """The pattern for the words below one trie node ("" marks a word that ends there)."""
    branches = [
        re.escape(char) + _alternation(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body
