"""Separating a person's name from the posts and honorifics written before it.

Arabic news writes a delegate as post, honorific, then name (`وزير الخارجية الأمير عبد العزيز
بن سعود`, `رئيس وزراء ليبيا الدكتور أسامة سعد حمد`), and a small model often copies the whole
phrase as the name, or puts the post in the name and the name in the titles. The contract
wants the name alone and each title as written; every part stays a substring of what the
model wrote, so the verifier still checks it against the article.
"""

from __future__ import annotations

from itertools import pairwise

from extractor.arabic.countries import country_for
from extractor.arabic.lexicon import stems, words_of
from extractor.arabic.names import stems_behind_bi
from extractor.arabic.normalize import normalize_text

HONORIFICS = frozenset(
    normalize_text(word)
    for word in (
        "الملك", "الأمير", "الأميرة", "الشيخ", "الشيخة", "الدكتور", "الدكتورة", "د.",
        "المهندس", "المهندسة", "المشير", "الفريق", "اللواء", "العميد", "العقيد", "السيد",
        "السيدة", "السفير", "معالي", "سمو", "فخامة", "جلالة", "سعادة", "الرئيس",
    )
)  # fmt: skip
"""Words that stand right before a name: what follows the last of them is the name. Four are in
POSTS too (`الملك`, `الأمير`, `الشيخ`, `الرئيس`): a post when alone, an honorific before a name."""

POSTS = frozenset(
    normalize_text(word)
    for word in (
        "وزير", "وزيرة", "رئيس", "رئيسة", "نائب", "مساعد", "سفير", "مستشار", "قائد", "مدير",
        "أمين", "ولي", "العاهل", "الرئيس", "المتحدث", "مبعوث", "المبعوث", "ممثل", "مندوب",
        "المندوب", "عضو", "وكيل", "الملك", "الأمير", "الشيخ", "محافظ", "ملحق", "الملحق",
    )
)  # fmt: skip
"""First words of a post (`وزير الخارجية`, `ولي العهد`): a phrase starting so is no name."""

NAMED_POSTS = frozenset(map(normalize_text, ("أمير", "أميرة")))
"""First words of a post that are given names too (`أمير قطر`, `أمير منطقة الرياض`; the name
`أمير عبد اللهيان`): a phrase starting so is a post only when nothing after them is a name."""


POST_LINKS = frozenset(
    normalize_text(word)
    for word in (
        "و", "لدى", "في", "عن", "ل", "لشؤون", "شؤون", "وزراء", "عهد", "أركان", "عام", "أول",
        "ركن", "دولة", "الأعلى", "هيئة", "مجلس", "جهاز", "ديوان", "مكتب", "أفريقيا",
        "آسيا", "أوروبا", "لشئون", "شئون", "جمهورية", "بلدية",
        "قوات", "خادم", "خارجية", "دفاع", "داخلية", "مالية", "عدل", "إعلام", "تجارة", "طاقة",
        "نفط", "صحة", "تعليم", "نقل", "زراعة", "ثقافة", "خزانة", "اقتصاد",
    )
)  # fmt: skip
"""Words inside a post that carry no article (`رئيس وزراء باكستان`, `ولي عهد أبوظبي`,
`وزير الدولة لشؤون أفريقيا`, `وكيل ديوان ولي العهد`), among them the ministries, regions
and states a post names in construct (`وزير خارجية البلاد`, `أمير منطقة الجوف`, `رئيس
جمهورية مصر العربية`, `سفير خادم الحرمين الشريفين`); a word outside them, without the article
and naming no country, is taken for part of a person's name (`وزير الخارجية عادل الجبير`)."""

REGION_WORDS = frozenset(map(normalize_text, ("منطقة", "محافظة", "إمارة", "ولاية", "مدينة")))
"""Words of a post's region: the word after them is the region's own name, with or without the
article (`أمير منطقة نجران`, `محافظ مدينة جدة`)."""

_POST_WORDS = POSTS | HONORIFICS | NAMED_POSTS | POST_LINKS | REGION_WORDS


def is_post_only(phrase: str) -> bool:
    """True when a phrase is a post or honorific with no person's name in it (`وزير الدفاع
    الإسباني`, `ولي العهد`, `المستشار في الديوان الملكي`); False for `الملك سلمان`."""
    words = [stems(word) for word in normalize_text(phrase).split()]
    if not words or words[0].isdisjoint(POSTS | HONORIFICS | NAMED_POSTS):
        return False
    return all(
        any(stem.startswith("ال") for stem in word)
        or not word.isdisjoint(_POST_WORDS)
        or any(country_for(stem) is not None for stem in word)
        or not before.isdisjoint(REGION_WORDS)
        for before, word in pairwise(words)
    )


def split_person(name: str | None, titles: list[str]) -> tuple[str | None, list[str]]:
    """The person's name alone and the titles, posts and honorifics moved out of the name.

    `وزير الخارجية الأمير عبد العزيز` -> (`عبد العزيز`, [`وزير الخارجية`, `الأمير`]); a name
    that is a post, next to a title that is a name, swaps with it; a name that starts with one
    of the titles, or a title that ends with the name, loses that part.
    """
    if name is None:
        return None, titles
    person, moved = _cut_honorifics(name)
    if person is not None:
        kept = (_without(title, name) for title in titles if title.strip() != name.strip())
        return person, _unique([*moved, *kept])
    if (rest := _after_titles(name, titles)) != name:
        return rest, titles
    if not _is_post(name):
        return name, _unique([_without(title, name) for title in titles])
    for index, title in enumerate(titles):
        candidate, title_moved = _cut_honorifics(title)
        if candidate is None and not _is_post(title) and not _has_honorific(title):
            candidate = title.strip()
        if candidate is not None:
            others = titles[:index] + titles[index + 1 :]
            return candidate, _unique([name, *title_moved, *others])
    return name, titles


def _cut_honorifics(phrase: str) -> tuple[str | None, list[str]]:
    """(name, [post, honorific]) when an honorific stands before a name in the phrase; the
    adjectives after the honorific stay with it (`الرئيس الأمريكي` دونالد ترامب)."""
    words = phrase.split()
    marks = [i for i, word in enumerate(words) if normalize_text(word) in HONORIFICS]
    if not marks:
        return None, []
    start = marks[-1] + 1
    while start < len(words) and normalize_text(words[start]).startswith("ال"):
        start += 1
    if start == len(words):
        return None, []
    post = " ".join(words[: marks[-1]])
    honorific = " ".join(words[marks[-1] : start])
    return " ".join(words[start:]), [part for part in (post, honorific) if part]


def _has_honorific(phrase: str) -> bool:
    return any(normalize_text(word) in HONORIFICS for word in phrase.split())


def _after_titles(name: str, titles: list[str]) -> str:
    """The name without a post among the titles that it starts with (`وزير الخارجية عادل
    الجبير`)."""
    for title in titles:
        title = title.strip()
        if _is_post(title) and name.strip().startswith(title + " "):
            return name.strip()[len(title) :].strip()
    return name


def _without(title: str, name: str) -> str:
    """The title without the name it ends with."""
    title, name = title.strip(), name.strip()
    return title[: -len(name)] if title.endswith(name) and title != name else title


def _is_post(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and normalize_text(words[0]) in POSTS


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(value.strip() for value in values if value.strip()))


def object_post_start(title: str) -> int:
    """Where the object's post begins in a title copied across a verb (`نائب القائد العام
    الليبي برئيس أركان القوات الجوية`): the offset of the last post behind the clitic `ب`, 0
    when there is none; a state named before it is the agent's, not the titled person's."""
    starts = [0]
    for word in words_of(title):
        raw = normalize_text(title[word.start : word.end])
        if not POSTS.isdisjoint(stems_behind_bi(raw)):
            starts.append(word.start)
    return max(starts)
