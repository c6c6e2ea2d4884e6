"""Places and bodies named after a person: `مطار الملك عبدالعزيز الدولي`, `جامعة الملك سعود`,
`مركز الملك سلمان للإغاثة`. The person in such a name takes part in nothing."""

from __future__ import annotations

from extractor.arabic.lexicon import stems, word_set

PLACE_HEADS = word_set(
    "مطار", "ميناء", "قاعدة", "جامعة", "مدينة", "شارع", "مستشفى", "مسجد", "جسر", "ملعب",
    "استاد", "مجمع", "كلية", "مدرسة", "طريق", "ميدان", "جائزة", "مركز", "مؤسسة", "قصر", "حي",
    "محطة", "برج", "سد", "قاعة", "أكاديمية", "مكتبة", "منتدى",
)  # fmt: skip
"""Head nouns of a name given after a person (`مطار`, `جامعة`, `جائزة`). Leaves out `دار` and
`بيت` (also 'house of' a living family) and `ديوان` (a court whose holder may be meant)."""


def is_place_head(word: str) -> bool:
    """True when a word, clitics aside, heads a place or body name (`بمطار`, `لجامعة`)."""
    return bool(PLACE_HEADS.values([stems(word)]))
