"""Words that attach people to a meeting: a delegation list or an attendance phrase.

The meeting's own verbs and nouns are the triggers' (`استقبل`, `زيارة`, `مباحثات`); these are
the words that list who took part (`وضم الوفد`, `بحضور`, `ورافقه`, `من الجانب`).
"""

from __future__ import annotations

from extractor.arabic.lexicon import word_set

DELEGATION_MARKERS = word_set(
    "ضم", "يضم", "تضم", "ضمت", "بحضور", "حضر", "حضور", "حضرها", "حضره", "يرافق", "يرافقه",
    "ترافق", "رافق", "رافقه", "رافقها", "المرافق", "مرافق", "المرافقة", "شارك", "يشارك",
    "شاركت", "مشاركة", "الجانب", "برئاسة", "يرأس", "ترأس", "رأس", "يترأس", "يتقدمهم",
    "وفد", "الوفد", "عن الجانب", "بمعية", "برفقة",
)  # fmt: skip
"""Delegation and attendance words. Leaves out `مع` (it joins any two nouns) and `كما`."""
