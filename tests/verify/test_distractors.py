"""The dev distractors report no fact: the wrong facts a model writes for them (a football
club's signings as an arms deal or a meeting, an airline's Boeing airliner as an arms deal, a
handover ceremony as a meeting) are flagged by general rules and dropped under --strict."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.schemas import Document
from extractor.verify import drop_unsupported, failed_checks, verify_document
from tests.verify.corpus import article

CLUB = "34_distractor-orouba-club-signings"
AIRLINE = "36_distractor-saudia-boeing-777"

CLUB_SIGNINGS = (
    "قدم نادي العروبة لاعبيه الجدد الذين وقع معهم عبر مؤتمر صحفي في الملعب الرئيسي للنادي"
)
BOEING_ORDER = (
    "يذكر أن الخطوط السعودية قد تعاقدت مع شركة بوينج لشراء (20) طائرة من هذا الطراز , "
    "استلمت منها حتى الآن (18) طائرة"
)
BOEING_DELIVERY = (
    "تسلمت الخطوط الجوية العربية السعودية يوم أمس طائرة جديدة من طراز بوينج (B777-300ER) "
    "عريضة الهيكل وبعيدة المدى"
)

WRONG_FACTS: dict[str, list[dict[str, Any]]] = {
    CLUB: [
        {
            "arms_deals": [
                {
                    "buyer_text": "نادي العروبة",
                    "items": [{"designation": "وليد الجيزاني", "category": "other"}],
                    "status": "signed",
                    "evidence": [CLUB_SIGNINGS],
                }
            ]
        },
        {
            "arms_deals": [
                {
                    "buyer": "JOR",
                    "buyer_text": "الأردني",
                    "seller": "SAU",
                    "seller_text": "السعودي",
                    "items": [{"designation": "مصعب اللحام", "category": "other"}],
                    "evidence": [
                        "ثم الاتفاق السعودي الموسم الماضي والمدافع سامي عبدالغني الذي مثل "
                        "الفيحاء والاتحاد سابقا"
                    ],
                }
            ]
        },
        {
            "meetings": [
                {
                    "participants": [
                        {"name": "تيسير العيد", "titles": ["مدير المركز الإعلامي"]},
                        {"name": "الهادي الوالي", "titles": ["المدير الفني"], "country": "TUN"},
                    ],
                    "evidence": [CLUB_SIGNINGS],
                }
            ]
        },
    ],
    AIRLINE: [
        {
            "arms_deals": [
                {
                    "buyer": "SAU",
                    "buyer_text": "الخطوط السعودية",
                    "seller": "USA",
                    "seller_text": "بوينج",
                    "items": [
                        {
                            "designation": "B777-300ER",
                            "category": "transport_aircraft",
                            "quantity": 20,
                            "quantity_text": "20",
                        }
                    ],
                    "status": "agreed",
                    "evidence": [BOEING_ORDER],
                }
            ]
        },
        {
            "arms_deals": [
                {
                    "buyer": "SAU",
                    "buyer_text": "السعودية",
                    "items": [{"designation": "بوينج", "category": "transport_aircraft"}],
                    "status": "delivered",
                    "evidence": [BOEING_DELIVERY],
                }
            ]
        },
        {
            "meetings": [
                {
                    "participants": [
                        {
                            "name": "صالح بن ناصر الجاسر",
                            "titles": ["مدير عام الخطوط الجوية العربية السعودية", "المهندس"],
                            "country": "SAU",
                            "side": "host",
                        }
                    ],
                    "host_country": "SAU",
                    "location_text": "مطار الملك عبدالعزيز الدولي بجدة",
                    "evidence": [
                        "جرى استقبالها بحضور مدير عام الخطوط الجوية العربية السعودية المهندس "
                        "صالح بن ناصر الجاسر"
                    ],
                }
            ]
        },
    ],
}

CASES = [(doc_id, facts) for doc_id, variants in WRONG_FACTS.items() for facts in variants]


@pytest.mark.parametrize(("doc_id", "facts"), CASES)
def test_wrong_facts_are_flagged_and_dropped(doc_id: str, facts: dict[str, Any]) -> None:
    text = article(doc_id)
    for entries in facts.values():
        assert all(sentence in text for entry in entries for sentence in entry["evidence"])
    document = Document.model_validate({"doc_id": doc_id, **facts})
    verified = verify_document(document, text)
    kind = next(iter(facts))
    assert any(check.path == f"{kind}[0]" for check in failed_checks(verified))
    strict = drop_unsupported(verified)
    assert (strict.meetings, strict.arms_deals, strict.embargoes) == ([], [], [])
