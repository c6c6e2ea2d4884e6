"""Snapping: a surface string the verifier finds at a normalized or fuzzy match becomes the
source's own characters, so every surface string of a Document is a verbatim span; the model's
form stays in the check."""

from __future__ import annotations

from extractor.verify.walk import get_path
from tests.verify.corpus import SEED_ID, article, check_at, gold_raw, verify_raw

RIYADH = "27_king-salman-receives-pompeo"


def test_a_misspelled_title_becomes_the_text_s_own() -> None:
    raw = gold_raw(SEED_ID)
    raw["meetings"][0]["participants"][0]["titles"] = ["رئيس وزراء باكستن"]
    verified = verify_raw(raw, article(SEED_ID))
    check = check_at(verified, "meetings[0].participants[0].titles[0]")
    assert (check.status, check.value) == ("fuzzy", "رئيس وزراء باكستن")
    assert verified.meetings[0].participants[0].titles == ["رئيس وزراء باكستان"]


def test_diacritics_and_a_clitic_the_text_lacks_are_dropped() -> None:
    raw = gold_raw(RIYADH)
    raw["meetings"][0]["participants"][1]["name"] = "مَايك بُومبيو"
    raw["meetings"][0]["location_text"] = "وقصر اليمامة بالعاصمة الرياض"
    verified = verify_raw(raw, article(RIYADH))
    assert verified.meetings[0].participants[1].name == "مايك بومبيو"
    assert check_at(verified, "meetings[0].participants[1].name").value == "مَايك بُومبيو"
    assert verified.meetings[0].location_text == "قصر اليمامة بالعاصمة الرياض"


def test_a_dropped_clitic_stays_dropped_and_exact_values_stay() -> None:
    raw = gold_raw(SEED_ID)
    verified = verify_raw(raw, article(SEED_ID))
    assert verified.arms_deals[0].seller_text == "باكستان"  # `وتتمتع باكستان وليبيا`
    assert verified.arms_deals[0].buyer_text == "ليبيا"


def test_every_surface_string_is_a_verbatim_span_after_snapping() -> None:
    raw = gold_raw(RIYADH)
    raw["meetings"][0]["participants"][0]["titles"] = ["العاهل السعودى", "المَلك"]
    text = article(RIYADH)
    verified = verify_raw(raw, text)
    for check in verified.checks:
        if check.path.endswith(("titles[0]", "titles[1]")) and check.span is not None:
            value = get_path(verified, check.path)
            assert value == text[check.span[0] : check.span[1]]
