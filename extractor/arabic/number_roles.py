"""Words around a number that say what it is: a count of weapons (`16 طائرة`), a year (`عام
2015`), a duration (`5 سنوات`), a share (`20%`) or a resolution number (`القرار 1973`).

All are single words, normalized; a token matches one after its clitics are cut off.
"""

from __future__ import annotations

import regex

from extractor.arabic.normalize import normalized_words
from extractor.arabic.number_words import DURATION_FORMS
from extractor.arabic.weapons import COUNTED_WEAPON_NOUNS

RESOLUTION_WORDS = normalized_words("قرار", "قرارات", "قراري")
"""Words that introduce a resolution number (`القرار 1973`, `قراري مجلس الأمن 1696 و1737`),
and that a body's name completes when it issued one (`بموجب قرار مجلس الأمن`)."""

LINK_WORDS = normalized_words("و", ",", "رقم", "رقمي", "أرقام")
"""What may stand between a resolution word and its numbers (`القرار رقم 1973`, `1696 و1737`)."""

PARAGRAPH_WORDS = normalized_words("فقرة", "فقرات", "بند", "بنود", "مادة", "مواد", "صفحة")
"""Words whose number is a paragraph or article of a resolution, not the resolution."""

YEAR_WORDS = normalized_words("عام", "أعوام", "سنة", "سنوات", "منذ", "موسم")
"""Words after which a four-digit number is a year."""

TIME_UNITS = DURATION_FORMS | normalized_words("ساعة", "ساعات", "دقيقة", "دقائق")
"""Units after which a number is a duration or an age, never a count of weapons: those of a
duration, and the hours and minutes no contract duration is written in."""

PERCENT_WORDS = normalized_words("%", "بالمئة", "بالمائة", "المئة", "المائة")
"""Words after which a number is a share (`20%`, `20 في المئة`)."""

TIME_WORD_STEMS = regex.compile(r"اسبوع|شهر|عام|سن[هو]|يوم|ساع")
"""Stems of time words, normalized, that a number word may be itself (`أسبوعين`, `عامين`): a
duration, no count."""

COUNTING_NOUNS = normalized_words(
    "عربة", "عربات", "مركبة", "مركبات", "قطعة", "قطع", "وحدة", "وحدات", "بطارية", "بطاريات",
    "مدافع",
)  # fmt: skip
"""Nouns weapons are counted in that name no weapon on their own (`900 عربة`, `12 قطعة
بحرية`, `4 بطاريات باتريوت`); `مدافع` too, which the weapon nouns leave out (it is also a
football defender) but which after a number counts guns."""

COUNTED_NOUNS = COUNTED_WEAPON_NOUNS | COUNTING_NOUNS
"""Nouns weapons are counted in: a number before one is a quantity worth covering."""

COUNT_WORDS = normalized_words("عدد", "عددها", "عددهم", "عددهما", "قوامها", "إجمالي")
"""Words that announce a count after what it counts (`طائرات JF-17 وعددها 16`)."""
