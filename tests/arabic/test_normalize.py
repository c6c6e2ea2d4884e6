"""Normalization keeps a map back to the original: every normalized span is found again in the
original, and the original text behind it normalizes to the same thing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractor.arabic.normalize import _normalize_by_char, normalize, normalize_text
from tests.conftest import dev_pairs

# Arabic letters and hamza forms, diacritics, tatweel, digits of three scripts, separators,
# punctuation, presentation forms (ﻻ expands to two letters), invisible marks, Latin, spaces
_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱؤئىة"
    "یکھگپچژڤ"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"
    "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
    "٫٬،؛؟.,-–«»“”ﻻﷲ﴾\u200f\u200c\ufeff"
    "JFjf \u00a0\u3000"
    "\n\t"
)
TEXTS = st.text(alphabet=_ALPHABET, max_size=80)


@given(st.one_of(TEXTS, st.text(max_size=40)))
def test_fast_path_equals_folding_one_character_at_a_time(source: str) -> None:
    assert normalize(source) == _normalize_by_char(source)


@given(TEXTS)
def test_offsets_map_inside_the_original(source: str) -> None:
    norm = normalize(source)
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len(source)
    assert all(0 <= offset < len(source) for offset in norm.offsets[:-1])
    assert list(norm.offsets) == sorted(norm.offsets)


@given(TEXTS, st.data())
def test_original_span_renormalizes_to_the_matched_text(source: str, data: st.DataObject) -> None:
    norm = normalize(source)
    start = data.draw(st.integers(0, len(norm.text)))
    end = data.draw(st.integers(start, len(norm.text)))
    span = norm.text[start:end]
    whole_chars = (start == 0 or norm.offsets[start - 1] != norm.offsets[start]) and (
        end == len(norm.text) or norm.offsets[end - 1] != norm.offsets[end]
    )
    if span.strip() != span or not whole_chars:
        return  # a span that starts or ends in whitespace or inside an expanded character
    original_start, original_end = norm.to_original(start, end)
    assert 0 <= original_start <= original_end <= len(source)
    assert normalize_text(norm.original(start, end)) == span


def test_folds_what_the_issue_lists() -> None:
    assert normalize_text("أعلنت") == normalize_text("اعلنت")
    assert normalize_text("٢٤") == "24"
    assert normalize_text("۲۴") == "24"
    assert normalize_text("١٫٥") == "1.5"
    assert normalize_text("١٬٠٠٠") == "1,000"
    assert normalize_text("تقريبًا") == "تقريبا"
    assert normalize_text("بـ16") == "ب16"
    assert normalize_text("«قوة»، نعم؟") == '"قوه", نعم?'


def test_persian_letters_fold_to_the_arabic_letters_news_writes() -> None:
    """Copied Persian and Urdu letters and the letters for foreign sounds read as Arabic ones:
    `وزیر الخارجیة` (Farsi yeh), `ھیئة` (Urdu heh), `ڤلاديمير` (v), `گاز`, `پاكستان`."""
    assert normalize_text("وزیر الخارجیة") == normalize_text("وزير الخارجية")
    assert normalize_text("ھیئة الأرکان") == normalize_text("هيئة الأركان")
    assert normalize_text("ڤلاديمير بوتين") == normalize_text("فلاديمير بوتين")
    assert normalize_text("گاز") == "كاز"
    assert normalize_text("پاكستان") == normalize_text("باكستان")
    assert normalize_text("چاد") == "جاد"
    assert normalize_text("ژان") == "زان"


def test_a_match_in_a_dev_article_maps_to_its_original_letters() -> None:
    article, _ = dev_pairs()[0]
    source = article.read_text(encoding="utf-8")
    norm = normalize(source)
    start = norm.text.index("عامين ونصف تقريبا")
    original = norm.original(start, start + len("عامين ونصف تقريبا"))
    assert original == "عامين ونصف تقريبًا"
