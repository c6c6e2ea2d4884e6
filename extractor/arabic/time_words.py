"""Words that say when, not who: a phrase made of them alone (`عصر الخميس`) is no person."""

from __future__ import annotations

from extractor.arabic.dates import HIJRI_MONTHS, MONTHS, WEEKDAYS
from extractor.arabic.lexicon import phrase_words, word_set

PARTS_OF_DAY = (
    "صباح", "مساء", "عصر", "ظهر", "ظهيرة", "فجر", "ليلة", "ليل", "منتصف", "يوم", "يومي",
    "أمس", "اليوم", "غدا", "الماضي", "الماضية", "المقبل", "المقبلة", "الحالي", "الجاري",
    "أسبوع", "الأسبوع", "شهر", "الشهر", "عام", "العام", "سنة", "مطلع", "أواخر", "أوائل", "نهاية",
)  # fmt: skip
"""Parts of the day and relative time words, beside the calendar's names (dates.py)."""

TIME_WORDS = word_set(*PARTS_OF_DAY, *MONTHS, *WEEKDAYS, *HIJRI_MONTHS)
"""Every word of a time phrase. Leaves out numbers (they are read apart). A name of one word
that is also a day or month (`خميس`, `رمضان`) reads as a time; with a family name after it
(`خميس الجهيناوي`) it is a name."""


def is_time(phrase: str) -> bool:
    """True when every word of the phrase is a time word or a number (`عصر الخميس`)."""
    words = phrase_words(phrase)
    spans = [(start, end) for start, end, _ in TIME_WORDS.scan(words)]
    covered = {index for start, end in spans for index in range(start, end)}
    return bool(covered) and all(
        index in covered or any(stem.isdigit() for stem in word) for index, word in enumerate(words)
    )
