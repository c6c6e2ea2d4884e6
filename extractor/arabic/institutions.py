"""Bodies that a small model writes where a person's name belongs: institutions, companies,
armies, parties, movements, and the generic references of news prose (`الجانبان`).

A phrase is a body when its first word is a head word (`شركة داسو`, `مجلس الشيوخ`, `الجيش
الإسرائيلي`, `الدولة المصرية`), when it names a listed manufacturer or movement, or when one
of its words is a company suffix in transliteration (`بي إيه إي سيستمز`).
"""

from __future__ import annotations

from extractor.arabic.lexicon import phrase_words, word_set
from extractor.arabic.weapons import AIRLINER_MAKER_NAMES

BODY_HEADS = word_set(
    "شركة", "شركات", "مجموعة", "مجلس", "جيش", "جيوش", "قوات", "قوة", "وزارة", "حكومة",
    "حركة", "حزب", "منظمة", "الدولة", "هيئة", "مؤسسة", "جهاز", "وكالة", "إدارة", "رئاسة",
    "ديوان", "مكتب", "برلمان", "كونغرس", "كونجرس", "البنتاغون", "البنتاجون", "الحرس",
    "البحرية", "سلاح الجو", "تحالف", "ائتلاف", "تنظيم", "جماعة", "ميليشيا", "مليشيا",
    "ميليشيات", "كتائب", "فيلق", "بنك", "مصرف", "صندوق", "محكمة", "نقابة", "اتحاد", "لجنة",
    "مصنع", "مفوضية", "سفارة", "قنصلية", "الخارجية", "الداخلية", "الكرملين", "الإليزيه",
    "البيت الأبيض", "الأمم المتحدة", "جامعة الدول العربية", "الأمانة العامة", "السلطات",
    "السلطة", "النظام", "المعارضة", "الجمعية", "مركز", "معهد", "نادي",
    "المنتخب", "الخطوط الجوية", "طيران",
)  # fmt: skip
"""First words of a body's name. Leaves out `الفريق` and `اللواء` (military ranks before a
name as well as bodies), `القيادة` (a generic reference, below), and bodies named by an
acronym alone."""

COMPANY_WORDS = word_set(
    "سيستمز", "سيستم", "إندستريز", "انداستريز", "كوربوريشن", "إنترناشونال",
    "إنترناشيونال", "تكنولوجيز", "إيروسبيس", "ديفنس", "ديفينس", "موتورز",
    "لوكهيد", "لوكيهد", "مارتن", "داسو", "رايثيون", "نورثروب", "غرومان", "دايناميكس", "ساب",
    "تاليس", "روستيخ", "روسوبورون", "سوخوي", "ميكويان", "هانوا", "نافانتيا", "فينكانتييري",
    "أسيلسان", "روكيتسان", "بايكار", *AIRLINER_MAKER_NAMES,
)  # fmt: skip
"""Words that only a company's name holds: transliterated suffixes and the large arms and
aircraft makers. Leaves out makers whose name is also a common word or a given name
(`ليوناردو`, `هوك`)."""

MOVEMENTS = word_set(
    "حماس", "حزب الله", "طالبان", "الحوثيون", "الحوثيين", "الحوثي", "داعش", "القاعدة",
    "الإخوان المسلمين", "الإخوان", "بوكو حرام", "الشباب", "أنصار الله",
)  # fmt: skip
"""Movements named without a head word. Leaves out movements named after a person."""

GENERIC_REFERENCES = word_set(
    "الجانبان", "الجانبين", "الجانب", "الطرفان", "الطرفين", "الطرف", "الوفد", "الوفدان",
    "الوفدين", "الوفود", "البلدان", "البلدين", "الزعيمان", "الزعيمين", "الرئيسان", "الرئيسين",
    "الوزيران", "الوزيرين", "المسؤولون", "المسؤولين", "المسؤول",
    "الحضور", "المشاركون", "المشاركين", "المجتمعون", "المجتمعين", "الضيف", "الضيوف",
    "الزائر", "الجميع", "القيادة", "كبار", "عدد",
)  # fmt: skip
"""Words that refer to parties without naming anyone, when they start the phrase. Leaves out
posts (`وزير الخارجية`): those are the titles lexicon's."""


def is_body(phrase: str) -> bool:
    """True when the phrase names an institution, company, army, party or movement."""
    return (
        BODY_HEADS.first(phrase) is not None
        or MOVEMENTS.whole(phrase) is not None
        or any(COMPANY_WORDS.values([word]) for word in phrase_words(phrase))
    )


def is_generic_reference(phrase: str) -> bool:
    """True when the phrase refers to parties without naming a person (`الجانبان`)."""
    return GENERIC_REFERENCES.first(phrase) is not None
