"""Numbers in Arabic text: digits of every script and number words, with their values and
their spans in the original text.

The text is normalized first (digit scripts, alef forms, ة→ه…); a precompiled pattern finds
number tokens (digits, and lexicon words behind optional clitics و ف ب ل ك ال), and a small
grammar joins adjacent tokens into one number: `ستة عشر`, `ألف وتسعمائة وسبعون`,
`2.5 مليار`, `مليار ونصف المليار`, `مئات الملايين`. Spans map back through the offset map.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from extractor.arabic.currencies import currency_spans, find_currency
from extractor.arabic.normalize import Normalized, normalize, normalize_text
from extractor.arabic.number_words import (
    DURATION_UNITS,
    LEXICON,
    TEN_WORDS,
    Kind,
    Word,
    trie_pattern,
)


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number stated in the text: its value and its span in the ORIGINAL text.

    `lower_bound` marks an indefinite plural (`بمليارات` = at least 2e9, `عشرات` = at least 20).
    """

    value: float
    start: int
    end: int
    text: str
    lower_bound: bool


@dataclass(frozen=True, slots=True)
class MoneyValue:
    """An amount of money: a definite `amount` or, for indefinite phrases, a `min_amount`."""

    amount: float | None
    min_amount: float | None
    currency: str | None


# The patterns run on normalized text, which has no diacritics left to split words at, so the
# standard library's `re` is safe here, and about three times faster than `regex`.
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"
_NOT_BEFORE_LETTER = r"(?![^\W\d_])"
_CLITICS = r"(?:[وفبلك]{1,2}?(?:ال)?|ال)"
# a token can only start with a digit, a clitic or a lexicon word's first letter; testing
# that first lets the scan skip most positions (twice as fast)
_FIRST = "".join(sorted({word[0] for word in LEXICON} | set("وفبلكا")))
_TOKEN = re.compile(
    rf"(?=[\d{_FIRST}])(?:"
    + _NOT_AFTER_LETTER
    + r"(?P<pre>"
    + _CLITICS
    + r")??"
    + r"(?:(?<!\d)(?P<digits>\d+(?:[.,]\d+)*)"
    + r"|(?P<word>"
    + trie_pattern(sorted(LEXICON))
    + r")"
    + _NOT_BEFORE_LETTER
    + r")|(?<!\d)(?P<glued>\d+(?:[.,]\d+)*))"  # digits right after a word: عام2011, F16
)
_SEPARATOR = re.compile(r"[.,]")
_MINUS = re.compile(r"\s*[-\u2212\u2010\u2011\u2012\u2013]\s*\d")
"""A minus sign right before the digits of a short phrase (`-16`): the value is negative."""
_ARABIC_COMMA_DECIMAL = re.compile(r"\d+,\d{1,2}")
_ARABIC_DECIMAL = "٫"
_HUNDRED_WORDS = frozenset(map(normalize_text, ("مئة", "مائة")))
_ONE_WITH_HAMZA = frozenset(map(normalize_text, ("واحد", "واحدة")))  # وأحد folds to واحد
_AND_ONE = normalize_text("أحد")
_SCALE_KINDS = frozenset({Kind.SCALE, Kind.PLURAL_SCALE})
_MULTIPLIERS = frozenset(
    {Kind.UNIT, Kind.TENS, Kind.HUNDREDS, Kind.DIGITS, Kind.FRACTION, Kind.INDEFINITE}
)
_ADDENDS = frozenset({Kind.UNIT, Kind.TEEN_HEAD, Kind.TENS, Kind.HUNDREDS, Kind.DIGITS})
_SIGNIFICANT_DIGITS = 12

_UNIT_MONTHS: dict[str, float] = {
    normalize_text(unit): months for unit, (months, _, _) in DURATION_UNITS.items()
}
_FORM_MONTHS: dict[str, float] = {
    normalize_text(form): months
    for months, singular, plural in DURATION_UNITS.values()
    for form in singular + plural
}
_PLURAL_FORMS = frozenset(
    normalize_text(form) for _, _, plural in DURATION_UNITS.values() for form in plural
)
_UNIT = r"[وفبلك]{0,2}(?P<unit>" + trie_pattern(sorted(_FORM_MONTHS)) + r")" + _NOT_BEFORE_LETTER
_UNIT_WORD = re.compile(_NOT_AFTER_LETTER + _UNIT)
_UNIT_NEXT = re.compile(" ?" + _UNIT)  # 18 شهرا
_UNIT_PREVIOUS = re.compile(_NOT_AFTER_LETTER + _UNIT + " $")  # الأعوام الستة, عام ونصف
_UNIT_LOOK_BACK = 20


@dataclass(frozen=True, slots=True)
class _Token:
    """A number token in normalized text; `start` is after its clitics."""

    word: Word
    start: int
    end: int
    pre: str
    surface: str


def _digit_tokens(match: re.Match[str], norm: Normalized, scale_follows: bool) -> list[_Token]:
    """The numbers a run of digits and separators states: one (1,000 / 1,12 / 5.4) or several
    when the separators cannot belong to one number (15.06.2017, or an Arabic comma between
    years: 2011،2012; but ١،٥ مليار is a decimal)."""
    group = "digits" if match["digits"] is not None else "glued"
    start, end = match.span(group)
    text = match[group]
    pieces: list[tuple[int, str]] = []
    piece_start = 0
    decimal_comma = scale_follows and _ARABIC_COMMA_DECIMAL.fullmatch(text) is not None
    original = norm.source[norm.offsets[start] : norm.offsets[end - 1] + 1]
    dot_is_decimal = scale_follows or _ARABIC_DECIMAL in original
    for separator in _SEPARATOR.finditer(text):
        if norm.source[norm.offsets[start + separator.start()]] == "،" and not decimal_comma:
            pieces.append((piece_start, text[piece_start : separator.start()]))
            piece_start = separator.end()
    pieces.append((piece_start, text[piece_start:]))
    tokens: list[_Token] = []
    for offset, piece in pieces:
        is_last = offset == pieces[-1][0]
        for value, piece_offset, piece_end in _grouped_value(piece, dot_is_decimal and is_last):
            tokens.append(
                _Token(
                    Word(Kind.DIGITS, value),
                    start + offset + piece_offset,
                    start + offset + piece_end,
                    (match["pre"] or "") if offset == 0 and piece_offset == 0 else "",
                    piece[piece_offset:piece_end],
                )
            )
    return tokens


def _grouped_value(text: str, dot_is_decimal: bool) -> list[tuple[float, int, int]]:
    """Values of digits with . and , separators: thousands (1,000 / 1.000.000 / 5.000), decimals
    (5.4 / 1,8 / 1,12; a dot always before a scale word or when written ٫), or else each digit
    group on its own."""
    groups = _SEPARATOR.split(text)
    separators = _SEPARATOR.findall(text)
    if not separators:
        return [(float(text), 0, len(text))]
    kinds = set(separators)
    digits = "".join(groups)
    if len(kinds) == 2:
        decimal = separators[-1]
        if separators.count(decimal) == 1 and _thousands(groups[:-1]):
            return [(float(digits[: -len(groups[-1])] + "." + groups[-1]), 0, len(text))]
    elif len(groups) > 2:
        if _thousands(groups):
            return [(float(digits), 0, len(text))]
    else:
        head, tail = groups
        thousands = _thousands(groups) and not (separators[0] == "." and dot_is_decimal)
        if thousands and head != "0":
            return [(float(digits), 0, len(text))]
        if separators[0] == "." or len(tail) <= 2:
            return [(float(head + "." + tail), 0, len(text))]
    values: list[tuple[float, int, int]] = []
    position = 0
    for group in groups:
        values.append((float(group), position, position + len(group)))
        position += len(group) + 1
    return values


def _thousands(groups: list[str]) -> bool:
    """Whether digit groups read as thousands grouping: 1-3 digits, then threes."""
    return 1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])


def _tokens(norm: Normalized) -> list[_Token]:
    """Every number token of the normalized text, in order."""
    text = norm.text
    matches = list(_TOKEN.finditer(text))
    tokens: list[_Token] = []
    for index, match in enumerate(matches):
        if match["word"] is None:
            following = matches[index + 1] if index + 1 < len(matches) else None
            scale_follows = (
                following is not None
                and following["word"] is not None
                and following.start() - match.end() <= 1
                and LEXICON[following["word"]].kind in _SCALE_KINDS
            )
            tokens.extend(_digit_tokens(match, norm, scale_follows))
            continue
        pre = match["pre"] or ""
        surface = match["word"]
        start = match.start("word")
        if surface in _ONE_WITH_HAMZA and norm.source[norm.offsets[start + 1]] in "أإ":
            pre, surface, start = "و", _AND_ONE, start + 1  # وأحد عشر: و + أحد
        if _excluded(pre, surface):
            continue
        tokens.append(_Token(LEXICON[surface], start, match.end("word"), pre, surface))
    return tokens


def _excluded(pre: str, surface: str) -> bool:
    """Lexicon words that are not numbers in context: المئه of percentages (بالمئه, في المئه),
    الاثنين the weekday, a dual in construct that cannot take ال (the surname الألفي), and
    لست (I am not)."""
    if pre.endswith("ال"):
        construct = LEXICON[surface].kind is Kind.DUAL_SCALE and surface.endswith("ي")
        return surface in _HUNDRED_WORDS or surface == "اثنين" or construct
    return surface == "ست" and pre.endswith("ل")


class _Number:
    """One number being read from consecutive tokens, by the rules of Arabic numerals."""

    def __init__(self, token: _Token) -> None:
        self.first = token
        self.last_token = token
        self.total = 0.0
        self.current = 0.0
        self.max_scale = 0.0
        self.last_scale = 0.0
        self.fraction_unit = 0.0
        self.state = token.word.kind
        self.lower_bound = False
        self.noun = token.word.noun
        self.valid = True
        kind, value = token.word.kind, token.word.value
        if kind is Kind.SCALE:
            self._scale(value, 1.0)
        elif kind is Kind.DUAL_SCALE:
            self._scale(value, 2.0)
        elif kind is Kind.PLURAL_SCALE:
            self._scale(value, 2.0)
            self.lower_bound = True
        elif kind is Kind.INDEFINITE:
            self.current = 2 * value
            self.lower_bound = True
        elif kind is Kind.QUARTERS:
            self.valid = False
        else:
            self.current = value
            self.valid = kind is not Kind.TEEN_HEAD

    @property
    def value(self) -> float:
        """The number read so far."""
        return _rounded(self.total + self.current)

    def _scale(self, scale: float, multiplier: float) -> None:
        """Apply a scale word to what has been read so far."""
        if scale > self.max_scale:
            self.total = (self.total + multiplier) * scale
            self.max_scale = scale
        else:
            self.total += multiplier * scale
        self.current = 0.0
        self.last_scale = scale
        self.state = Kind.SCALE

    def extend(self, token: _Token, gap: str) -> bool:
        """Take `token` into this number when the text between them (`gap`) and the grammar
        allow it; False leaves the number as it is."""
        if (token.pre == "و" and gap == " ") or (token.pre == "" and gap == " و "):
            joined = self._and(token)
        elif token.pre == "" and gap in (" ", ""):
            joined = self._space(token)
        elif token.pre == "ال" and gap == " ":  # مئات الملايين, ونصف المليار
            joined = (
                token.word.kind in _SCALE_KINDS
                and (self.state is Kind.INDEFINITE or self.fraction_unit > 0)
                and self._space(token)
            )
        else:
            joined = False
        if joined:
            self.last_token = token
        return joined

    def _space(self, token: _Token) -> bool:
        """Juxtaposition: teens, multiplier × scale, ثلاث مئة, ثلاثة أرباع."""
        if self.fraction_unit:  # after و + fraction only the scale may be named again
            return token.word.kind is Kind.SCALE and token.word.value == self.fraction_unit
        kind, value = token.word.kind, token.word.value
        state = self.state
        last = self.last_token.word.value
        if token.surface in TEN_WORDS and (
            state is Kind.TEEN_HEAD or (state is Kind.UNIT and last < 10)
        ):
            self.current += 10
            self.state = Kind.TENS
            self.valid = True
            return True
        if kind in _SCALE_KINDS and state in _MULTIPLIERS and self.current > 0:
            multiplier = self.current
            self.current = 0.0
            self._scale(value, multiplier)
            return True
        if kind is Kind.SCALE and state is Kind.SCALE and self.current == 0:
            if value > self.max_scale:
                self._scale(value, 0.0)
                return True
            return False
        if kind is Kind.HUNDREDS and value == 100 and state is Kind.UNIT and 3 <= last <= 9:
            self.current += last * 99
            self.state = Kind.HUNDREDS
            return True
        if kind is Kind.QUARTERS and state is Kind.UNIT:
            self.current += last * (value - 1)
            self.state = Kind.FRACTION
            return True
        return False

    def _and(self, token: _Token) -> bool:
        """Addition with و: خمسة وعشرون, ألف وتسعمائة, مليار و200 مليون, عامين ونصف."""
        if self.fraction_unit:
            return False
        kind, value = token.word.kind, token.word.value
        state = self.state
        if kind is Kind.FRACTION:
            unit = self.last_scale if state is Kind.SCALE else 1.0
            self.current += value * unit
            self.fraction_unit = unit
            return True
        if kind is Kind.TENS and state is Kind.UNIT:
            self.current += value
            self.state = Kind.TENS
            return True
        if state is Kind.SCALE and self.current == 0 and value < self.last_scale:
            if kind in (Kind.SCALE, Kind.DUAL_SCALE):  # مليون وألف, مليون وألفان
                self._scale(value, 2.0 if kind is Kind.DUAL_SCALE else 1.0)
                return True
            if kind in _ADDENDS:
                self.current = value
                self.state = kind
                return True
        if state is Kind.HUNDREDS and kind in _ADDENDS and value < 100:
            self.current += value
            self.state = kind
            return True
        return False


@dataclass(frozen=True, slots=True)
class _Reading:
    """A number read from normalized text, with what `find_numbers` does not report."""

    mention: NumberMention
    norm_start: int
    norm_end: int
    noun: str
    pre: str


def _read(norm: Normalized) -> list[_Reading]:
    """Every number of the normalized text, longest reading first, without overlaps."""
    tokens = _tokens(norm)
    text = norm.text
    readings: list[_Reading] = []
    index = 0
    while index < len(tokens):
        number = _Number(tokens[index])
        index += 1
        while index < len(tokens):
            token = tokens[index]
            gap = text[number.last_token.end : token.start - len(token.pre)]
            if not number.extend(token, gap):
                break
            index += 1
        if number.valid and math.isfinite(number.value):
            start, end = norm.to_original(number.first.start, number.last_token.end)
            mention = NumberMention(
                value=number.value,
                start=start,
                end=end,
                text=norm.source[start:end],
                lower_bound=number.lower_bound,
            )
            readings.append(
                _Reading(
                    mention,
                    number.first.start,
                    number.last_token.end,
                    number.noun,
                    number.first.pre,
                )
            )
    return readings


def find_numbers(text: str) -> list[NumberMention]:
    """Every number stated in `text`, in order, with spans in `text` itself."""
    return [reading.mention for reading in _read(normalize(text))]


def parse_number(phrase: str) -> float | None:
    """The number a short phrase states ("16", "ستة عشر", "٢٤", "أكثر من 100" → 100,
    "طائرتين" → 2, "-16" → -16); None when it states none."""
    readings = _read(normalize(phrase))
    if not readings:
        return None
    value = readings[0].mention.value
    return -value if _MINUS.match(phrase) else value


def parse_money(phrase: str) -> MoneyValue | None:
    """The amount and currency of a money phrase ("1,12 مليار دولار" → 1.12e9 USD,
    "بمليارات الدولارات" → at least 2e9 USD); None when it states no number.

    The amount is the number just before the currency word when there is one (`36 طائرة بقيمة
    12 مليار دولار` → 12e9), else the first number."""
    norm = normalize(phrase)
    readings = _read(norm)
    if not readings:
        return None
    currency = find_currency(norm.text)
    code, at = currency if currency else (None, 0)
    before = [reading for reading in readings if reading.norm_end <= at]
    mention = (before[-1] if before else readings[0]).mention
    if mention.lower_bound:
        return MoneyValue(amount=None, min_amount=mention.value, currency=code)
    return MoneyValue(amount=mention.value, min_amount=None, currency=code)


CURRENCY_REACH = 3
"""Most words between an amount's number and its currency (`مليار دولار`, `2.5 مليار من
الدولارات`)."""

_WORDS = re.compile(r"\w+")


def money_phrases(text: str) -> list[str]:
    """Every amount of money `text` states, as written from its number's word to its currency
    (`بمليارات الدولارات`, `بقيمة 2.5 مليار دولار أمريكي` -> `2.5 مليار دولار أمريكي`)."""
    norm = normalize(text)
    numbers = find_numbers(text)
    phrases: list[str] = []
    for start, end in currency_spans(norm.text):
        at, until = norm.to_original(start, end)
        before = [
            number
            for number in numbers
            if number.end <= at and len(_WORDS.findall(text[number.end : at])) <= CURRENCY_REACH
        ]
        if before:
            first = _word_start(text, before[-1].start)
            if text[first] in "وف" and text[first + 1 : first + 2].isdigit():
                first += 1  # `و20 مليون ريال`: the conjunction is no part of the amount
            phrases.append(text[first:until])
    return phrases


def _word_start(text: str, offset: int) -> int:
    """Where the word holding an offset begins (`بمليارات` for a number read from `مليارات`)."""
    while offset > 0 and not text[offset - 1].isspace():
        offset -= 1
    return offset


def parse_duration_months(phrase: str) -> float | None:
    """The length in months a duration phrase states ("على مدى عامين ونصف" → 30,
    "خلال الأعوام الستة المقبلة" → 72, "18 شهرا" → 18, "3 سنوات و6 أشهر" → 42, "خلال عام"
    → 12); None when it states none. A year after a singular unit (عام 2020) is a date."""
    norm = normalize(phrase)
    text = norm.text
    readings = _read(norm)
    months = 0.0
    found = False
    for reading in readings:
        if found and reading.pre != "و":
            break
        amount = _reading_months(text, reading, found)
        if amount is not None:
            months += amount
            found = True
    if found:
        return _rounded(months)
    unit = None if readings else _UNIT_WORD.search(text)  # خلال عام: one unit
    return _rounded(_FORM_MONTHS[unit["unit"]]) if unit else None


def _reading_months(text: str, reading: _Reading, after_another: bool) -> float | None:
    """The months one number of a duration phrase counts, from its unit; None without one."""
    value = reading.mention.value
    if reading.noun in _UNIT_MONTHS:  # عامين ونصف
        return value * _UNIT_MONTHS[reading.noun]
    following = _UNIT_NEXT.match(text, reading.norm_end)
    if following is not None:
        return value * _FORM_MONTHS[following["unit"]]
    start = reading.norm_start - len(reading.pre)
    previous = _UNIT_PREVIOUS.search(text, max(0, start - _UNIT_LOOK_BACK), start)
    if previous is None:
        return None
    unit = previous["unit"]
    if reading.pre == "و" and value < 1:  # عام ونصف, ثلاثة أعوام ونصف
        return (value if after_another else 1 + value) * _FORM_MONTHS[unit]
    return value * _FORM_MONTHS[unit] if unit in _PLURAL_FORMS else None


def _rounded(value: float) -> float:
    """A value without float noise (1.12 × 1e9 is 1120000000.0, not 1120000000.0000002)."""
    return float(f"{value:.{_SIGNIFICANT_DIGITS}g}")
