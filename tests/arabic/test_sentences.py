"""Sentence spans: real sentences of the dev set, no split inside numbers, designations and
abbreviations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.arabic.sentences import split_sentences
from tests.conftest import dev_pairs

PAIRS = dev_pairs()


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_terminators_and_newlines_end_sentences() -> None:
    text = "وصل الوفد. هل وقع الاتفاق؟ نعم! ثم؛ انتهى\nسطر جديد? أخير"
    assert _sentences(text) == [
        "وصل الوفد.",
        "هل وقع الاتفاق؟",
        "نعم!",
        "ثم؛",
        "انتهى",
        "سطر جديد?",
        "أخير",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "قيمتها 5.4 مليار دولار تحصل بموجبها المملكة على صواريخ.",
        "بيع ما يصل إلى 72 طائرة إف-15 كيو.إيه لقطر مقابل 21.1 مليار دولار.",
        "استقبل د. أحمد الوفد الليبي.",
        "وقال أ. محمد إن الصفقة تمت.",
        "شراء 16 طائرة JF-17 Thunder و12 طائرة F-35A.",
        "قال مسؤول في U.S. Army إن الصفقة تمت.",
        "قال Mr. Smith إن الصفقة تمت.",
    ],
)
def test_no_split_inside_numbers_designations_and_abbreviations(sentence: str) -> None:
    text = f"جملة أولى. {sentence} جملة أخيرة."
    assert _sentences(text) == ["جملة أولى.", sentence, "جملة أخيرة."]


def test_ellipses_end_sentences() -> None:
    assert _sentences("ليبيا.. عقوبات أمريكية… ثم ماذا") == [
        "ليبيا..",
        "عقوبات أمريكية…",
        "ثم ماذا",
    ]


def test_dates_with_era_letters_end_sentences() -> None:
    assert _sentences("وقع في عام 2011م. ثم انتهى") == ["وقع في عام 2011م.", "ثم انتهى"]


def test_closing_quote_stays_with_its_sentence() -> None:
    assert _sentences('قال: "نعم." ثم ذهب') == ['قال: "نعم."', "ثم ذهب"]


def test_missing_space_after_a_dot_still_splits() -> None:
    assert _sentences("انتهى الاجتماع.وقال الوزير") == ["انتهى الاجتماع.", "وقال الوزير"]


@pytest.mark.parametrize(("article", "gold"), PAIRS, ids=[pair[0].stem for pair in PAIRS])
def test_gold_evidence_lies_within_one_sentence(article: Path, gold: Path) -> None:
    text = article.read_text(encoding="utf-8")
    spans = split_sentences(text)
    assert all(text[start:end] == text[start:end].strip() for start, end in spans)
    document = json.loads(gold.read_text(encoding="utf-8"))
    facts = document["meetings"] + document["arms_deals"] + document["embargoes"]
    for evidence in (quote for fact in facts for quote in fact["evidence"]):
        at = text.find(evidence)
        if at < 0:
            continue  # evidence given without a clitic or diacritic: found by the verifier
        assert any(start <= at and at + len(evidence) <= end for start, end in spans), evidence
