"""Scripted LLM answers about the seed article (Pakistan–Libya), right and wrong."""

from __future__ import annotations

import copy
from typing import Any

DEAL: dict[str, Any] = {
    "arms_deals": [
        {
            "buyer_text": "ليبيا",
            "buyer": "LBY",
            "seller_text": "باكستان",
            "seller": "PAK",
            "items": [
                {
                    "designation": "JF-17 Thunder",
                    "category": "fighter_aircraft",
                    "quantity_text": "16",
                },
                {
                    "designation": "Super Mushak",
                    "category": "trainer_aircraft",
                    "quantity_text": "12",
                },
            ],
            "value_text": "بمليارات الدولارات",
            "status": "agreed",
            "date_text": "الشهر الماضي",
            "duration_text": "على مدى عامين ونصف تقريبًا",
        }
    ]
}

EMBARGO: dict[str, Any] = {
    "embargoes": [
        {
            "target_text": "ليبيا",
            "target": "LBY",
            "imposed_by_text": "مجلس الأمن الدولي",
            "kind": "arms",
            "resolutions": ["1970", "1973"],
            "start_text": "منذ فبراير 2011",
            "status": "in_force",
        }
    ]
}

MEETING: dict[str, Any] = {
    "meetings": [
        {
            "participants": [
                {
                    "name": "شهباز شريف",
                    "titles": ["رئيس وزراء باكستان"],
                    "country": "PAK",
                    "side": "host",
                },
                {
                    "name": "أسامة سعد حمد",
                    "titles": ["رئيس وزراء ليبيا"],
                    "country": "LBY",
                    "side": "guest",
                },
            ],
            "host_country": "PAK",
            "guest_countries": ["LBY"],
            "location_text": "ديوان رئاسة الوزراء",
            "date_text": "يوم الثلاثاء",
            "topics": ["تعزيز العلاقات الثنائية"],
        }
    ]
}

NO_EMBARGO: dict[str, Any] = {"embargoes": []}
NO_MEETING: dict[str, Any] = {"meetings": []}


def deal_with_quantities(first: str, second: str) -> dict[str, Any]:
    """The seed's deal with other quantity texts for JF-17 Thunder and Super Mushak."""
    changed = copy.deepcopy(DEAL)
    items = changed["arms_deals"][0]["items"]
    items[0]["quantity_text"], items[1]["quantity_text"] = first, second
    return changed
