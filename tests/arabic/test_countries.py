"""Countries and bodies in real Arabic news: every gold ISO code of the dev set is named in its
article, clitics and inflections are understood, the longest name wins, and look-alike codes,
ambiguous words and national security councils are not taken for states or the UN."""

from __future__ import annotations

import json
from typing import Any

import pytest

from extractor.arabic import country_aliases
from extractor.arabic.countries import (
    body_for,
    cldr_names,
    countries_in,
    country_for,
    country_mentions,
    is_iso3,
)
from tests.conftest import SEED, dev_pairs

SEED_TEXT = SEED.read_text(encoding="utf-8")
ARTICLES = {article.stem: article.read_text(encoding="utf-8") for article, _ in dev_pairs()}


def _gold_codes() -> list[tuple[str, str, str]]:
    """(article stem, field, ISO3) for every gold country code."""
    codes: list[tuple[str, str, str]] = []
    for article, gold in dev_pairs():
        document: dict[str, Any] = json.loads(gold.read_text(encoding="utf-8"))
        found: list[tuple[str, str | None]] = []
        for meeting in document["meetings"]:
            found.append(("host_country", meeting["host_country"]))
            found += [("guest_countries", code) for code in meeting["guest_countries"]]
            found += [("country", person["country"]) for person in meeting["participants"]]
        for deal in document["arms_deals"]:
            found += [("buyer", deal["buyer"]), ("seller", deal["seller"])]
        for embargo in document["embargoes"]:
            found += [("target", embargo["target"]), ("imposed_by", embargo["imposed_by"])]
        codes += [(article.stem, field, code) for field, code in found if code and len(code) == 3]
    return sorted(set(codes))


def _gold_fact_texts() -> list[tuple[str, str]]:
    """(ISO3, the fact's own surface text) wherever gold pairs a code with a *_text."""
    pairs: list[tuple[str, str]] = []
    for _, gold in dev_pairs():
        document: dict[str, Any] = json.loads(gold.read_text(encoding="utf-8"))
        for deal in document["arms_deals"]:
            for side in ("buyer", "seller"):
                if deal[side] and deal[f"{side}_text"]:
                    pairs.append((deal[side], deal[f"{side}_text"]))
        for embargo in document["embargoes"]:
            if embargo["target"]:
                pairs.append((embargo["target"], embargo["target_text"]))
    return sorted(set(pairs))


@pytest.mark.parametrize(("stem", "field", "code"), _gold_codes())
def test_every_gold_code_is_named_in_its_article(stem: str, field: str, code: str) -> None:
    assert is_iso3(code)
    assert code in countries_in(ARTICLES[stem]), field


@pytest.mark.parametrize(("code", "text"), _gold_fact_texts())
def test_every_gold_country_text_names_its_code(code: str, text: str) -> None:
    assert country_for(text) == code


def test_seed_mentions_carry_spans_surfaces_and_kinds() -> None:
    mentions = country_mentions(SEED_TEXT)
    for mention in mentions:
        assert SEED_TEXT[mention.start : mention.end] == mention.surface
    kinds = {(mention.surface, mention.kind, mention.iso3) for mention in mentions}
    assert ("باكستان", "name", "PAK") in kinds
    assert ("الليبية", "demonym", "LBY") in kinds
    assert ("الليبيين", "demonym", "LBY") in kinds
    assert ("باكستانيون", "demonym", "PAK") in kinds
    assert ("الباكستانية", "demonym", "PAK") in kinds
    assert ("إسلام آباد", "capital", "PAK") in kinds  # written بإسلام آباد
    assert countries_in(SEED_TEXT) == {"PAK", "LBY"}


def test_a_clitic_is_left_out_of_the_surface() -> None:
    snippet = "مؤكدين على الروابط الدينية والتاريخية القوية بين باكستان وليبيا."
    [pakistan, libya] = country_mentions(snippet)
    assert (pakistan.iso3, pakistan.surface) == ("PAK", "باكستان")
    assert (libya.iso3, libya.surface) == ("LBY", "ليبيا")
    assert snippet[libya.start - 1 : libya.end] == "وليبيا"


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("ليبيا", "LBY"),
        ("وليبيا", "LBY"),
        ("ليبيًا", "LBY"),
        ("الليبيون", "LBY"),
        ("وواشنطن", "USA"),
        ("أمريكا", "USA"),
        ("أميركا", "USA"),
        ("الأمريكي", "USA"),
        ("الأميركية", "USA"),
        ("الولايات المتحدة", "USA"),
        ("بالولايات المتحدة الأمريكية", "USA"),
        ("الإمارات", "ARE"),
        ("الإماراتي", "ARE"),
        ("أبوظبي", "ARE"),
        ("السعودية", "SAU"),
        ("بالسعودية", "SAU"),
        ("للسعودية", "SAU"),
        ("المملكة العربية السعودية", "SAU"),
        ("لإيران", "IRN"),
        ("طهران", "IRN"),
        ("الإيراني", "IRN"),
        ("روسيا الاتحادية", "RUS"),
        ("الكرملين", "RUS"),
        ("الروس", "RUS"),
        ("القاهرة", "EGY"),
        ("المصري", "EGY"),
        ("بريطانيا", "GBR"),
        ("المملكة المتحدة", "GBR"),
        ("الدوحة", "QAT"),
        ("القطري", "QAT"),
        ("المنامة", "BHR"),
        ("البحريني", "BHR"),
        ("اليابانية", "JPN"),
        ("جنوب السودان", "SSD"),
        ("السودان", "SDN"),
        ("كوريا الشمالية", "PRK"),
        ("الكورية الشمالية", "PRK"),
        ("كوريا الجنوبية", "KOR"),
        ("طرابلس", "LBY"),
        ("رئيس وزراء باكستان", "PAK"),
        ("وزارة الخزانة الأميركية", "USA"),
        ("سفير الإمارات لدى روسيا الاتحادية", None),
        ("المملكة", None),
        ("أمريكا اللاتينية", None),
        ("دعم مالي", None),
        ("ولي العهد", None),
        ("أمين عمان يوسف الشواربة", "JOR"),
        ("رئيس لجنة أمانة عمان الكبرى", "JOR"),
    ],
)
def test_country_for(surface: str, code: str | None) -> None:
    assert country_for(surface) == code


@pytest.mark.parametrize(
    "snippet",
    [
        "واستقبل الأمير تركي بن طلال أمير منطقة عسير الوفد",
        "وقال رئيس هيئة الترفيه تركي آل الشيخ إن الموسم",
        "وحضر اللقاء الشيخ تركي الفيصل",
    ],
)
def test_the_given_name_turki_is_no_turkish_demonym(snippet: str) -> None:
    assert "TUR" not in countries_in(snippet)


def test_turkish_still_names_turkey() -> None:
    assert countries_in("ووصل وفد تركي رفيع المستوى إلى الدوحة") == {"TUR", "QAT"}


def test_the_longest_name_wins() -> None:
    snippet = 'وقال ممثل بريطانيا خلال التصويت "تحمل شعب جنوب السودان معاناة لا توصف"'
    assert countries_in(snippet) == {"GBR", "SSD"}
    [_, south_sudan] = country_mentions(snippet)
    assert south_sudan.surface == "جنوب السودان"


def test_phrases_across_punctuation_are_not_joined() -> None:
    assert countries_in("في الجنوب، السودان يرفض") == {"SDN"}
    assert countries_in("كوريا، الشمالية") == set()


@pytest.mark.parametrize(
    ("surface", "body"),
    [
        ("مجلس الأمن", "UNSC"),
        ("مجلس الأمن الدولي", "UNSC"),
        ("ومجلس الأمن الدولي", "UNSC"),
        ("مجلس الأمن التابع للأمم المتحدة", "UNSC"),
        ("الأمم المتحدة", "UNSC"),
        ("الاتحاد الأوروبي", "EU"),
        ("الاتحاد الأفريقي", "AU"),
        ("الاتحاد الإفريقي", "AU"),
        ("جامعة الدول العربية", "AL"),
        ("الجامعة العربية", "AL"),
        ("مجلس الأمن القومي", None),
        ("مجلس الأمن الوطني", None),
        ("وزارة الخزانة الأميركية", None),
        ("الأمم المتحدة والاتحاد الأوروبي", None),
    ],
)
def test_body_for(surface: str, body: str | None) -> None:
    assert body_for(surface) == body


@pytest.mark.parametrize(
    ("code", "real"),
    [("LBY", True), ("QAT", True), ("UKA", False), ("QTR", False), ("UAE", False), ("lby", False)],
)
def test_is_iso3_checks_the_real_list(code: str, real: bool) -> None:
    assert is_iso3(code) is real


def _reviewed_aliases() -> list[tuple[str, str]]:
    tables = (
        country_aliases.NAMES,
        country_aliases.SHORT_FORMS,
        country_aliases.PLURAL_DEMONYMS,
        country_aliases.CAPITALS,
        country_aliases.DEMONYMS,
    )
    return [
        (code, phrase) for table in tables for code, phrases in table.items() for phrase in phrases
    ]


@pytest.mark.parametrize(("code", "phrase"), _reviewed_aliases())
def test_every_reviewed_alias_names_its_own_country(code: str, phrase: str) -> None:
    """A real ISO code, and no other entry (CLDR's or the table's) takes the phrase away."""
    assert is_iso3(code)
    assert country_for(phrase) == code
    assert country_for("و" + phrase) == code


def test_every_cldr_name_names_its_country_unless_reviewed_out() -> None:
    """CLDR's Arabic names all resolve, but for the common words the alias table unmaps."""
    names = list(cldr_names())
    assert len(names) > 240
    wrong = {(code, name) for code, name in names if country_for(name) != code}
    assert wrong == {("BEN", "بنين"), ("JEY", "جيرسي"), ("MLI", "مالي")}
    assert all(name in country_aliases.UNMAPPED for _, name in wrong)


def test_royal_titles_and_ruling_families_name_their_state() -> None:
    assert countries_in("خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود") == {"SAU"}
    assert countries_in("أمير قطر الشيخ تميم بن حمد آل ثاني") == {"QAT"}
    assert countries_in("الشيخ محمد بن زايد آل نهيان") == {"ARE"}
    assert countries_in("الملك حمد بن عيسى آل خليفة") == {"BHR"}
    assert countries_in("وزير الشؤون الإسلامية الشيخ صالح بن عبدالعزيز آل الشيخ") == set()
