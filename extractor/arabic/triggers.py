"""Words that announce each fact kind: an article with none of a kind's words is not asked about
that kind.

Asked about a kind the article does not report, the small model often invents one (a meeting
in a Security Council report, an embargo in a sale), and writing it costs the most time of
any call. The lists are broad on purpose: one word of a kind anywhere in the article, after
its clitics are cut off, is enough for the kind to be asked about.

The arms words are beginnings, not the weapon nouns of `weapons.py`: one beginning announces
every form (`مقاتل` for `مقاتلة`, `مقاتلات`), and the weapon nouns that other news uses as much
are left out (`سفينة`, `مسيرة` a march, `قذيفة` in a war report, `تدريب`): a mention of one
asks the model about a deal the article does not report.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from extractor.arabic.designations import DESIGNATION
from extractor.arabic.lexicon import word_set, words_of
from extractor.arabic.names import strip_clitics
from extractor.arabic.normalize import normalize_text
from extractor.arabic.sanctions import halts_arms_exports

_WORD = regex.compile(r"\p{L}+")

PREFIXES: dict[str, tuple[str, ...]] = {
    "meetings": (
        "استقبل", "يستقبل", "استقبال", "استضاف", "يستضيف", "التقى", "يلتقي", "لقاء", "التقاء",
        "اجتمع", "يجتمع", "اجتماع", "زيار", "يزور", "تزور", "مباحثات", "محادثات", "مشاورات",
        "يبحث", "ناقش", "يناقش", "مناقش", "اتصال", "هاتفي", "مكالم", "وفد", "قمة",
    ),
    "arms_deals": (
        "سلاح", "أسلحة", "تسليح", "تسلح", "طائرة", "طائرات", "مقاتل", "قاذف", "مروحي",
        "صاروخ", "صواريخ", "دبابة", "دبابات", "مدرع", "منظوم", "رادار", "مدفع", "مدافع",
        "راجم", "ذخائر", "ذخيرة", "عتاد", "معدات", "فرقاط", "غواص", "زورق", "زوارق", "بارج",
        "كورفيت", "مسيرات", "صفق",
    ),
    "embargoes": ("حظر", "يحظر", "عقوب", "تجميد", "حصار"),
}  # fmt: skip
"""Word beginnings per kind, as written; matched after normalization and clitic removal."""

WORDS: dict[str, tuple[str, ...]] = {
    "meetings": ("زار", "زارت", "زاروا", "بحث", "بحثا", "بحثت"),
}
"""Short words matched whole: as beginnings they would match others (`زار` in `وزارة`)."""

JOINT_APPEARANCES = word_set(
    "مؤتمر صحفي مشترك", "مؤتمر صحافي مشترك", "مؤتمرا صحفيا مشتركا", "مؤتمرا صحافيا مشتركا",
    "مؤتمرا صحفيا مع", "مؤتمرا صحافيا مع", "مؤتمر صحفي مع", "مؤتمر صحافي مع",
    "بيان مشترك",
)  # fmt: skip
"""Phrases in which two officials appear together, so they met (`عقد ماكرون مؤتمرا صحفيا مع
ولي العهد السعودي`): a meeting reported without a meeting word."""


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    """One anchored pattern per kind: any of its beginnings, or any of its whole words."""
    patterns: dict[str, regex.Pattern[str]] = {}
    for kind, prefixes in PREFIXES.items():
        starts = [regex.escape(normalize_text(prefix)) for prefix in prefixes]
        whole = [regex.escape(normalize_text(word)) + "$" for word in WORDS.get(kind, ())]
        patterns[kind] = regex.compile("|".join(starts + whole))
    return patterns


@lru_cache(maxsize=4096)
def kinds_mentioned(text: str) -> frozenset[str]:
    """The fact kinds (`meetings`, `arms_deals`, `embargoes`) whose words the text contains."""
    normalized = normalize_text(text)
    words = set(_WORD.findall(normalized))
    stems = {stem for word in words for stem in strip_clitics(word)}
    kinds = {kind for kind, pattern in _patterns().items() if any(map(pattern.match, stems))}
    if DESIGNATION.search(normalized):  # `F-16`, `إف-35`: an arms deal without a weapon noun
        kinds.add("arms_deals")
    stems_of_words = [word.stems for word in words_of(text)]
    if halts_arms_exports(stems_of_words):
        kinds.add("embargoes")
    if JOINT_APPEARANCES.values(stems_of_words):
        kinds.add("meetings")
    return frozenset(kinds)
