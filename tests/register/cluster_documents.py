"""Hand-written Documents for the register evaluation set: each article's key facts, written the
way that article writes them (names, designations, counts, dates), with a verbatim evidence clause.

`documents()` checks mechanically that every surface string occurs in its article, so the data
cannot drift from the texts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from extractor.arabic.normalize import normalize_text
from extractor.schemas import (
    ArmsDeal,
    ArmsItem,
    Delegate,
    Document,
    Embargo,
    Meeting,
    Money,
    Provenance,
    Source,
)
from tests.conftest import REPO

REGISTER_DIR = Path(os.environ.get("EXTRACTOR_REGISTER_DIR", REPO / "eval" / "register"))

Fact = ArmsDeal | Meeting | Embargo


def _item(designation: str, quantity: int | None = None, text: str | None = None) -> ArmsItem:
    return ArmsItem(
        designation=designation, category="other", quantity=quantity, quantity_text=text
    )


def _deal(
    seller: str, buyer: str, items: list[ArmsItem], evidence: str, **more: object
) -> ArmsDeal:
    return ArmsDeal.model_validate(
        {"seller": seller, "buyer": buyer, "items": items, "evidence": [evidence], **more}
    )


def _meeting(host: str, guest: str, names: list[str], evidence: str, **more: object) -> Meeting:
    participants = [Delegate(name=name) for name in names]
    return Meeting.model_validate(
        {
            "host_country": host,
            "guest_countries": [guest],
            "participants": participants,
            "evidence": [evidence],
            **more,
        }
    )


def _sanctions(evidence: str, **more: object) -> Embargo:
    return Embargo.model_validate(
        {
            "target": "RUS",
            "target_text": "روسيا",
            "imposed_by": "USA",
            "kind": "assets",
            "status": "imposed",
            "evidence": [evidence],
            **more,
        }
    )


FACTS: dict[str, list[Fact]] = {
    "turkey-f35-us-arms-sales-halt-threat__alarabia": [
        _deal(
            "USA",
            "TUR",
            [_item("إف-35")],
            "اقتراحاً من أعضاء في مجلس النواب الأميركي بوقف مبيعات الأسلحة مؤقتاً، ومن بينها "
            "طائرات إف-35، لتركيا",
            status="proposed",
        )
    ],
    "turkey-f35-us-arms-sales-halt-threat__bbc": [
        _deal(
            "USA",
            "TUR",
            [_item("إف-35", 100, "ما يزيد على 100")],
            "وتعتزم تركيا شراء ما يزيد على 100 طائرة مقاتلة من طراز لوكهيد مارتن إف-35",
            status="proposed",
        )
    ],
    "turkey-f35-us-arms-sales-halt-threat__cnn": [
        _deal(
            "USA",
            "TUR",
            [_item("F-35")],
            'هدد وزير الخارجية التركي، مولود تشاويش أوغلو، الولايات المتحدة الأمريكية بـ"الانتقام" '
            "في حال إلغائها لصفقة بيع طائرات F-35 لبلاده",
            status="cancelled",
            date_text="الأحد",
            date="2018-05-06",
        )
    ],
    "turkey-f35-us-arms-sales-halt-threat__skynews": [
        _deal(
            "USA",
            "TUR",
            [_item("إف-35", 100, "أكثر من مئة")],
            "وتريد تركيا شراء أكثر من مئة مقاتلة إف-35 التي تصنعها شركة لوكهيد مارتن",
            status="proposed",
            date_text="الأحد",
            date="2018-05-06",
        )
    ],
    "nearmiss-turkey-first-f35-delivery__skynews": [
        _deal(
            "USA",
            "TUR",
            [_item("إف-35")],
            "سلمت الولايات المتحدة تركيا أول طائرة حربية من نوع إف-35",
            status="delivered",
        )
    ],
    "russia-turkey-s400-delivery-brought-forward__alarabia": [
        _deal(
            "RUS",
            "TUR",
            [_item("اس 400")],
            'وأكد بوتين أن روسيا "ستسرّع" وتيرة تسليم تركيا منظومة الدفاع الروسية المضادة '
            'للطائرات من طراز "اس 400"',
            status="in_delivery",
            date_text="اليوم الثلاثاء",
            date="2018-04-03",
        )
    ],
    "russia-turkey-s400-delivery-brought-forward__bbc": [
        _deal(
            "RUS",
            "TUR",
            [_item("S-400")],
            "وافقت روسيا على تقديم موعد تسليم النظام الصاروخي الدفاعي S-400 إلى تركيا",
            status="in_delivery",
            value=Money(text="ملياري دولار", amount=2e9, currency="USD"),
        )
    ],
    "russia-turkey-s400-delivery-brought-forward__skynews": [
        _deal(
            "RUS",
            "TUR",
            [_item("إس - 400 أرض/جو")],
            'عن تقديم موعد تسليم بطاريات صواريخ "إس - 400 أرض/جو" الروسية لتركيا إلى يوليو 2019',
            status="in_delivery",
            value=Money(text="نحو 2.5 مليار دولار", amount=2.5e9, currency="USD"),
        )
    ],
    "russia-syria-s300-delivered__bbc": [
        _deal(
            "RUS",
            "SYR",
            [_item("اس-300", 4, "4")],
            "بأن روسيا سلمت 4 منصات لإطلاق الصواريخ إلى دمشق الاثنين",
            status="delivered",
            date_text="الاثنين",
            date="2018-10-01",
        )
    ],
    "russia-syria-s300-delivered__skynews": [
        _deal(
            "RUS",
            "SYR",
            [_item("إس-300", 4, "أربع")],
            "ورغم تأكيد موسكو أن دمشق تسلّمت ما مجموعه أربع منصّات لإطلاق هذه الصواريخ",
            status="delivered",
            date_text="مساء الثلاثاء",
            date="2018-10-02",
        )
    ],
    "russia-syria-s300-delivered__cnn": [
        _deal(
            "RUS",
            "SYR",
            [_item("S 300")],
            "إعلان روسيا تسليم سوريا المنظومة الدفاعية",
            status="delivered",
        )
    ],
    "mbs-trump-white-house__bbc": [
        _meeting(
            "USA",
            "SAU",
            ["دونالد ترامب", "محمد بن سلمان"],
            "بحث الرئيس الأمريكي دونالد ترامب مع ولي العهد السعودي محمد بن سلمان الاتفاق النووي "
            "الإيراني والأزمة اليمنية",
        )
    ],
    "mbs-trump-white-house__cnn": [
        _meeting(
            "USA",
            "SAU",
            ["دونالد ترامب", "محمد بن سلمان"],
            "أن الرئيس الأمريكي دونالد ترامب بحث، الثلاثاء، خلال اجتماعه مع ولي العهد السعودي "
            "الأمير محمد بن سلمان",
            date_text="الثلاثاء",
            date="2018-03-20",
        )
    ],
    "mbs-trump-white-house__skynews": [
        _meeting(
            "USA",
            "SAU",
            ["دونالد ترامب", "محمد بن سلمان"],
            "وعقد ولي العهد السعودي في البيت الأبيض، الثلاثاء، مباحثات مع الرئيس الأميركي",
            location_text="البيت الأبيض",
            date_text="الثلاثاء",
            date="2018-03-20",
        )
    ],
    "tamim-trump-white-house__alarabia": [
        _meeting(
            "USA",
            "QAT",
            ["ترمب", "تميم بن حمد آل ثاني"],
            "أمير قطر الشيخ تميم بن حمد آل ثاني، في البيت الأبيض الثلاثاء",
            location_text="البيت الأبيض",
            date_text="الثلاثاء",
            date="2018-04-10",
        )
    ],
    "tamim-trump-white-house__bbc": [
        _meeting(
            "USA",
            "QAT",
            ["دونالد ترامب", "تميم بن حمد آل ثاني"],
            "رحب الرئيس الأمريكي دونالد ترامب بأمير قطر الشيخ تميم بن حمد آل ثاني في البيت الأبيض",
            location_text="البيت الأبيض",
            date_text="الثلاثاء",
            date="2018-04-10",
        )
    ],
    "tamim-trump-white-house__cnn": [
        _meeting(
            "USA",
            "QAT",
            ["تميم بن حمد", "دونالد ترامب"],
            "التقى أمير قطر الشيخ تميم بن حمد، الثلاثاء، بالرئيس الأمريكي، دونالد ترامب",
            location_text="العاصمة الأمريكية، واشنطن",
            date_text="الثلاثاء",
            date="2018-04-10",
        )
    ],
    "mbs-macron-elysee__cnn": [
        _meeting(
            "FRA",
            "SAU",
            ["إيمانويل ماكرون", "محمد بن سلمان"],
            "عقد الرئيس الفرنسي إيمانويل ماكرون مؤتمراً صحفياً مع ولي العهد السعودي الأمير محمد "
            "بن سلمان في العاصمة باريس، الثلاثاء",
            location_text="العاصمة باريس",
            date_text="الثلاثاء",
            date="2018-04-10",
        )
    ],
    "mbs-macron-elysee__france24": [
        _meeting(
            "FRA",
            "SAU",
            ["إيمانويل ماكرون", "محمد بن سلمان"],
            "مؤتمر صحفي الثلاثاء يجمع الرئيس الفرنسي إيمانويل ماكرون بولي العهد السعودي الأمير "
            "محمد بن سلمان في قصر الإليزيه",
            location_text="قصر الإليزيه بالعاصمة الفرنسية باريس",
            date_text="الثلاثاء",
            date="2018-04-10",
        )
    ],
    "mbs-macron-elysee__skynews": [
        _meeting(
            "FRA",
            "SAU",
            ["محمد بن سلمان", "إيمانويل ماكرون"],
            "أكد المؤتمر الصحفي المشترك بين ولي العهد السعودي، الأمير محمد بن سلمان، والرئيس "
            "الفرنسي، إيمانويل ماكرون",
        )
    ],
    "king-salman-sisi-neom__cnn": [
        _meeting(
            "SAU",
            "EGY",
            ["سلمان بن عبدالعزيز", "عبدالفتاح السيسي", "محمد بن سلمان", "عباس كامل"],
            "استقبل العاهل السعودي الملك سلمان بن عبدالعزيز، الثلاثاء، الرئيس المصري عبدالفتاح "
            "السيسي",
            location_text="نيوم",
            date_text="الثلاثاء",
            date="2018-08-14",
        )
    ],
    "king-salman-sisi-neom__skynews": [
        _meeting(
            "SAU",
            "EGY",
            ["سلمان بن عبدالعزيز آل سعود", "عبدالفتاح السيسي", "محمد بن سلمان بن عبدالعزيز"],
            'استقبل العاهل السعودي الملك سلمان بن عبدالعزيز آل سعود، في "نيوم" الثلاثاء، الرئيس '
            "المصري عبدالفتاح السيسي",
            location_text="نيوم",
            date_text="الثلاثاء",
            date="2018-08-14",
        )
    ],
    "us-sanctions-russia-election-meddling__alarabia": [
        _sanctions(
            "فرضت إدارة الرئيس الأميركي دونالد ترمب عقوبات على 19 روسياً",
            imposed_by_text="إدارة الرئيس الأميركي دونالد ترمب",
        )
    ],
    "us-sanctions-russia-election-meddling__bbc": [
        _sanctions(
            "فرضت الولايات المتحدة عقوبات على 19 روسيا",
            imposed_by_text="الولايات المتحدة",
            start_text="يوم الخميس",
            start="2018-03-15",
        )
    ],
    "us-sanctions-russia-election-meddling__france24": [
        _sanctions(
            "فرضت الإدارة الأمريكية عقوبات على أبرز أجهزة الاستخبارات الروسية",
            imposed_by_text="الإدارة الأمريكية",
            start_text="الخميس",
            start="2018-03-15",
        )
    ],
    "us-sanctions-russia-election-meddling__skynews": [
        _sanctions(
            "أعلنت إدارة الرئيس الأميركي، دونالد ترامب، الخميس، عن فرض عقوبات ضد شخصيات روسية",
            imposed_by_text="إدارة الرئيس الأميركي، دونالد ترامب",
            start_text="الخميس",
            start="2018-03-15",
        )
    ],
    "nearmiss-us-sanctions-russia-oligarchs__france24": [
        _sanctions(
            "فرضت الإدارة الأمريكية الجمعة قائمة عقوبات جديدة تستهدف شخصيات مقربة من الرئيس "
            "الروسي فلاديمير بوتين",
            imposed_by_text="الإدارة الأمريكية",
            start_text="الجمعة",
            start="2018-04-06",
        )
    ],
}


def _surfaces(fact: Fact) -> list[str]:
    """The strings of a fact that must occur in its article."""
    found = list(fact.evidence)
    if isinstance(fact, ArmsDeal):
        found += [item.designation for item in fact.items]
        found += [item.quantity_text for item in fact.items if item.quantity_text]
        found += [fact.value.text] if fact.value else []
    elif isinstance(fact, Meeting):
        found += [person.name for person in fact.participants if person.name]
    else:
        found += [text for text in (fact.imposed_by_text, fact.start_text) if text]
    found += [fact.date_text] if not isinstance(fact, Embargo) and fact.date_text else []
    found += [fact.location_text] if isinstance(fact, Meeting) and fact.location_text else []
    return found


def document(stem: str) -> Document:
    """The hand-written Document of one article, its source, date and fingerprint as the run
    would record them."""
    text = (REGISTER_DIR / f"{stem}.txt").read_text(encoding="utf-8")
    meta = json.loads((REGISTER_DIR / f"{stem}.meta.json").read_text(encoding="utf-8"))
    facts = FACTS[stem]
    for fact in facts:
        for surface in _surfaces(fact):
            if normalize_text(surface) not in normalize_text(text):
                raise AssertionError(f"{stem}: {surface!r} is not in the article")
    return Document(
        doc_id=stem,
        published=dt.date.fromisoformat(meta["published"]),
        source=Source(outlet=meta["outlet"]),
        arms_deals=[fact for fact in facts if isinstance(fact, ArmsDeal)],
        meetings=[fact for fact in facts if isinstance(fact, Meeting)],
        embargoes=[fact for fact in facts if isinstance(fact, Embargo)],
        provenance=Provenance(source_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()),
    )


def documents() -> list[Document]:
    """Every article of the set as a Document, in file-name order."""
    return [document(stem) for stem in sorted(FACTS)]
