"""Resolve a short Arabic date phrase to a partial ISO date against the article's date.

A deterministic pass handles what news writes most and dateparser misses: weekdays (`يوم
الثلاثاء`, `أمس الأربعاء`), `اليوم`/`أمس`, Egyptian, Levantine and Maghrebi month names and
their double forms (`فبراير/شباط`), `منذ 2006`, `العام الماضي`, `الشهر الماضي`. What is left
goes to dateparser's `DateDataParser` with `RELATIVE_BASE` = published. Precision is what the
text supports: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a Hijri date alone resolves to None.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

import regex
from dateparser.date import DateDataParser

from extractor.arabic.normalize import normalize_text
from extractor.arabic.numbers import find_numbers

MONTHS: dict[str, int] = {
    # Egyptian / Gulf
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "اغسطس": 8,
    "سبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    # Levantine / Iraqi
    "كانون الثاني": 1,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الاول": 12,
    # Algerian / Tunisian
    "جانفي": 1,
    "فيفري": 2,
    "افريل": 4,
    "ماي": 5,
    "جوان": 6,
    "جويليه": 7,
    "اوت": 8,
    # Moroccan
    "يوليوز": 7,
    "غشت": 8,
    "شتنبر": 9,
    "نونبر": 11,
    "دجنبر": 12,
}
"""Gregorian month names, normalized (ة -> ه, alef forms -> ا)."""

WEEKDAYS: dict[str, int] = {
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
"""Weekday names, normalized, numbered as `datetime.date.weekday()`."""

HIJRI_MONTHS = (
    "محرم",
    "صفر",
    "ربيع الاول",
    "ربيع الاخر",
    "ربيع الثاني",
    "جمادي الاولي",
    "جمادي الاخره",
    "جمادي الثانيه",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعده",
    "ذي القعده",
    "ذو الحجه",
    "ذي الحجه",
)

_START = r"(?<![\p{L}\p{N}])"
_END = r"(?![\p{L}\p{N}])"
_CLITIC = r"(?:[وف]?[بل]?)"


def _alternation(phrases: Iterable[str]) -> str:
    """A longest-first alternation of literal phrases."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(str(regex.escape(phrase)) for phrase in ordered)


_MONTH = regex.compile(_START + _CLITIC + r"(?:ال)?(?P<month>" + _alternation(MONTHS) + ")" + _END)
_UNIT_ORDINALS = (
    "الحادي",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
)
_ORDINALS: dict[str, int] = {"الاول": 1, "العاشر": 10, "العشرين": 20, "الثلاثين": 30}
_ORDINALS.update({word: index + 1 for index, word in enumerate(_UNIT_ORDINALS) if index})
_ORDINALS.update({f"{word} عشر": index + 11 for index, word in enumerate(_UNIT_ORDINALS)})
_ORDINALS.update({f"{word} والعشرين": index + 21 for index, word in enumerate(_UNIT_ORDINALS)})
_ORDINALS["الحادي والثلاثين"] = 31
"""Ordinal day numbers, normalized: `الخامس عشر من فبراير` is the 15th."""

_DAY = r"(?:\d{1,2}|" + _alternation(_ORDINALS) + ")"
_DAY_BEFORE = regex.compile(
    r"(?:(?<!\d)(?P<day>\d{1,2})|" + _START + "(?P<ordinal>" + _alternation(_ORDINALS) + "))"
    r"(?:\s+و\s*" + _DAY + r")?\s*(?:من\s+)?(?:شهر\s+)?\Z"
)
"""The day before a month name; of two days (`يومي السادس والسابع من أغسطس`), the first."""
_YEAR = regex.compile(r"(?<![\d.,])(?P<year>(?:19|20)\d\d)(?![\d.,])")
_SLASH = r"\s*[/.-]\s*"
_NUMERIC = regex.compile(
    r"(?<![\d.,/-])(?:(?P<d>\d{1,2})"
    + _SLASH
    + r"(?P<m>\d{1,2})"
    + _SLASH
    + r"(?P<y>(?:19|20)\d\d)|(?P<y2>(?:19|20)\d\d)"
    + _SLASH
    + r"(?P<m2>\d{1,2})"
    + _SLASH
    + r"(?P<d2>\d{1,2}))(?![\d.,/-])"
)
"""A numeric date, with or without spaces around its separators (`30 / 7 / 2015`)."""
_WEEKDAY = regex.compile(_START + _CLITIC + r"(?P<weekday>" + _alternation(WEEKDAYS) + ")" + _END)
_HIJRI = regex.compile(
    r"(?:\d{1,2}\s*(?:من\s+)?)?"
    + _START
    + _CLITIC
    + r"(?:"
    + _alternation(HIJRI_MONTHS)
    + ")"
    + _END
    + r"(?:\s*\d{3,4})?(?:\s*(?:ه|هجري|هجريه)"
    + _END
    + ")?"
    + r"|(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*)?\d{3,4}\s*(?:ه|هجري|هجريه)"
    + _END
)
"""A Hijri date (`14 رمضان 1436`, `14 / 10 / 1436هـ`): removed, so that the Gregorian date
beside it (`الموافق 30 / 7 / 2015م`) is the one read."""
_BEFORE_YESTERDAY = regex.compile(_START + r"(?:اول\s+امس|امس\s+الاول)" + _END)
_YESTERDAY = regex.compile(_START + _CLITIC + r"امس" + _END)
_TODAY = regex.compile(_START + _CLITIC + r"اليوم" + _END)
_TOMORROW = regex.compile(_START + _CLITIC + r"(?:غدا|الغد)" + _END)
_PAST = r"(?:الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته|السابق|السابقه)"
_CURRENT = r"(?:الحالي|الحاليه|الجاري|الجاريه)"
_NEXT = r"(?:المقبل|المقبله|القادم|القادمه)"
_YEAR_WORD = r"(?:العام|السنه)"
_MONTH_WORD = r"الشهر"
_RELATIVE_YEAR = regex.compile(
    _START + _CLITIC + rf"(?:{_YEAR_WORD}\s+(?:(?P<past>{_PAST})|(?P<now>{_CURRENT})"
    rf"|(?P<next>{_NEXT}))|(?P<this>هذا\s+العام|هذه\s+السنه))" + _END
)
_RELATIVE_MONTH = regex.compile(
    _START + _CLITIC + rf"(?:{_MONTH_WORD}\s+(?:(?P<past>{_PAST})|(?P<now>{_CURRENT})"
    rf"|(?P<next>{_NEXT}))|(?P<this>هذا\s+الشهر))" + _END
)
_WEEK = regex.compile(_START + _CLITIC + r"(?:الاسبوع|اسبوع)" + _END)
_FOLLOWED_BY_PAST = regex.compile(r"\A\s*" + _PAST + _END)
_FOLLOWED_BY_NEXT = regex.compile(r"\A\s*" + _NEXT + _END)
_MAX_FALLBACK_WORDS = 8
_SINCE = regex.compile(r"^\s*منذ(?=\s+\d)")  # منذ 10 أعوام: dateparser knows only قبل


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; None for an impossible date."""
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_year(month: int, day: int | None, published: dt.date, direction: int) -> int:
    """The year of a month (and day) given without one: the most recent on or before
    `published`; with `direction` -1 (`مارس الماضي`) strictly before its month, +1 after."""
    here = (published.month, published.day if day is not None else 0)
    there = (month, day or 0)
    if direction > 0:
        return published.year if there > here else published.year + 1
    if direction < 0:
        return published.year if month < published.month else published.year - 1
    return published.year if there <= here else published.year - 1


def _from_month(text: str, match: regex.Match[str], published: dt.date | None) -> str | None:
    """A date built around a month name: its day just before it, a year anywhere."""
    month = MONTHS[match.group("month")]
    day_match = _DAY_BEFORE.search(text, 0, match.start())
    day = None
    if day_match is not None:
        ordinal = day_match.group("ordinal")
        day = _ORDINALS[ordinal] if ordinal else int(day_match.group("day"))
    year_match = _YEAR.search(text)
    if year_match is not None:
        return _iso(int(year_match.group("year")), month, day)
    if published is None:
        return None
    after = text[match.end() :]
    direction = -1 if _FOLLOWED_BY_PAST.match(after) else 1 if _FOLLOWED_BY_NEXT.match(after) else 0
    return _iso(_month_year(month, day, published, direction), month, day)


def _from_weekday(text: str, match: regex.Match[str], published: dt.date) -> str:
    """The most recent such weekday on or before published: before it for `الخميس الماضي`, on
    or before yesterday for `أمس الأربعاء`; the next one after it for `الخميس المقبل`."""
    weekday = WEEKDAYS[match.group("weekday")]
    after = text[match.end() :]
    if _FOLLOWED_BY_NEXT.match(after):
        return (
            published + dt.timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
        ).isoformat()
    anchor = published
    if _BEFORE_YESTERDAY.search(text):
        anchor -= dt.timedelta(days=2)
    elif _YESTERDAY.search(text) or _FOLLOWED_BY_PAST.match(after):
        anchor -= dt.timedelta(days=1)
    return (anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)).isoformat()


def _from_relative(text: str, published: dt.date) -> str | None:
    """`أمس`, `اليوم`, `غدا`, `العام الماضي`, `الشهر الماضي` and their kin."""
    for pattern, days in ((_BEFORE_YESTERDAY, -2), (_YESTERDAY, -1), (_TODAY, 0), (_TOMORROW, 1)):
        if pattern.search(text):
            return (published + dt.timedelta(days=days)).isoformat()
    match = _RELATIVE_YEAR.search(text)
    if match is not None:
        shift = -1 if match.group("past") else 1 if match.group("next") else 0
        return _iso(published.year + shift)
    match = _RELATIVE_MONTH.search(text)
    if match is not None:
        shift = -1 if match.group("past") else 1 if match.group("next") else 0
        index = published.year * 12 + published.month - 1 + shift
        return _iso(index // 12, index % 12 + 1)
    return None


@lru_cache(maxsize=64)
def _parser(published: dt.date) -> DateDataParser:
    """One dateparser per anchor date (construction is cheap; its language data loads once)."""
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(published, dt.time()),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=["ar"], settings=settings)


def _with_digits(phrase: str) -> str:
    """Number words written as digits where a unit follows (`قبل ثلاثة أيام` -> `قبل 3 أيام`),
    which dateparser reads; a dual that is its own unit (`عامين`) is left alone."""
    for mention in reversed(find_numbers(phrase)):
        words_after = phrase[mention.end :].split()
        if mention.value.is_integer() and words_after and not mention.text[:1].isdigit():
            phrase = f"{phrase[: mention.start]}{int(mention.value)}{phrase[mention.end :]}"
    return phrase


def _from_dateparser(phrase: str, published: dt.date) -> str | None:
    """dateparser's reading of a short phrase, at the precision it reports."""
    found = _parser(published).get_date_data(_SINCE.sub("قبل", _with_digits(phrase)))
    date = found.date_obj
    if date is None:
        return None
    if found.period in ("day", "time"):
        return _iso(date.year, date.month, date.day)
    if found.period == "month":
        return _iso(date.year, date.month)
    if found.period == "year":
        return _iso(date.year)
    return None


def resolve_date(date_text: str, published: dt.date | None) -> str | None:
    """A partial ISO date (`2011`, `2011-02`, `2011-02-15`) for a short Arabic date phrase,
    anchored on `published`; None when the phrase cannot be resolved (a weekday or
    `الشهر الماضي` with no published date, a Hijri date with no Gregorian one beside it)."""
    text = normalize_text(date_text)
    if not text:
        return None
    hijri = _HIJRI.search(text) is not None
    text = _HIJRI.sub(" ", text)
    numeric = _NUMERIC.search(text)
    if numeric is not None:
        if numeric.group("y"):
            return _iso(int(numeric.group("y")), int(numeric.group("m")), int(numeric.group("d")))
        return _iso(int(numeric.group("y2")), int(numeric.group("m2")), int(numeric.group("d2")))
    month = _MONTH.search(text)
    if month is not None:
        return _from_month(text, month, published)
    year = _YEAR.search(text)
    if year is not None:
        return _iso(int(year.group("year")))
    if hijri or published is None or _WEEK.search(text):
        return None
    weekday = _WEEKDAY.search(text)
    if weekday is not None:
        return _from_weekday(text, weekday, published)
    relative = _from_relative(text, published)
    if relative is not None or len(text.split()) > _MAX_FALLBACK_WORDS:
        return relative
    return _from_dateparser(date_text.strip(), published)
