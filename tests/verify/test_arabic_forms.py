"""Arabic forms that raised false alarms on correct annotations: duals and a lone singular as
counts, a state implied by a royal title, a Hijri date beside its Gregorian one, ordinal day
words, numeric dates with spaces. Each correct annotation verifies without a failed check."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from extractor.schemas import Document
from extractor.verify import failed_checks, verify_document
from extractor.verify.codes import spelled_like

SALE = "وقالت مصادر إن فرنسا ستبيع لمصر {count} من طراز ميسترال في صفقة أسلحة جديدة."


def _failures(raw: dict[str, Any], text: str, published: dt.date | None = None) -> list[str]:
    document = Document.model_validate({"doc_id": "forms", "published": published, **raw})
    return [f"{c.path}: {c.message}" for c in failed_checks(verify_document(document, text))]


def _sale(count: str, quantity: int) -> tuple[dict[str, Any], str]:
    text = SALE.format(count=count)
    item = {"designation": "ميسترال", "category": "ship", "quantity": quantity}
    deal = {
        "buyer": "EGY",
        "buyer_text": "مصر",
        "seller": "FRA",
        "seller_text": "فرنسا",
        "items": [{**item, "quantity_text": count.split()[0]}],
        "status": "proposed",
        "evidence": [text],
    }
    return {"arms_deals": [deal]}, text


@pytest.mark.parametrize("count", ["حاملتي طائرات", "سفينتين حربيتين", "زورقين"])
def test_a_dual_noun_counts_two(count: str) -> None:
    raw, text = _sale(count, 2)
    assert _failures(raw, text) == []


def test_a_lone_singular_noun_counts_one() -> None:
    raw, text = _sale("فرقاطة", 1)
    assert _failures(raw, text) == []
    raw["arms_deals"][0]["items"][0]["quantity"] = 3
    assert _failures(raw, text) != []


@pytest.mark.parametrize("count", ["إحدى سفنها الحربية", "أحد زوارقها"])
def test_one_of_counts_one(count: str) -> None:
    """`إحدى`/`أحد` before a plural is one of them: a quantity written that way is one."""
    raw, text = _sale(count, 1)
    assert _failures(raw, text) == []
    raw["arms_deals"][0]["items"][0]["quantity"] = 2
    assert _failures(raw, text) != []


def _visit(host_title: str, host_name: str, host: str) -> tuple[dict[str, Any], str]:
    text = (
        f"استقبل {host_title} {host_name} في جدة أمس رئيسة الوزراء البريطانية تيريزا ماي، "
        "وبحث الجانبان العلاقات الثنائية."
    )
    meeting = {
        "participants": [
            {"name": host_name, "titles": [host_title], "country": host, "side": "host"},
            {
                "name": "تيريزا ماي",
                "titles": ["رئيسة الوزراء البريطانية"],
                "country": "GBR",
                "side": "guest",
            },
        ],
        "host_country": host,
        "guest_countries": ["GBR"],
        "location_text": "جدة",
        "evidence": [text],
    }
    return {"meetings": [meeting]}, text


@pytest.mark.parametrize(
    ("title", "name", "host"),
    [
        ("خادم الحرمين الشريفين الملك", "سلمان بن عبدالعزيز", "SAU"),
        ("أمير دولة", "الشيخ تميم بن حمد آل ثاني", "QAT"),
    ],
)
def test_a_royal_title_or_ruling_family_names_its_state(title: str, name: str, host: str) -> None:
    raw, text = _visit(title, name, host)
    assert _failures(raw, text) == []


@pytest.mark.parametrize(
    ("date_text", "date"),
    [
        ("يوم الخميس 14 / 10 / 1436هـ الموافق 30 / 7 / 2015م", "2015-07-30"),
        ("يومي السادس والسابع من أغسطس", "2015-08-06"),
        ("30 / 7 / 2015", "2015-07-30"),
    ],
)
def test_dates_as_arabic_news_writes_them(date_text: str, date: str) -> None:
    text = (
        f"التقى وزير الخارجية المصري سامح شكري نظيره الأردني ناصر جودة {date_text} في القاهرة، "
        "وبحث الوزيران الأوضاع في المنطقة."
    )
    meeting = {
        "participants": [
            {"name": "سامح شكري", "titles": ["وزير الخارجية المصري"], "country": "EGY"},
            {"name": "ناصر جودة", "country": "JOR"},
        ],
        "host_country": "EGY",
        "guest_countries": ["JOR"],
        "location_text": "القاهرة",
        "date_text": date_text,
        "date": date,
        "evidence": [text],
    }
    assert _failures({"meetings": [meeting]}, text, dt.date(2015, 8, 9)) == []


@pytest.mark.parametrize(("spelled", "code"), [("ليشتنشتاين", "LIE"), ("لوكسمبورج", "LUX")])
def test_another_spelling_of_a_long_state_name_names_that_state(spelled: str, code: str) -> None:
    """Transliterated state names are spelled several ways: `ليشتنشتاين` is Liechtenstein."""
    text = (
        f"وأعلنت {spelled} والنرويج انضمامهما إلى العقوبات الاقتصادية التي فرضها الاتحاد "
        "الأوروبي على روسيا بسبب الأزمة الأوكرانية."
    )
    embargo = {
        "target": "RUS",
        "target_text": "روسيا",
        "imposed_by_text": spelled,
        "imposed_by": code,
        "kind": "economic",
        "status": "in_force",
        "evidence": [text],
    }
    assert _failures({"embargoes": [embargo]}, text) == []
    embargo["imposed_by"] = "DEU"
    assert _failures({"embargoes": [embargo]}, text) != []


@pytest.mark.parametrize("text", ["ألبانيا", "ليبيريا", "ليبيا"])
def test_a_state_name_is_never_read_as_another_spelling(text: str) -> None:
    """A name of one state, or a short one, is no spelling of another (`ألبانيا`/`ألمانيا`)."""
    assert spelled_like(text) is None


def test_a_count_does_not_reach_past_a_conjunction_to_another_item() -> None:
    """`12 مروحية وغواصة`: 12 counts the helicopters; the submarine, with no count of its own,
    is one, and the aircraft word before the conjunction does not describe it."""
    text = (
        "وقالت وزارة الدفاع الألمانية إنها ستبيع لمصر 12 مروحية من طراز NH90 وغواصة حديثة "
        "ضمن صفقة تسلح جديدة."
    )
    helicopters: dict[str, Any] = {
        "designation": "NH90",
        "category": "helicopter",
        "quantity": 12,
        "quantity_text": "12",
    }
    deal: dict[str, Any] = {
        "buyer": "EGY",
        "buyer_text": "مصر",
        "seller": "DEU",
        "seller_text": "الألمانية",
        "items": [helicopters, {"designation": "غواصة", "category": "submarine", "quantity": 1}],
        "status": "proposed",
        "evidence": [text],
    }
    assert _failures({"arms_deals": [deal]}, text) == []
    submarine: dict[str, Any] = {"designation": "غواصة", "category": "submarine", "quantity": 12}
    counted = {**deal, "items": [helicopters, submarine]}
    assert _failures({"arms_deals": [counted]}, text) != []


@pytest.mark.parametrize(
    ("text", "designation", "category"),
    [
        (
            "ووقعت مصر عقدا مع فرنسا لشراء فرقاطة من طراز فريم وبطائرات رافال المقاتلة.",
            "رافال",
            "fighter_aircraft",
        ),
        (
            "وأعلنت الهند شراء 36 مقاتلة رافال من فرنسا وبمروحيات أباتشي من الولايات المتحدة.",
            "أباتشي",
            "helicopter",
        ),
    ],
)
def test_a_weapon_word_behind_a_proclitic_describes_its_own_item(
    text: str, designation: str, category: str
) -> None:
    """`وبطائرات رافال`: the conjunction begins Rafale's item, so the frigate before it does not
    make `ship` fit; the weapon word behind `وب` still names Rafale's category."""
    item = {"designation": designation, "category": category}
    deal = {"buyer_text": text.split()[1], "items": [item], "status": "signed", "evidence": [text]}

    def category_failures() -> list[str]:
        return [f for f in _failures({"arms_deals": [deal]}, text) if ".category" in f]

    assert category_failures() == []
    item["category"] = "ship"
    assert category_failures() != []


def test_a_singular_weapon_noun_before_a_designation_counts_one() -> None:
    """`أول فرقاطة من طراز فريم` names one frigate even where another sentence counts the
    order (`3 فرقاطات من طراز فريم`); `24 طائرة رافال` is 24, never one."""
    text = (
        "وتسلمت البحرية المغربية أول فرقاطة من طراز فريم أمس. "
        "وكانت الرباط قد تعاقدت على 3 فرقاطات من طراز فريم و24 طائرة رافال."
    )
    items = [
        {"designation": "فريم", "category": "ship", "quantity": 1},
        {"designation": "رافال", "category": "fighter_aircraft", "quantity": 24},
    ]
    deal = {"buyer_text": "المغربية", "items": items, "status": "delivered", "evidence": [text]}

    def quantity_failures() -> list[str]:
        return [f for f in _failures({"arms_deals": [deal]}, text) if ".quantity" in f]

    assert quantity_failures() == []
    items[1]["quantity"] = 1
    assert [f.split(":")[0] for f in quantity_failures()] == ["arms_deals[0].items[1].quantity"]
