"""Words of a sanction or embargo, and the names they stand in without stating one.

`حظر` in `منظمة حظر الأسلحة الكيميائية` or `اتفاقية حظر` names a body or a treaty, not a
measure: a sanction word right after one of `NAME_HEADS` is part of that name.
"""

from __future__ import annotations

from extractor.arabic.lexicon import word_set

SANCTION_WORDS = word_set(
    "حظر", "حظرا", "يحظر", "تحظر", "الحظر", "عقوبات", "عقوبة", "العقوبات", "تجميد", "حصار",
    "قائمة العقوبات", "حظر السفر", "حظر الأسلحة",
)  # fmt: skip
"""Words that state a sanction or embargo. Leaves out `قيود` (any restriction) and `منع`."""

NAME_HEADS = word_set("منظمة", "معاهدة", "اتفاقية", "اتفاق", "مؤتمر", "لجنة", "وكالة", "مجلس")
"""Heads of names that hold a sanction word (`منظمة حظر الأسلحة الكيميائية`)."""
