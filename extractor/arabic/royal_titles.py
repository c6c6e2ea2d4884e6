"""Royal and state titles that name a state without naming it: a reviewed table.

`خادم الحرمين الشريفين` is the King of Saudi Arabia, and a ruling family's name (`آل ثاني`)
places its member in a state. Leaves out families that rule no state or share a name with
one that does not (`آل الشيخ`, `آل مكتوم` rules Dubai, not the federation: `آل نهيان` is
listed for the UAE's president), and names that are also common words or surnames
(`الصباح` 'the morning', `الهاشمي`).
"""

from __future__ import annotations

ROYAL_TITLES: dict[str, tuple[str, ...]] = {
    "SAU": ("خادم الحرمين الشريفين", "آل سعود"),
    "QAT": ("آل ثاني",),
    "ARE": ("آل نهيان",),
    "BHR": ("آل خليفة",),
    "KWT": ("آل الصباح",),
    "OMN": ("آل سعيد", "آل بو سعيد"),
}
"""ISO3 -> titles and family names, as written."""
