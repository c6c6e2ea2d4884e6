"""Currencies named in Arabic money phrases, as ISO 4217 codes.

A currency noun (دولار, ريال, دينار…) and an optional qualifier after it (سعودي, كويتي…)
decide the code. Nouns that several states share (ريال, دينار, درهم, ليره, روبيه, فرنك) give
no code without a qualifier: a guess would be a fact the text does not state.
"""

from __future__ import annotations

import regex

from extractor.arabic.normalize import normalize_text

# noun forms (normalized) -> (code without a qualifier, {qualifier stem: code})
_CURRENCIES: dict[tuple[str, ...], tuple[str | None, dict[str, str]]] = {
    ("دولار", "دولارا", "دولارات", "دولاران", "دولارين"): (
        "USD",
        {
            "أمريكي": "USD",
            "أميركي": "USD",
            "كندي": "CAD",
            "أسترالي": "AUD",
            "سنغافوري": "SGD",
            "نيوزيلندي": "NZD",
            "تايواني": "TWD",
        },
    ),
    ("يورو",): ("EUR", {}),
    ("جنيه", "جنيها", "جنيهات", "جنيهان", "جنيهين"): (
        "EGP",
        {"إسترليني": "GBP", "مصري": "EGP", "سوداني": "SDG"},
    ),
    ("إسترليني",): ("GBP", {}),
    ("ريال", "ريالا", "ريالات", "ريالان", "ريالين"): (
        None,
        {
            "سعودي": "SAR",
            "قطري": "QAR",
            "عماني": "OMR",
            "إيراني": "IRR",
            "يمني": "YER",
            "برازيلي": "BRL",
        },
    ),
    ("دينار", "دينارا", "دنانير", "ديناران", "دينارين"): (
        None,
        {
            "كويتي": "KWD",
            "أردني": "JOD",
            "بحريني": "BHD",
            "ليبي": "LYD",
            "عراقي": "IQD",
            "تونسي": "TND",
            "جزائري": "DZD",
        },
    ),
    ("درهم", "درهما", "دراهم", "درهمان", "درهمين"): (
        None,
        {"إماراتي": "AED", "مغربي": "MAD"},
    ),
    ("ليرة", "ليرات", "ليرتان", "ليرتين"): (
        None,
        {"تركي": "TRY", "سوري": "SYP", "لبناني": "LBP", "إسترليني": "GBP"},
    ),
    ("روبل", "روبلا", "روبلات"): ("RUB", {}),
    ("ين",): ("JPY", {}),
    ("يوان",): ("CNY", {}),
    ("روبية", "روبيات"): (None, {"هندي": "INR", "باكستاني": "PKR"}),
    ("فرنك", "فرنكا", "فرنكات"): (None, {"سويسري": "CHF"}),
    ("شيكل", "شيكلا", "شواكل"): ("ILS", {}),
    ("وون",): ("KRW", {}),
}
_SYMBOLS: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP"}

_NOUN_TO_ENTRY: dict[str, tuple[str | None, dict[str, str]]] = {
    normalize_text(noun): (default, {normalize_text(q): code for q, code in qualified.items()})
    for nouns, (default, qualified) in _CURRENCIES.items()
    for noun in nouns
}
_CLITICS = r"(?:[وفبلك]{0,2}(?:ال)?)"
_SHORT = 2  # a noun this short takes only the article: بين is "between", not ب + ين
_NOUN = regex.compile(
    r"(?<![\p{L}\p{M}])(?:"
    + _CLITICS
    + r"(?P<noun>"
    + "|".join(sorted((noun for noun in _NOUN_TO_ENTRY if len(noun) > _SHORT), key=len)[::-1])
    + r")|(?:ال)?(?P<noun>"
    + "|".join(noun for noun in _NOUN_TO_ENTRY if len(noun) <= _SHORT)
    + r"))(?![\p{L}\p{M}])"
    + r"(?:\s+(?:ال)?(?P<qualifier>\p{L}+))?"
)
_SYMBOL = regex.compile("|".join(regex.escape(symbol) for symbol in _SYMBOLS))


def _qualified(word: str, qualified: dict[str, str], default: str | None) -> str | None:
    """The code a qualifier word selects, in any gender or number (سعوديه, سعوديين)."""
    for cut in range(3):
        code = qualified.get(word[: len(word) - cut])
        if code is not None:
            return code
    return default


def find_currency(normalized: str) -> tuple[str | None, int] | None:
    """The currency that already-normalized text names first, with its normalized offset;
    None when it names none. The code is None for a noun without the qualifier it needs."""
    candidates: list[tuple[int, str | None]] = []
    noun = _NOUN.search(normalized)
    if noun is not None:
        default, qualified = _NOUN_TO_ENTRY[noun["noun"]]
        code = _qualified(noun["qualifier"] or "", qualified, default)
        candidates.append((noun.start("noun"), code))
    symbol = _SYMBOL.search(normalized)
    if symbol is not None:
        candidates.append((symbol.start(), _SYMBOLS[symbol.group()]))
    if not candidates:
        return None
    start, code = min(candidates, key=lambda candidate: candidate[0])
    return code, start


def currency_spans(normalized: str) -> list[tuple[int, int]]:
    """Where each currency noun or symbol of already-normalized text stands, with the qualifier
    that selects its code (`دولار أمريكي`, `ريال سعودي`), in normalized offsets."""
    spans = [(symbol.start(), symbol.end()) for symbol in _SYMBOL.finditer(normalized)]
    for noun in _NOUN.finditer(normalized):
        qualified = _NOUN_TO_ENTRY[noun["noun"]][1]
        qualifier = noun["qualifier"]
        selects = qualifier is not None and _qualified(qualifier, qualified, None) is not None
        spans.append((noun.start("noun"), noun.end() if selects else noun.end("noun")))
    return sorted(spans)


def currency_code(phrase: str) -> str | None:
    """The ISO 4217 code a money phrase names ("مليار دولار" → USD, "ريال قطري" → QAR),
    None when it names none or only an ambiguous noun (a bare "دينار")."""
    found = find_currency(normalize_text(phrase))
    return found[0] if found else None
