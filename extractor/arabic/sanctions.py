"""Words of a sanction or embargo, and the names they stand in without stating one.

`حظر` in `منظمة حظر الأسلحة الكيميائية` or `اتفاقية حظر` names a body or a treaty, not a
measure: a sanction word right after one of `NAME_HEADS` is part of that name.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.arabic.lexicon import Lexicon, word_set

FUNDS = ("أصول", "أموال", "أرصدة")
"""Assets, funds and balances: what a freeze holds and an assets embargo restricts."""

FROZEN = (
    *(f"{noun}{suffix}" for noun in FUNDS for suffix in ("", "ه", "ها", "هم")),
    "ممتلكات",
    "حسابات",
)
"""What a sanction freezes: assets, funds, balances (theirs), property and accounts; a freeze
is a sanction with one of them after it, or after `أي` or `عالمي` (`تجميد عالمي للأصول`)."""

SANCTION_WORDS = word_set(
    "عقوبات", "عقوبة", "حصار", "قائمة العقوبات", "حظر السفر", "حظر الأسلحة",
    *(
        f"{verb} {between}{frozen}"
        for verb in ("تجميد", "جمدت", "يجمد")
        for between in ("", "أي ", "عالمي ")
        for frozen in FROZEN
    ),
)  # fmt: skip
"""Words that state a sanction or embargo. Leaves out `قيود` (any restriction) and `منع`, and
`تجميد` (a freeze) without the assets or funds it freezes: `تجميد العمل باتفاقية التجارة الحرة`
suspends an agreement, `تجميد أصول` is a sanction."""

BAN_WORDS = word_set("حظر", "حظرا", "يحظر", "تحظر")
"""A ban, which is a sanction only beside what is banned or on whom (`BAN_COMPLEMENTS`):
`حظر كل أشكال التعبير` or `حظر التجول` is a ban at home, not a measure against a state."""

MEASURE_OBJECTS: dict[str, tuple[str, ...]] = {
    "arms": ("أسلحة", "سلاح", "تسليح", "عسكرية"),
    "travel": ("السفر", "التأشيرات", "دخول"),
    "assets": (*FUNDS, "ممتلكات"),
    "economic": ("اقتصادية", "تجارية", "مالية", "النفط"),
}
"""Words that say what a measure restricts, by the embargo kind they name (`حظر السفر` travel,
`تجميد الأصول` assets, `عقوبات اقتصادية` economic, `حظر الأسلحة` arms); the article is read off."""

MEASURE_WORDS: Lexicon[str] = Lexicon(
    (word, kind) for kind, words in MEASURE_OBJECTS.items() for word in words
)
"""Each word of what a measure restricts -> its embargo kind."""

BAN_COMPLEMENTS = word_set(
    "على", "تصدير", "استيراد", "توريد", "بيع", "نقل", "الطيران", "فرض", "رفع", "تمديد", "تخفيف",
    "انتهاك", "خرق", "تشديد", *(word for words in MEASURE_OBJECTS.values() for word in words),
)  # fmt: skip
"""Words within `BAN_REACH` of a ban that make it a sanction: its target (`على`), what it
restricts (arms, travel, assets, trade: `MEASURE_OBJECTS`), the trade it stops (exports, sales,
flights) or the act on it (imposed, lifted, extended, breached)."""

BAN_REACH = 3
"""Most words between a ban word and its complement."""

CURFEW_WORDS = word_set("التجول", "التجوال")
"""What a curfew bans (`حظر التجول`, `حظرا للتجول`): a ban at home, never a measure against a
state, whatever act stands beside it (`فرض حظر التجول`, `رفع حظر التجول`)."""

NAME_HEADS = word_set("منظمة", "معاهدة", "اتفاقية", "اتفاق", "مؤتمر", "لجنة", "وكالة", "مجلس")
"""Heads of names that hold a sanction word (`منظمة حظر الأسلحة الكيميائية`)."""

HALT_WORDS = word_set(
    "تعليق", "وقف", "إيقاف", "علق", "علقت", "يعلق", "تعلق", "أوقف", "أوقفت", "يوقف", "توقف",
)  # fmt: skip
"""Words of halting or suspending something, which with arms exports as their object state an
arms embargo by the state that halts them."""

ARMS_EXPORTS = word_set(
    "صادرات أسلحة", "صادرات سلاح", "تصدير أسلحة", "تصدير سلاح", "مبيعات أسلحة", "مبيعات سلاح",
    "بيع أسلحة", "بيع سلاح", "توريد أسلحة", "توريد سلاح",
)  # fmt: skip
"""Arms exports, the object of a halt (`صادرات الأسلحة`)."""

HALT_REACH = 3
"""Most words between a halt and the arms exports: the state that halts them (`علقت الحكومة
الألمانية صادرات الأسلحة`)."""


def halts_arms_exports(stems: Sequence[frozenset[str]]) -> bool:
    """True when the words state a halt of arms exports (`قررت الدنمارك تعليق صادرات الأسلحة`,
    `علقت ألمانيا صادرات الأسلحة إلى …`): an arms embargo imposed by the halting state."""
    for _, end, _ in HALT_WORDS.scan(stems):
        if any(start <= end + HALT_REACH for start, _, _ in ARMS_EXPORTS.scan(stems[end:])):
            return True
    return False


def measure_kinds(stems: Sequence[frozenset[str]]) -> set[str]:
    """The embargo kinds the words name (`arms`, `travel`, `assets`, `economic`)."""
    return set(MEASURE_WORDS.values(stems))


MEASURE_REACH = 3
"""Most words between a sanction or ban word and the word that says what it restricts
(`حظر توريد الأسلحة`, `العقوبات الاقتصادية`, `تجميد أرصدة`)."""


def measures_named(stems: Sequence[frozenset[str]]) -> set[str]:
    """The embargo kinds that a sanction or ban names in the words, each within MEASURE_REACH
    words after a sanction or ban word (`فرض حظر للسفر وتجميد أرصدة` travel and assets); a
    kind word elsewhere in the sentence (`المساعدات العسكرية`) names no measure."""
    kinds: set[str] = set()
    for lexicon in (SANCTION_WORDS, BAN_WORDS):
        for start, end, _ in lexicon.scan(stems):
            kinds |= measure_kinds(stems[start : end + MEASURE_REACH])
    return kinds
