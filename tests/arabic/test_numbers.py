"""Numbers in Arabic news: every figure of the dev set's gold files parses to its gold value,
look-alike figures stay apart, and rendered number words parse back to themselves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.arabic.currencies import currency_code
from extractor.arabic.numbers import (
    MoneyValue,
    find_numbers,
    money_phrases,
    parse_duration_months,
    parse_money,
    parse_number,
)
from tests.conftest import SEED, dev_pairs

PAIRS = dev_pairs()


def _gold_figures() -> tuple[list[tuple[str, int]], list[dict[str, Any]], list[tuple[str, float]]]:
    """(quantity_text, quantity), money values and (duration_text, months) of every gold file."""
    quantities: list[tuple[str, int]] = []
    money: list[dict[str, Any]] = []
    durations: list[tuple[str, float]] = []
    for _, gold in PAIRS:
        document = json.loads(gold.read_text(encoding="utf-8"))
        for deal in document["arms_deals"]:
            quantities.extend(
                (item["quantity_text"], item["quantity"])
                for item in deal["items"]
                if item["quantity_text"] is not None
            )
            if deal["value"] is not None:
                money.append(deal["value"])
            if deal["duration_text"] is not None:
                durations.append((deal["duration_text"], deal["duration_months"]))
    return quantities, money, durations


QUANTITIES, MONEY, DURATIONS = _gold_figures()


def test_the_dev_set_has_figures_to_check() -> None:
    assert len(QUANTITIES) >= 6
    assert len(MONEY) >= 5
    assert len(DURATIONS) >= 2


@pytest.mark.parametrize(("text", "quantity"), QUANTITIES)
def test_gold_quantity_text_parses_to_gold_quantity(text: str, quantity: int) -> None:
    assert parse_number(text) == quantity


@pytest.mark.parametrize("value", MONEY, ids=[value["text"] for value in MONEY])
def test_gold_money_text_parses_to_gold_amount(value: dict[str, Any]) -> None:
    assert parse_money(value["text"]) == MoneyValue(
        amount=value["amount"], min_amount=value["min_amount"], currency=value["currency"]
    )


@pytest.mark.parametrize(("text", "months"), DURATIONS)
def test_gold_duration_text_parses_to_gold_months(text: str, months: float) -> None:
    assert parse_duration_months(text) == months


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("ستة عشر", 16),
        ("ست عشرة", 16),
        ("اثنا عشر", 12),
        ("اثني عشر", 12),
        ("اثنتا عشرة", 12),
        ("اثنتي عشرة", 12),
        ("أحد عشر", 11),
        ("إحدى عشرة", 11),
        ("تسعة عشر", 19),
        ("عشرون", 20),
        ("خمسة وعشرين", 25),
        ("مئة", 100),
        ("مائة", 100),
        ("مئتان", 200),
        ("مائتا", 200),
        ("مئتي", 200),
        ("ثلاثمائة", 300),
        ("ثلاث مئة", 300),
        ("ثلاثمئة", 300),
        ("تسعمائة", 900),
        ("ألف وتسعمائة وسبعون", 1970),
        ("ألفين وأحد عشر", 2011),
        ("ألفين", 2000),
        ("ألفان", 2000),
        ("ثلاثة آلاف", 3000),
        ("خمسة عشر ألفا", 15000),
        ("مئة ألف", 100_000),
        ("مليون", 1e6),
        ("مليوني", 2e6),
        ("ملياري", 2e9),
        ("ملياران", 2e9),
        ("بليون", 1e9),
        ("مليار ونصف المليار", 1.5e9),
        ("مليار ونصف", 1.5e9),
        ("عامين ونصف", 2.5),
        ("نصف مليون", 5e5),
        ("ربع مليار", 2.5e8),
        ("ثلاثة أرباع", 0.75),
        ("ثلاثة ملايين وخمسمائة ألف", 3.5e6),
        ("مليار و200 مليون", 1.2e9),
        ("4 مليارات", 4e9),
        ("2.5 مليار", 2.5e9),
        ("5 آلاف", 5000),
        ("500 مليون", 5e8),
        ("100 ألف", 100_000),
        ("٢٤", 24),
        ("۲۴", 24),
        ("١٫٥ مليار", 1.5e9),
        ("1,8 مليار يورو", 1.8e9),
        ("بـ1,12 مليار دولار", 1.12e9),
        ("1,000", 1000),
        ("١،٥ مليار", 1.5e9),
        ("١٫٢٠٠", 1.2),
        ("١٬٢٠٠", 1200),
        ("5.000 جندي", 5000),
        ("1.125 مليار", 1.125e9),
        ("2,5 بالمائة", 2.5),
        ("12,000", 12000),
        ("1,000,000", 1e6),
        ("0.5", 0.5),
        ("الـ16", 16),
        ("عشرة آلاف", 10_000),
        ("خمسة ملايين و300 ألف", 5.3e6),
        ("3 آلاف و500", 3500),
        ("مليون ونصف المليون", 1.5e6),
        ("ثلاثة آلاف ومئتان", 3200),
        ("١٬٠٠٠", 1000),
        ("1.000.000", 1e6),
        ("5.4 مليار", 5.4e9),
        ("١٤٣٩", 1439),
        ("بـ16", 16),
        ("و12", 12),
        ("وثلاثة", 3),
        ("لخمس سنوات", 5),
        ("الستة", 6),
        ("طائرتين", 2),
        ("عامين", 2),
        ("شهرين", 2),
        ("أكثر من 100", 100),
        ("نحو 50", 50),
        ("ما يصل إلى 72", 72),
        ("ما لا يقل عن 20", 20),
        ("قرابة 30 طائرة", 30),
        ("حوالي ٤٠", 40),
        ("72 طائرة من هذا الطراز", 72),
    ],
)
def test_phrase_states_number(phrase: str, value: float) -> None:
    assert parse_number(phrase) == value


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("مليارات", 2e9),
        ("بمليارات الدولارات", 2e9),
        ("ملايين", 2e6),
        ("مئات الملايين", 2e8),
        ("عشرات المليارات", 2e10),
        ("عشرات", 20),
        ("آلاف", 2000),
    ],
)
def test_indefinite_plural_is_a_lower_bound(phrase: str, value: float) -> None:
    [mention] = find_numbers(phrase)
    assert mention.value == value
    assert mention.lower_bound


@pytest.mark.parametrize("phrase", ["في الاجتماع", "يوم الاثنين", "يوم الأحد", "أحد المصادر"])
def test_phrase_without_number(phrase: str) -> None:
    assert parse_number(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "stated", "not_stated"),
    [
        ("٣٤ طائرة إف-16", 34, 24),
        ("٢٤ طائرة", 24, 34),
        ("٢٫٥ مليار", 2.5e9, 1.5e9),
        ("١٫٥ مليار", 1.5e9, 2.5e9),
        ("18 طائرة", 18, 16),
        ("160 طائرة", 160, 16),
        ("ستة عشر", 16, 60),
        ("ستين", 60, 16),
        ("20 بالمئة", 20, 2000),
        ("20 في المائة", 20, 2000),
    ],
)
def test_look_alike_numbers_stay_apart(phrase: str, stated: float, not_stated: float) -> None:
    assert parse_number(phrase) == stated
    assert parse_number(phrase) != not_stated


def test_years_and_lists_are_separate_numbers() -> None:
    text = "القرارات 1696 و1737 و1747، منذ 2006،2007 بين 20 و30 طائرة، 2017-2018 في 14/7/2018"
    assert [mention.value for mention in find_numbers(text)] == [
        1696,
        1737,
        1747,
        2006,
        2007,
        20,
        30,
        2017,
        2018,
        14,
        7,
        2018,
    ]


@pytest.mark.parametrize(
    "text",
    [
        "يوم الأربعاء",
        "يوم الخميس",
        "يوم الثلاثاء",
        "في الخمسينيات",
        "مسيرة مليونية",
        "إحدى الدول",
        "لست أدري",
        "قال الألفي",
        "الدوري الممتاز",
    ],
)
def test_words_that_only_look_like_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_digits_glued_to_a_word_are_numbers_too() -> None:
    text = "منذ عام2011 وصلت 16طائرة من طراز F16 وJF-17"
    assert [mention.text for mention in find_numbers(text)] == ["2011", "16", "16", "17"]


def test_weekdays_and_percent_words_are_not_numbers() -> None:
    text = "وصل يوم الاثنين ثم الأحد، وارتفع 5 بالمئة"
    assert [mention.text for mention in find_numbers(text)] == ["5"]


@pytest.mark.parametrize(
    ("phrase", "money"),
    [
        ("1,12 مليار دولار", MoneyValue(1.12e9, None, "USD")),
        ("بمليارات الدولارات", MoneyValue(None, 2e9, "USD")),
        ("مئات الملايين من الدولارات", MoneyValue(None, 2e8, "USD")),
        ("1,8 مليار يورو", MoneyValue(1.8e9, None, "EUR")),
        ("500 مليون ريال سعودي", MoneyValue(5e8, None, "SAR")),
        ("مليار ريال قطري", MoneyValue(1e9, None, "QAR")),
        ("100 مليون جنيه إسترليني", MoneyValue(1e8, None, "GBP")),
        ("3 مليارات جنيه مصري", MoneyValue(3e9, None, "EGP")),
        ("10 ملايين دينار كويتي", MoneyValue(1e7, None, "KWD")),
        ("10 ملايين دينار", MoneyValue(1e7, None, None)),
        ("ألف ريال", MoneyValue(1000, None, None)),
        ("مليون درهم إماراتي", MoneyValue(1e6, None, "AED")),
        ("مليون ريالات سعودية", MoneyValue(1e6, None, "SAR")),
        ("5 مليارات روبل", MoneyValue(5e9, None, "RUB")),
        ("$5.4 مليار", MoneyValue(5.4e9, None, "USD")),
        ("€2 مليار", MoneyValue(2e9, None, "EUR")),
        ("36 طائرة بقيمة 12 مليار دولار", MoneyValue(12e9, None, "USD")),
        ("صفقة بين البلدين بقيمة 5 مليارات دولار", MoneyValue(5e9, None, "USD")),
        ("10 مليارات ين", MoneyValue(1e10, None, "JPY")),
        ("بنحو 100 مليون دولار للطائرة الواحدة", MoneyValue(1e8, None, "USD")),
    ],
)
def test_money_phrase(phrase: str, money: MoneyValue) -> None:
    assert parse_money(phrase) == money


def test_money_without_number_is_none() -> None:
    assert parse_money("بالدولار الأمريكي") is None


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("ليرة تركية", "TRY"),
        ("روبية باكستانية", "PKR"),
        ("ريال عماني", "OMR"),
        ("ريال إيراني", "IRR"),
        ("دينار أردني", "JOD"),
        ("درهم مغربي", "MAD"),
        ("ين ياباني", "JPY"),
        ("يوان", "CNY"),
        ("روبية", None),
        ("درهم", None),
    ],
)
def test_currency_code(phrase: str, code: str | None) -> None:
    assert currency_code(phrase) == code


@pytest.mark.parametrize(
    ("phrase", "months"),
    [
        ("على مدى عامين ونصف تقريبًا", 30),
        ("خلال الأعوام الستة المقبلة", 72),
        ("18 شهرا", 18),
        ("لمدة خمس سنوات", 60),
        ("عام ونصف", 18),
        ("خلال عام", 12),
        ("شهرين", 2),
        ("ثلاث سنوات", 36),
        ("ثلاثة أعوام ونصف", 42),
        ("3 سنوات و6 أشهر", 42),
        ("خلال الأعوام الخمسة عشر المقبلة", 180),
        ("سنتين", 24),
    ],
)
def test_duration_months(phrase: str, months: float) -> None:
    assert parse_duration_months(phrase) == months


@pytest.mark.parametrize("phrase", ["نحو 25 طائرة", "حتى عام 2020", "منذ العام 2013"])
def test_phrase_without_duration_is_none(phrase: str) -> None:
    assert parse_duration_months(phrase) is None


@pytest.mark.parametrize(("article", "gold"), PAIRS, ids=[pair[0].stem for pair in PAIRS])
def test_every_mention_of_a_dev_article_is_its_own_text(article: Path, gold: Path) -> None:
    text = article.read_text(encoding="utf-8")
    previous_end = 0
    for mention in find_numbers(text):
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= previous_end
        assert parse_number(mention.text) == mention.value
        previous_end = mention.end


def test_seed_article_numbers() -> None:
    mentions = find_numbers(SEED.read_text(encoding="utf-8"))
    found = [(mention.text, mention.value, mention.lower_bound) for mention in mentions]
    assert ("مليارات", 2e9, True) in found
    assert ("16", 16, False) in found
    assert ("12", 12, False) in found
    assert ("عامين ونصف", 2.5, False) in found
    assert [value for _, value, _ in found if 1900 < value < 2100] == [2011, 1970, 1973]


_UNITS = {
    1: ("واحد", "واحدة"),
    2: ("اثنان", "اثنتان"),
    3: ("ثلاثة", "ثلاث"),
    4: ("أربعة", "أربع"),
    5: ("خمسة", "خمس"),
    6: ("ستة", "ست"),
    7: ("سبعة", "سبع"),
    8: ("ثمانية", "ثماني"),
    9: ("تسعة", "تسع"),
    10: ("عشرة", "عشر"),
}
_OBLIQUE_TWO = ("اثنين", "اثنتين")
_TENS = {2: "عشر", 3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان", 9: "تسع"}
_HUNDREDS = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان", 9: "تسع"}


@st.composite
def _style(draw: st.DrawFn) -> dict[str, Any]:
    """How to write a number: gender, case, spellings of مئة, joined or spaced hundreds, and
    the accusative scale after 11..99 (أحد عشر ألفا)."""
    return {
        "feminine": draw(st.booleans()),
        "oblique": draw(st.booleans()),
        "hundred": draw(st.sampled_from(["مئة", "مائة"])),
        "joined": draw(st.booleans()),
        "accusative": draw(st.booleans()),
    }


def _below_hundred(n: int, style: dict[str, Any]) -> str:
    """1..99 in words, for a masculine or feminine counted noun."""
    gender = int(style["feminine"])
    if n == 2 and style["oblique"]:
        return _OBLIQUE_TWO[gender]
    if n <= 10:
        return _UNITS[n][gender]
    if n < 20:
        unit = n - 10
        ten = "عشرة" if style["feminine"] else "عشر"
        if unit == 1:
            head = "إحدى" if style["feminine"] else "أحد"
        elif unit == 2:
            head = (
                ("اثنتي" if style["oblique"] else "اثنتا")
                if style["feminine"]
                else ("اثني" if style["oblique"] else "اثنا")
            )
        else:
            head = _UNITS[unit][gender]
        return f"{head} {ten}"
    tens = _TENS[n // 10] + ("ين" if style["oblique"] else "ون")
    if n % 10 == 0:
        return tens
    return f"{_below_hundred(n % 10, style)} و{tens}"


def _below_thousand(n: int, style: dict[str, Any]) -> str:
    """1..999 in words."""
    hundreds, rest = divmod(n, 100)
    parts: list[str] = []
    if hundreds == 1:
        parts.append(style["hundred"])
    elif hundreds == 2:
        parts.append(style["hundred"][:-1] + ("تين" if style["oblique"] else "تان"))
    elif hundreds:
        separator = "" if style["joined"] else " "
        parts.append(_HUNDREDS[hundreds] + separator + style["hundred"])
    if rest:
        parts.append(_below_hundred(rest, style))
    return " و".join(parts)


def _scaled(count: int, scale: tuple[str, str, str, str], style: dict[str, Any]) -> str:
    """count × a scale word: ألف / ألفان / ثلاثة آلاف / أحد عشر ألفا (singular, dual
    nominative, dual oblique, plural)."""
    singular, dual, dual_oblique, plural = scale
    if count == 1:
        return singular
    if count == 2:
        return dual_oblique if style["oblique"] else dual
    counted = _below_thousand(count, {**style, "feminine": False})
    if count <= 10:
        return f"{counted} {plural}"
    accusative = style["accusative"] and count % 100 >= 11
    return f"{counted} {singular}{'ا' if accusative else ''}"


_THOUSAND = ("ألف", "ألفان", "ألفين", "آلاف")
_MILLION = ("مليون", "مليونان", "مليونين", "ملايين")


def render(n: int, style: dict[str, Any]) -> str:
    """0 < n < 1,000,000,000 in Arabic words, as a news writer might spell it."""
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts: list[str] = []
    if millions:
        parts.append(_scaled(millions, _MILLION, style))
    if thousands:
        parts.append(_scaled(thousands, _THOUSAND, style))
    if units:
        parts.append(_below_thousand(units, style))
    return " و".join(parts)


@given(
    st.one_of(st.integers(min_value=1, max_value=999_999), st.integers(1, 999_999_999)),
    _style(),
)
def test_rendered_number_words_parse_back(n: int, style: dict[str, Any]) -> None:
    words = render(n, style)
    assert parse_number(words) == n, words
    [mention] = find_numbers(f"اشترت الحكومة {words} طائرة")
    assert mention.text == words


_PIECES = st.sampled_from(
    [
        *[words for pair in _UNITS.values() for words in pair],
        "عشر",
        "عشرة",
        "أحد",
        "إحدى",
        "اثنا",
        "اثنتي",
        "عشرون",
        "تسعين",
        "مئة",
        "مائتي",
        "ثلاثمائة",
        "ألف",
        "آلاف",
        "ألفين",
        "مليون",
        "ملايين",
        "مليار",
        "مليارات",
        "عشرات",
        "مئات",
        "نصف",
        "ربع",
        "أرباع",
        "عامين",
        "طائرتين",
        "16",
        "١٦",
        "1,12",
        "1,000",
        "٢٫٥",
        "5.4",
        "2011",
        "الاثنين",
        "بالمئة",
        "طائرة",
        "إف-16",
        "الدولارات",
        "في",
        "مجلس",
    ]
)
_GLUE = st.sampled_from(["", "و", "ب", "ل", "ال", "وال", "بـ"])
_SPACE = st.sampled_from([" ", " ", " و", "، ", ". ", "\n", "-", "\u064e "])


@given(st.lists(st.tuples(_GLUE, _PIECES, _SPACE), max_size=12))
def test_mentions_are_ordered_disjoint_and_parse_back(parts: list[tuple[str, str, str]]) -> None:
    text = "".join(glue + piece + space for glue, piece, space in parts)
    previous_end = 0
    for mention in find_numbers(text):
        assert previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert parse_number(mention.text) == mention.value
        previous_end = mention.end


def test_money_phrases_run_from_the_amounts_word_to_its_currency() -> None:
    text = "ودفعت الحكومة 3 ملايين دولار و20 مليون ريال سعودي، ووعدت بمليارات الدولارات لاحقًا."
    assert money_phrases(text) == ["3 ملايين دولار", "20 مليون ريال سعودي", "بمليارات الدولارات"]
    assert money_phrases("اشترت 12 طائرة من طراز رافال") == []
