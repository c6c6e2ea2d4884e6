"""Words of a sanction or embargo, and the names they stand in without stating one.

`حظر` in `منظمة حظر الأسلحة الكيميائية` or `اتفاقية حظر` names a body or a treaty, not a
measure: a sanction word right after one of `NAME_HEADS` is part of that name.
"""

from __future__ import annotations

from extractor.arabic.lexicon import word_set

FROZEN = (
    *(f"{noun}{suffix}" for noun in ("أصول", "أموال", "أرصدة") for suffix in ("", "ه", "ها", "هم")),
    "ممتلكات",
    "حسابات",
)
"""What a sanction freezes: assets, funds, balances (theirs), property and accounts; a freeze
is a sanction with one of them after it, or after `أي` or `عالمي` (`تجميد عالمي للأصول`)."""

SANCTION_WORDS = word_set(
    "عقوبات", "عقوبة", "العقوبات", "حصار", "قائمة العقوبات", "حظر السفر", "حظر الأسلحة",
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

BAN_WORDS = word_set("حظر", "حظرا", "يحظر", "تحظر", "الحظر")
"""A ban, which is a sanction only beside what is banned or on whom (`BAN_COMPLEMENTS`):
`حظر كل أشكال التعبير` or `حظر التجول` is a ban at home, not a measure against a state."""

BAN_COMPLEMENTS = word_set(
    "على", "أسلحة", "سلاح", "السلاح", "السفر", "تصدير", "استيراد", "توريد", "بيع", "نقل",
    "الأصول", "الأموال", "الطيران", "النفط", "فرض", "رفع", "تمديد", "تخفيف", "انتهاك", "خرق",
    "تشديد",
)  # fmt: skip
"""Words within `BAN_REACH` of a ban that make it a sanction: its target (`على`), its object
(arms, travel, trade, assets) or the act on it (imposed, lifted, extended, breached)."""

BAN_REACH = 3
"""Most words between a ban word and its complement."""

NAME_HEADS = word_set("منظمة", "معاهدة", "اتفاقية", "اتفاق", "مؤتمر", "لجنة", "وكالة", "مجلس")
"""Heads of names that hold a sanction word (`منظمة حظر الأسلحة الكيميائية`)."""
