"""What makes a phrase a weapon system, and which contract category its words name.

Three reviewed tables: weapon nouns by category (the head noun of `16 طائرة مقاتلة`), known
system names and designation prefixes by category (`باتريوت`, `إف-16`), and the military words
that make a transfer an arms deal. Civil airliners (`بوينغ 777`, `B777-300ER`, `A320`) are
recognised so that an airline's purchase is not read as an arms deal.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from extractor.arabic.designations import DESIGNATION
from extractor.arabic.lexicon import Lexicon, phrase_words, word_set
from extractor.arabic.normalize import normalize_text, normalized_words
from extractor.arabic.sanctions import MEASURE_OBJECTS

AIRCRAFT = "aircraft"
"""A noun that names an aircraft without saying which kind (`طائرة`)."""

AIRCRAFT_KINDS = frozenset({"fighter_aircraft", "trainer_aircraft", "transport_aircraft", "drone"})
"""The categories a bare `طائرة` is compatible with."""

COMPATIBLE: dict[str, frozenset[str]] = {
    "missile": frozenset({"air_defence", "ammunition"}),
    "air_defence": frozenset({"missile"}),
    "ammunition": frozenset({"missile", "artillery"}),
    "artillery": frozenset({"ammunition"}),
}
"""Categories one weapon may fairly be filed under together (a Patriot interceptor is a
missile of an air-defence system; a shell is ammunition of artillery)."""

_NOUNS: dict[str, tuple[str, ...]] = {
    "fighter_aircraft": (
        "مقاتلة", "مقاتلات", "قاذفة", "قاذفات", "طائرة مقاتلة",
        "طائرات مقاتلة", "مقاتلات الشبح",
    ),
    "trainer_aircraft": ("طائرة تدريب", "طائرات تدريب"),
    "transport_aircraft": ("طائرة نقل", "طائرات نقل", "نقل عسكري", "نقل عسكرية"),
    "helicopter": ("مروحية", "مروحيات", "هليكوبتر", "هيليكوبتر", "طوافة", "طوافات"),
    "drone": (
        "طائرة بدون طيار", "طائرات بدون طيار", "بدون طيار", "دون طيار", "بلا طيار",
        "مسيرة", "مسيرات", "درون",
    ),
    "ship": (
        "فرقاطة", "فرقاطات", "سفينة حربية", "سفن حربية", "سفينة", "سفن", "زورق", "زوارق",
        "طراد", "طرادات",
        "كورفيت", "كورفيتات", "بارجة", "بوارج", "مدمرة", "مدمرات", "حاملة طائرات",
        "حاملات طائرات", "حاملة", "حاملات", "كاسحة ألغام", "كاسحات ألغام",
    ),
    "submarine": ("غواصة", "غواصات"),
    "armoured_vehicle": (
        "دبابة", "دبابات", "مدرعة", "مدرعات", "عربة مدرعة", "عربات مدرعة", "ناقلة جند",
        "ناقلات جند", "مركبة قتالية", "مركبات قتالية", "عربة قتالية", "عربات قتالية",
        "مركبة مدرعة", "مركبات مدرعة",
    ),
    "artillery": (
        "مدفع", "مدفعية", "هاوتزر", "هاوتزرز", "راجمة", "راجمات", "راجمة صواريخ",
        "راجمات صواريخ", "مدافع هاوتزر",
    ),
    "missile": ("صاروخ", "صواريخ", "صواريخ باليستية", "صواريخ كروز"),
    "air_defence": (
        "دفاع جوي", "الدفاع الجوي", "دفاعات جوية", "منظومة دفاع جوي", "منظومات دفاع جوي",
        "دفاع صاروخي", "الدفاع الصاروخي", "مضادة للطائرات", "مضاد للطائرات",
    ),
    "small_arms": (
        "بندقية", "بنادق", "رشاش", "رشاشات", "مسدس", "مسدسات", "أسلحة خفيفة", "أسلحة صغيرة",
    ),
    "ammunition": ("قذيفة", "قذائف", "قنبلة", "قنابل", "طلقة", "طلقات"),
    AIRCRAFT: ("طائرة", "طائرات"),
}  # fmt: skip
"""Weapon nouns by the category they name. Leaves out `مدافع` (also a football defender),
`منظومة` alone (any system: `منظومة الأداء`), and `رادار`, `معدات`, `عتاد`, which are weapon
nouns (below) of no one category. A number before one of them counts weapons (`16 مقاتلة`)."""

_UNCOUNTED: dict[str, tuple[str, ...]] = {
    "fighter_aircraft": ("قتالية", "قتالي"),
    "trainer_aircraft": ("تدريب", "تدريبية"),
    "ship": ("سفنا", "حاملتي"),
    "submarine": ("غواصتين",),
    "missile": ("صاروخين",),
    "ammunition": ("ذخيرة", "ذخائر"),
    AIRCRAFT: ("طائرتين",),
}
"""Weapon words by category that no number before them counts: adjectives (`70 القتالية` is
`Block 70`), duals, which are a number of their own (`2011 عقدا لبناء حاملتي مروحيات`), an
accusative plural and the mass nouns of ammunition."""

OTHER_WEAPON_NOUNS = ("رادار", "رادارات", "منظومة", "منظومات", "ألغام", "لغم")
"""Nouns that make a phrase a weapon without naming its category; a number counts them."""

MASS_WEAPON_NOUNS = ("أسلحة", "سلاح", "معدات عسكرية", "عتاد", "عتاد عسكري")
"""Nouns of weapons in the mass, of no one category: no number before them counts weapons."""

WEAPON_NOUNS: Lexicon[str] = Lexicon(
    [
        (noun, category)
        for table in (_NOUNS, _UNCOUNTED)
        for category, nouns in table.items()
        for noun in nouns
    ]
    + [(noun, "other") for noun in (*OTHER_WEAPON_NOUNS, *MASS_WEAPON_NOUNS)]
)
"""Every weapon noun with the category it names (`other`: a weapon of no one category)."""

COUNTED_WEAPON_NOUNS = frozenset(
    normalize_text(noun)
    for nouns in (*_NOUNS.values(), OTHER_WEAPON_NOUNS)
    for noun in nouns
    if " " not in noun
)
"""The weapon nouns of one word that a number counts, normalized (`طايره`, `مقاتلات`)."""

MODEL_WORDS = normalized_words("طراز", "نوع", "موديل")
"""Words right before a designation that mark it as a model name (`من طراز Super Mushak`)."""

SYSTEMS: Lexicon[str] = Lexicon(
    [(name, "fighter_aircraft") for name in (
        "رافال", "يوروفايتر", "تايفون", "ميراج", "تورنادو", "ثندر", "غريبن", "جريبن", "سوخوي",
        "rafale", "eurofighter", "typhoon", "mirage", "tornado", "thunder", "gripen",
    )]
    + [(name, "trainer_aircraft") for name in ("مشاق", "سوبر مشاق", "mushak", "super mushak")]
    + [(name, "transport_aircraft") for name in ("هيركوليز", "هركوليز", "hercules")]
    + [(name, "helicopter") for name in (
        "أباتشي", "بلاك هوك", "شينوك", "كوبرا", "apache", "black hawk", "chinook",
    )]
    + [(name, "drone") for name in (
        "بيرقدار", "بايراقدار", "ريبر", "بريداتور", "وينغ لونغ", "bayraktar",
        "reaper", "predator",
    )]
    + [(name, "air_defence") for name in (
        "باتريوت", "ثاد", "القبة الحديدية", "بانتسير", "ناسامز", "patriot", "thaad", "nasams",
        "pantsir",
    )]
    + [(name, "armoured_vehicle") for name in (
        "أبرامز", "ليوبارد", "ميركافا", "تشالنجر", "برادلي", "همفي", "سترايكر",
        "abrams", "leopard", "merkava", "challenger", "bradley", "humvee", "stryker",
    )]
    + [(name, "artillery") for name in ("هيمارس", "himars", "قيصر", "caesar", "بالادين")]
    + [(name, "missile") for name in (
        "توماهوك", "هاربون", "جافلين", "تاو", "ستينغر", "ستينجر", "كورنيت", "إسكندر",
        "هيلفاير", "ميتيور", "سكالب", "ستورم شادو", "إكزوسيت", "tomahawk", "harpoon",
        "javelin", "tow", "stinger", "kornet", "iskander", "hellfire", "meteor", "exocet",
    )]
)  # fmt: skip
"""Known weapon systems named in words, by category. Leaves out names that are also common
words or given names (`هوك`, `تور`, `ليوناردو`)."""

_PREFIX_CATEGORY: dict[str, str] = {
    **dict.fromkeys(("f", "fa", "jf", "j", "اف", "جي اف", "سو", "su", "mig", "ميغ", "ميج"),
                    "fighter_aircraft"),
    **dict.fromkeys(("ah", "uh", "ch", "mh", "mi", "اتش", "يو اتش"), "helicopter"),
    **dict.fromkeys(("mq", "rq", "tb"), "drone"),
    **dict.fromkeys(("pac", "باك", "s", "اس", "sa"), "air_defence"),
    **dict.fromkeys(("c", "سي", "a400m"), "transport_aircraft"),
    **dict.fromkeys(("t", "تي", "m1a", "m"), "armoured_vehicle"),
}  # fmt: skip
"""Letters before a designation's digits and the category they name (`إف-16`, `PAC-3`,
`إس-400`, `سي-130`, `تي-72`). Leaves out `B` and `A`: bombers and transports share them with
airliners (`B-52`, `B777`, `A400M`, `A320`)."""

CIVIL_AIRLINERS = regex.compile(
    r"(?<![\p{L}\d])(?:b-?|بي ?-?)?7[0-9]7(?:-\d+[a-z]*)?(?!\d)|(?<![\p{L}\d])a-?3[0-9]{2}(?!\d)"
    r"|(?<![\p{L}\d])a-?220(?!\d)"
)
"""Boeing 7x7 and Airbus A2xx/A3xx airliners, on normalized text (`B777-300ER`, `A320`)."""

AIRLINER_MAKER_NAMES = ("بوينغ", "بوينج", "إيرباص", "إمبراير", "بومباردييه")
"""Airliner makers as Arabic news writes them; companies' names hold them (`institutions.py`)."""

AIRLINER_MAKERS = word_set(
    *AIRLINER_MAKER_NAMES, "boeing", "airbus", "embraer", "bombardier",
)  # fmt: skip
"""Makers of airliners (Boeing and Airbus also make weapons: a maker alone decides nothing)."""

AIRLINE_WORDS = word_set("الخطوط", "طيران", "الناقل الوطني", "ناقلة جوية")
"""Words that name an airline (`الخطوط الجوية العربية السعودية`, `طيران الإمارات`). Leaves out
`سلاح الطيران` (an air force), checked apart."""

MILITARY_WORDS = word_set(
    "تسلح", "عسكري", "عسكريين", "عسكريون", "حربي", "حربية", "دفاع", "دفاعي", "دفاعية", "قوات",
    "جيش", "جيوش", "البنتاغون", "البنتاجون", "عتاد", *MEASURE_OBJECTS["arms"],
)  # fmt: skip
"""Words that make a transfer military, beside the weapon nouns of a category (`مقاتلات`,
`صواريخ`, `ذخائر`, `قتالية`…) and the arms of an arms embargo (`أسلحة`, `تسليح`). Leaves out
`الفريق` (a rank and a sports team), `معسكر` (also a training camp) and `المدافع` (a football
defender)."""

BANS = word_set(
    "حظر", "معاهدة", "اتفاقية", "اتفاق", "منظمة", "برنامج", "حيازة", "انتشار", "نزع",
    "استخدام", "هجوم", "هجمات", "غارة", "غارات", "قصف",
)  # fmt: skip
"""First words of a phrase about weapons that is no weapon: a ban, a treaty, a programme, an
attack (`حظر الأسلحة الكيماوية`, `الغارات الجوية`)."""


def categories(words: Iterable[frozenset[str]]) -> set[str]:
    """The categories a run of words names: specific ones, else those of a bare aircraft."""
    run = list(words)
    named = {value for value in WEAPON_NOUNS.values(run) if value != "other"}
    named.update(SYSTEMS.values(run))
    specific = named - {AIRCRAFT}
    if specific:
        return specific
    return set(AIRCRAFT_KINDS) if named else set()


@lru_cache(maxsize=4096)
def designation_category(designation: str) -> str | None:
    """The category a designation's letters name (`إف-16` -> fighter), if they name one."""
    text = normalize_text(designation)
    if CIVIL_AIRLINERS.search(text):
        return None
    match = DESIGNATION.search(text)
    if match is None:
        return None
    head = match.group("head")
    for form in (head, head[1:], head.split(" ")[-1]):
        if form in _PREFIX_CATEGORY:
            return _PREFIX_CATEGORY[form]
    return None


@lru_cache(maxsize=4096)
def is_designation(phrase: str) -> bool:
    """True when the phrase holds a weapon designation pattern (`F-16`, `إس-400`, `JF-17`)
    that is not an airliner's."""
    text = normalize_text(phrase)
    return not CIVIL_AIRLINERS.search(text) and DESIGNATION.search(text) is not None


@lru_cache(maxsize=4096)
def is_airliner(phrase: str) -> bool:
    """True when the phrase names an airliner model (`B777-300ER`, `بوينغ 787`, `A320`)."""
    return CIVIL_AIRLINERS.search(normalize_text(phrase)) is not None


@lru_cache(maxsize=4096)
def is_airline(phrase: str) -> bool:
    """True when the phrase names an airline (and not an air force: `سلاح الطيران`)."""
    words = phrase_words(phrase)
    air_force = any("سلاح" in word for word in words)
    return not air_force and bool(AIRLINE_WORDS.values(words))


@lru_cache(maxsize=4096)
def names_weapon(phrase: str) -> bool:
    """True when the phrase names a weapon: a designation, a known system or a weapon noun."""
    words = phrase_words(phrase)
    return is_designation(phrase) or bool(SYSTEMS.values(words)) or bool(WEAPON_NOUNS.values(words))
