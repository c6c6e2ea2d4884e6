"""LangExtract set up for our four kinds, and its flat extractions mapped onto the contract.

LangExtract returns a flat list of extractions: a class, a verbatim `extraction_text` and
free-form string attributes. The mapping, as faithful as that shape allows:

- `meeting` -> Meeting: evidence = [extraction_text]; `host_country`, `guest_countries`
  (comma-separated) become codes when they are real ISO 3166-1 alpha-3 codes; `location` ->
  location_text; `date` -> date_text (LangExtract resolves no dates).
- `participant` -> Delegate in the meeting with the same `meeting_id` (else the last meeting
  before it in the text, else a meeting of its own): name = extraction_text, `title` -> titles,
  `country` (ISO3), `side` (host/guest/other).
- `arms_deal` -> ArmsDeal: evidence = [extraction_text]; `buyer`, `seller` (ISO3),
  `buyer_text`, `seller_text`, `value` -> Money.text with `amount` (a number) and `currency`
  (ISO 4217), `status`.
- `weapon` -> ArmsItem of the deal with the same `deal_id` (else the last deal before it, else
  a deal of its own): designation = extraction_text, `quantity` (digits), `category`.
- `embargo` -> Embargo: target_text = extraction_text, `target` (ISO3), `kind`, `imposed_by`,
  `imposed_by_text`, `resolutions` (every 3-5 digit number in the attribute), `start`
  -> start_text, `status`.

An attribute that is not a valid value for its field is dropped (the contract refuses it), an
enumeration falls back to its default. The few-shot examples are written for this benchmark
(Indonesia's Rafale order, the Central African Republic embargo): not from the dev set.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any, get_args

import langextract as lx
from langextract.core.data import Extraction

from extractor.schemas import (
    DealStatus,
    Document,
    EmbargoKind,
    EmbargoStatus,
    ItemCategory,
    Side,
    currency_codes,
    iso3_codes,
)

PROMPT = (
    "Extract from this Arabic news article, in order of appearance: official meetings, visits "
    "or calls that took place (class meeting) and each person taking part (participant); arms "
    "deals between states (arms_deal) and each weapon system in them (weapon); arms embargoes "
    "and sanctions (embargo). extraction_text is copied exactly from the article, never "
    "paraphrased. Countries are ISO 3166-1 alpha-3 codes. Link participants to their meeting "
    "with meeting_id and weapons to their deal with deal_id. Extract nothing from an article "
    "that reports none of these facts."
)

_RAFALE = (
    "استقبل الرئيس الإندونيسي جوكو ويدودو في قصر ميرديكا بجاكرتا يوم الخميس وزيرة الجيوش "
    "الفرنسية فلورنس بارلي، وبحث الجانبان التعاون الدفاعي. ووقعت إندونيسيا مع فرنسا عقدا "
    "لشراء 42 مقاتلة من طراز رافال بقيمة 8,1 مليار دولار."
)
_CAR = (
    "مدد مجلس الأمن الدولي حظر الأسلحة المفروض على جمهورية أفريقيا الوسطى منذ ديسمبر 2013 "
    "بموجب القرار 2127 لمدة عام إضافي."
)

EXAMPLES = [
    lx.data.ExampleData(
        text=_RAFALE,
        extractions=[
            Extraction(
                "meeting",
                "استقبل الرئيس الإندونيسي جوكو ويدودو في قصر ميرديكا بجاكرتا يوم الخميس وزيرة "
                "الجيوش الفرنسية فلورنس بارلي",
                attributes={
                    "meeting_id": "1",
                    "host_country": "IDN",
                    "guest_countries": "FRA",
                    "location": "قصر ميرديكا بجاكرتا",
                    "date": "يوم الخميس",
                },
            ),
            Extraction(
                "participant",
                "جوكو ويدودو",
                attributes={
                    "meeting_id": "1",
                    "title": "الرئيس الإندونيسي",
                    "country": "IDN",
                    "side": "host",
                },
            ),
            Extraction(
                "participant",
                "فلورنس بارلي",
                attributes={
                    "meeting_id": "1",
                    "title": "وزيرة الجيوش الفرنسية",
                    "country": "FRA",
                    "side": "guest",
                },
            ),
            Extraction(
                "arms_deal",
                "ووقعت إندونيسيا مع فرنسا عقدا لشراء 42 مقاتلة من طراز رافال بقيمة 8,1 مليار دولار",
                attributes={
                    "deal_id": "1",
                    "buyer": "IDN",
                    "seller": "FRA",
                    "buyer_text": "إندونيسيا",
                    "seller_text": "فرنسا",
                    "value": "8,1 مليار دولار",
                    "amount": "8100000000",
                    "currency": "USD",
                    "status": "signed",
                },
            ),
            Extraction(
                "weapon",
                "رافال",
                attributes={"deal_id": "1", "quantity": "42", "category": "fighter_aircraft"},
            ),
        ],
    ),
    lx.data.ExampleData(
        text=_CAR,
        extractions=[
            Extraction(
                "embargo",
                "جمهورية أفريقيا الوسطى",
                attributes={
                    "target": "CAF",
                    "kind": "arms",
                    "imposed_by": "UNSC",
                    "imposed_by_text": "مجلس الأمن الدولي",
                    "resolutions": "2127",
                    "start": "منذ ديسمبر 2013",
                    "status": "extended",
                },
            ),
        ],
    ),
]

_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩٫٬", "0123456789.,")
_RESOLUTION = re.compile(r"(?<![0-9])[0-9]{3,5}(?![0-9])")
_CODE = re.compile(r"[A-Z]{3}")
BODIES = ("UNSC", "EU", "AU", "AL")


def _text(attributes: dict[str, Any], key: str) -> str | None:
    value = attributes.get(key)
    if value is None:
        return None
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text.strip() or None


def _codes(attributes: dict[str, Any], key: str) -> list[str]:
    text = _text(attributes, key) or ""
    return [code for code in _CODE.findall(text.upper()) if code in iso3_codes()]


def _code(attributes: dict[str, Any], key: str) -> str | None:
    codes = _codes(attributes, key)
    return codes[0] if codes else None


def _choice(attributes: dict[str, Any], key: str, allowed: Any, default: str | None) -> str | None:
    value = (_text(attributes, key) or "").lower()
    return value if value in get_args(allowed) else default


def _digits(text: str | None) -> str:
    return (text or "").translate(_INDIC)


def _number(attributes: dict[str, Any], key: str) -> float | None:
    text = _digits(_text(attributes, key)).replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def _meeting(extraction: Extraction) -> dict[str, Any]:
    attributes = extraction.attributes or {}
    return {
        "participants": [],
        "host_country": _code(attributes, "host_country"),
        "guest_countries": _codes(attributes, "guest_countries")[:8],
        "location_text": _text(attributes, "location"),
        "date_text": _text(attributes, "date"),
        "evidence": [extraction.extraction_text],
    }


def _participant(extraction: Extraction) -> dict[str, Any]:
    attributes = extraction.attributes or {}
    title = _text(attributes, "title")
    return {
        "name": extraction.extraction_text,
        "titles": [title] if title else [],
        "country": _code(attributes, "country"),
        "side": _choice(attributes, "side", Side, None),
    }


def _deal(extraction: Extraction) -> dict[str, Any]:
    attributes = extraction.attributes or {}
    value_text = _text(attributes, "value")
    currency = (_text(attributes, "currency") or "").upper()
    value = None
    if value_text:
        value = {
            "text": value_text,
            "amount": _number(attributes, "amount"),
            "currency": currency if currency in currency_codes() else None,
        }
    return {
        "buyer": _code(attributes, "buyer"),
        "seller": _code(attributes, "seller"),
        "buyer_text": _text(attributes, "buyer_text"),
        "seller_text": _text(attributes, "seller_text"),
        "items": [],
        "value": value,
        "status": _choice(attributes, "status", DealStatus, "unknown"),
        "evidence": [extraction.extraction_text],
    }


def _weapon(extraction: Extraction) -> dict[str, Any]:
    attributes = extraction.attributes or {}
    quantity = _number(attributes, "quantity")
    whole = quantity is not None and quantity >= 0 and quantity.is_integer()
    return {
        "designation": extraction.extraction_text,
        "category": _choice(attributes, "category", ItemCategory, "other"),
        "quantity": int(quantity) if whole and quantity is not None else None,
        "quantity_text": _text(attributes, "quantity"),
    }


def _embargo(extraction: Extraction) -> dict[str, Any]:
    attributes = extraction.attributes or {}
    body = (_text(attributes, "imposed_by") or "").upper()
    return {
        "target": _code(attributes, "target"),
        "target_text": extraction.extraction_text,
        "imposed_by_text": _text(attributes, "imposed_by_text"),
        "imposed_by": body if body in BODIES or body in iso3_codes() else None,
        "kind": _choice(attributes, "kind", EmbargoKind, "other"),
        "resolutions": _RESOLUTION.findall(_digits(_text(attributes, "resolutions")))[:12],
        "start_text": _text(attributes, "start"),
        "status": _choice(attributes, "status", EmbargoStatus, "unknown"),
        "evidence": [],
    }


def _position(extraction: Extraction) -> int:
    interval = extraction.char_interval
    return interval.start_pos if interval is not None and interval.start_pos is not None else 0


def to_document(
    doc_id: str, published: dt.date | None, extractions: Sequence[Extraction]
) -> Document:
    """The contract Document that LangExtract's flat extractions describe (module docstring)."""
    meetings: dict[str, dict[str, Any]] = {}
    deals: dict[str, dict[str, Any]] = {}
    embargoes: list[dict[str, Any]] = []
    for extraction in sorted(extractions, key=_position):
        kind = extraction.extraction_class
        attributes = extraction.attributes or {}
        if kind == "meeting":
            key = _text(attributes, "meeting_id") or f"#{len(meetings)}"
            meetings.setdefault(key, _meeting(extraction))
        elif kind == "participant":
            key = _text(attributes, "meeting_id") or (list(meetings)[-1] if meetings else "#0")
            holder = meetings.setdefault(key, {"participants": []})
            holder["participants"] = [*holder["participants"], _participant(extraction)][:16]
        elif kind == "arms_deal":
            key = _text(attributes, "deal_id") or f"#{len(deals)}"
            deals.setdefault(key, _deal(extraction))
        elif kind == "weapon":
            key = _text(attributes, "deal_id") or (list(deals)[-1] if deals else "#0")
            holder = deals.setdefault(key, {"buyer": _code(attributes, "buyer"), "items": []})
            holder["items"] = [*holder["items"], _weapon(extraction)][:12]
        elif kind == "embargo":
            embargoes.append(_embargo(extraction))
    return Document.model_validate(
        {
            "doc_id": doc_id,
            "published": published,
            "meetings": list(meetings.values()),
            "arms_deals": list(deals.values()),
            "embargoes": embargoes,
        }
    )
