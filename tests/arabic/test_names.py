"""Locating names, titles, places, designations and evidence in real Arabic news: every gold
surface string of the dev set is found at its own span, clitic and spelling variants are found
as "normalized" or "fuzzy", and different names, words and numbers are not found."""

from __future__ import annotations

import json
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from extractor.arabic.names import (
    FUZZY_THRESHOLD,
    TextMatch,
    find_all,
    find_designation,
    find_text,
    stems_behind_bi,
    strip_clitics,
)
from extractor.arabic.normalize import Normalized, normalize, normalize_text
from tests.conftest import SEED, dev_pairs

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_SOURCE = normalize(SEED_TEXT)
ARTICLES = {article.stem: article.read_text(encoding="utf-8") for article, _ in dev_pairs()}


def _surface_strings(fact: dict[str, Any]) -> list[str]:
    """Every copied string of one gold fact: names, titles, organizations, *_text, evidence."""
    strings: list[str] = []
    for key, value in fact.items():
        if key.endswith("_text") and isinstance(value, str):
            strings.append(value)
        elif key in ("evidence", "topics"):
            strings.extend(value)
        elif key == "participants":
            for person in value:
                strings.extend(s for s in (person["name"], person["organization"]) if s)
                strings.extend(person["titles"])
        elif key == "value" and value:
            strings.append(value["text"])
    return strings


def _gold_strings() -> list[tuple[str, str]]:
    """(article stem, surface string) for every copied string of every gold fact."""
    pairs: list[tuple[str, str]] = []
    for article, gold in dev_pairs():
        document = json.loads(gold.read_text(encoding="utf-8"))
        for kind in ("meetings", "arms_deals", "embargoes"):
            for fact in document[kind]:
                pairs.extend((article.stem, text) for text in _surface_strings(fact))
    return pairs


def _gold_designations() -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for article, gold in dev_pairs():
        document = json.loads(gold.read_text(encoding="utf-8"))
        for deal in document["arms_deals"]:
            pairs.extend((article.stem, item["designation"]) for item in deal["items"])
    return pairs


_WORDS = regex.compile(r"[\p{L}\p{N}]+")
GOLD_STRINGS = _gold_strings()
GOLD_NAMES = sorted(
    {(stem, text) for stem, text in GOLD_STRINGS if 2 <= len(text.split()) <= 4},
)


def _found(match: TextMatch | None, source: Normalized) -> str | None:
    return source.source[match.start : match.end] if match else None


def test_the_dev_set_has_surface_strings() -> None:
    assert len(GOLD_STRINGS) > 150
    assert len(GOLD_NAMES) > 50


@pytest.mark.parametrize(("stem", "needle"), GOLD_STRINGS)
def test_every_gold_string_is_found_exactly_at_its_span(stem: str, needle: str) -> None:
    source = normalize(ARTICLES[stem])
    match = find_text(needle, source)
    assert match is not None
    assert match.status == "exact"
    assert source.source[match.start : match.end] == needle


@pytest.mark.parametrize(("stem", "needle"), GOLD_STRINGS)
def test_every_gold_string_survives_folding_and_spacing(stem: str, needle: str) -> None:
    """The string as a model might return it: hamzas folded, punctuation and spaces changed."""
    source = normalize(ARTICLES[stem])
    variant = "  ".join(regex.sub(r"(?<!\d),|,(?!\d)", " ", normalize_text(needle)).split())
    match = find_text(variant, source)
    assert match is not None
    assert match.status in ("exact", "normalized")
    found = _WORDS.findall(normalize_text(source.source[match.start : match.end]))
    expected = _WORDS.findall(normalize_text(needle))
    assert expected[0] in strip_clitics(found[0])  # للسعودية for السعودية
    assert found[1:] == expected[1:]


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("والتقى", "التقى"),  # the needle carries a clitic the source lacks
        ("التقى", "التقى"),  # the source carries one the needle lacks: كما التقى / والتقى
        ("بإسلام آباد", "بإسلام آباد"),
        ("إسلام آباد", "إسلام آباد"),
        ("وليبيا", "وليبيا"),
        ("بليبيا", "ليبيا"),
        ("للسلام", "للسلام"),
        ("البحرية الباكستانية", "البحرية الباكستانية"),  # بالبحرية الباكستانية
        ("ظاهر احمد بابر صدهو", "ظاهر أحمد بابَر صدهو"),  # alef folded, diacritic dropped
        ("اعربت القياده الليبيه", "أعربت القيادة الليبية"),
        ("ليبيا", "ليبيا"),
    ],
)
def test_clitics_and_spelling_variants_in_the_seed(needle: str, expected: str) -> None:
    match = find_text(needle, SEED_SOURCE)
    assert _found(match, SEED_SOURCE) == expected
    assert match is not None
    assert match.status == ("exact" if needle == expected else "normalized")


def test_the_article_is_matched_through_lam_lam() -> None:
    source = normalize("وبالترويج للسلام والاستقرار والتنمية على المستويين الإقليمي والدولي")
    match = find_text("السلام", source)
    assert _found(match, source) == "للسلام"
    assert match is not None
    assert match.status == "normalized"


@pytest.mark.parametrize(
    ("needle", "snippet"),
    [
        ("دار", "إلا أن تدفق الأسلحة إلى ليبيا استمر على مدار العقد الماضي"),
        ("دار", "وسلمت الدار الرئاسية الوفد الليبي"),
        ("منير", "رئيس أركان الجيش المشير عاصم منيرة"),
        ("منيرة", "رئيس أركان الجيش المشير عاصم منير"),
        ("ليبي", "أكد رئيس وزراء ليبيا الدكتور أسامة سعد حمد"),
        ("16", "تضمنت شراء 160 طائرة مقاتلة من طراز JF-17 Thunder"),
    ],
)
def test_a_needle_is_never_found_inside_another_word(needle: str, snippet: str) -> None:
    assert find_text(needle, normalize(snippet), fuzzy=True) is None


def test_digit_scripts_are_the_same_number_and_other_numbers_are_not() -> None:
    snippet = "تضمنت شراء ١٦ طائرة مقاتلة من طراز JF-17 Thunder و١٢ طائرة تدريب"
    source = normalize(snippet)
    match = find_text("16 طائرة مقاتلة", source)
    assert _found(match, source) == "١٦ طائرة مقاتلة"
    assert find_text("26 طائرة مقاتلة", source, fuzzy=True) is None
    assert find_text("12 طائرة مقاتلة", source, fuzzy=True) is None


def test_partial_names_need_fuzzy_and_a_short_window() -> None:
    source = normalize(
        "وقائد القوات المسلحة الليبية المشير خليفة أبو القاسم حفتر، ونائب القائد العام"
    )
    assert _found(find_text("حفتر", source), source) == "حفتر"
    assert find_text("خليفة حفتر", source) is None
    match = find_text("خليفة حفتر", source, fuzzy=True)
    assert _found(match, source) == "خليفة أبو القاسم حفتر"
    assert match is not None
    assert match.status == "normalized"
    assert find_text("حفتر خليفة", source, fuzzy=True) is None
    assert find_text("خليفة الليبية", source, fuzzy=True) is None


def test_a_one_letter_misspelling_is_fuzzy() -> None:
    match = find_text("ظاهر احمد بابور صدهو", SEED_SOURCE, fuzzy=True)
    assert _found(match, SEED_SOURCE) == "ظاهر أحمد بابَر صدهو"
    assert match is not None
    assert match.status == "fuzzy"
    assert FUZZY_THRESHOLD <= match.score < 100
    assert find_text("ظاهر احمد بابور صدهو", SEED_SOURCE) is None


@pytest.mark.parametrize(
    ("needle", "stem"),
    [
        ("شريف شريف", "00_seed-pakistan-libya"),  # the article has شهباز شريف
        ("خالد بن سلمان", "24_mbs-cairo-visit-delegation"),  # the article has محمد بن سلمان
        ("محمد بن زايد", "24_mbs-cairo-visit-delegation"),
        ("عاصم شريف", "00_seed-pakistan-libya"),
        ("فلاديمير بوتين الثاني", "22_mbz-moscow-visit-delegation"),
    ],
)
def test_a_different_name_with_the_same_family_name_is_rejected(needle: str, stem: str) -> None:
    assert find_text(needle, normalize(ARTICLES[stem]), fuzzy=True) is None


def test_numbers_are_never_matched_fuzzily() -> None:
    assert find_text("17 طائرة مقاتلة", SEED_SOURCE, fuzzy=True) is None
    assert find_text("قرار مجلس الأمن الدولي رقم 1971", SEED_SOURCE, fuzzy=True) is None


def test_evidence_tolerates_punctuation_but_not_other_words() -> None:
    evidence = (
        "وتتمتع باكستان وليبيا بعلاقات دبلوماسية وعسكرية قوية حيث أبرمتا الشهر الماضي "
        "صفقة أسلحة تقليدية بمليارات الدولارات ; تضمنت شراء 16 طائرة مقاتلة"
    )
    match = find_text(evidence, SEED_SOURCE)
    assert match is not None
    assert match.status == "normalized"
    assert SEED_TEXT[match.start : match.end].startswith("وتتمتع باكستان وليبيا")
    assert SEED_TEXT[match.start : match.end].endswith("16 طائرة مقاتلة")
    assert find_text(evidence.replace("16", "18"), SEED_SOURCE, fuzzy=True) is None
    assert find_text(evidence.replace("قوية", "متينة"), SEED_SOURCE, fuzzy=True) is None


def test_find_all_gives_every_occurrence() -> None:
    matches = find_all("ليبيا", SEED_SOURCE)
    assert all(normalize_text(SEED_TEXT[m.start : m.end]) == "ليبيا" for m in matches)
    assert len(matches) == normalize_text(SEED_TEXT).count("ليبيا")
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    assert find_all("مدار", SEED_SOURCE)
    assert find_all("دار", SEED_SOURCE) == [find_text("دار", SEED_SOURCE)]


@pytest.mark.parametrize(("stem", "designation"), _gold_designations())
def test_every_gold_designation_is_found(stem: str, designation: str) -> None:
    source = normalize(ARTICLES[stem])
    match = find_designation(designation, source)
    assert match is not None
    assert source.source[match.start : match.end] == designation


@pytest.mark.parametrize(
    ("stem", "designation", "found"),
    [
        ("00_seed-pakistan-libya", "JF17", "JF-17"),
        ("00_seed-pakistan-libya", "jf 17", "JF-17"),
        ("00_seed-pakistan-libya", "JF-17 thunder", "JF-17 Thunder"),
        ("02_bahrain-f16-block70-lockheed", "إف16", "إف-16"),
        ("02_bahrain-f16-block70-lockheed", "اف 16", "إف-16"),
        ("02_bahrain-f16-block70-lockheed", "إف-16 بلوك 70", "إف 16 بلوك 70"),
        ("05_japan-f35a-20-more", "اف35 ايه", "إف 35 إيه"),
        ("08_us-saudi-pac3-5-4bn", "باك 3", "باك-3"),
        ("11_qatar-f15-12bn-mattis-attiyah", "إف-15 كيو إيه", "إف-15 كيو.إيه"),
        ("11_qatar-f15-12bn-mattis-attiyah", "اف-15", "إف 15"),
    ],
)
def test_designation_variants(stem: str, designation: str, found: str) -> None:
    source = normalize(ARTICLES[stem])
    match = find_designation(designation, source)
    assert _found(match, source) == found
    assert match is not None
    assert match.status == "normalized"


@pytest.mark.parametrize(
    ("stem", "designation"),
    [
        ("02_bahrain-f16-block70-lockheed", "إف-15"),
        ("02_bahrain-f16-block70-lockheed", "إف-161"),
        ("02_bahrain-f16-block70-lockheed", "إف-16 بلوك 72"),
        ("00_seed-pakistan-libya", "JF-171"),
        ("00_seed-pakistan-libya", "JF-1"),
        ("00_seed-pakistan-libya", "F-17"),
        ("08_us-saudi-pac3-5-4bn", "باك-2"),
        ("11_qatar-f15-12bn-mattis-attiyah", "إف-16"),
    ],
)
def test_a_designation_never_matches_another_number(stem: str, designation: str) -> None:
    assert find_designation(designation, normalize(ARTICLES[stem])) is None


def test_strip_clitics_gives_stems_longest_first() -> None:
    assert strip_clitics("وبالسعوديه") == ["وبالسعوديه", "بالسعوديه", "السعوديه", "سعوديه"]
    assert "ليبيا" in strip_clitics("لليبيا")
    assert "السلام" in strip_clitics("للسلام")
    assert strip_clitics("دار") == ["دار"]


def test_the_stems_behind_the_clitic_bi_are_read_off_each_word() -> None:
    sentence = "واجتمع الوزير برئيس الأركان بمقر وزارة الدفاع وبمكتبه"
    behind = {word: stems_behind_bi(normalize_text(word)) for word in sentence.split()}
    assert behind["برئيس"] == {normalize_text("رئيس")}
    assert behind["بمقر"] == {"مقر"}
    assert behind["الوزير"] == behind["وزارة"] == frozenset()
    assert behind["وبمكتبه"] == frozenset()  # the clitics are `وب`, not `ب`


@given(
    name=st.sampled_from(GOLD_NAMES),
    clitic=st.sampled_from(["", "و", "ف", "ب", "ل", "وب", "ول"]),
    marks=st.lists(st.sampled_from("\u064b\u064e\u064f\u0650\u0651\u0652\u0640"), max_size=3),
)
def test_a_gold_name_with_clitics_and_marks_is_still_found(
    name: tuple[str, str], clitic: str, marks: list[str]
) -> None:
    """Clitics on the needle and diacritics or tatweel inside it never hide a gold name."""
    stem, text = name
    source = normalize(ARTICLES[stem])
    needle = clitic + text[:2] + "".join(marks) + text[2:]
    match = find_text(needle, source)
    assert match is not None
    found = _WORDS.findall(normalize_text(source.source[match.start : match.end]))
    expected = _WORDS.findall(normalize_text(text))
    assert expected[0] in strip_clitics(found[0])
    assert found[1:] == expected[1:]


SEED_WORDS = [match.span() for match in regex.finditer(r"\S+", SEED_TEXT)]


@given(start=st.integers(0, len(SEED_WORDS) - 1), size=st.integers(1, 25))
def test_any_run_of_seed_words_is_found_as_written_and_folded(start: int, size: int) -> None:
    """A verbatim run of words is found exactly; its normalized form is found at a span that
    normalizes to the same words."""
    run = SEED_TEXT[SEED_WORDS[start][0] : SEED_WORDS[min(start + size, len(SEED_WORDS)) - 1][1]]
    exact = find_text(run, SEED_SOURCE)
    assert exact is not None
    assert exact.status == "exact"
    assert SEED_TEXT[exact.start : exact.end] == run
    folded = find_text(normalize_text(run), SEED_SOURCE)
    assert folded is not None
    found = _WORDS.findall(normalize_text(SEED_TEXT[folded.start : folded.end]))
    expected = _WORDS.findall(normalize_text(run))
    # an earlier occurrence may carry a clitic on its first word (للسلام for السلام)
    assert expected[0] in strip_clitics(found[0])
    assert found[1:] == expected[1:]
