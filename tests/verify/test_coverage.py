"""Coverage: the source's salient numbers that no fact accounts for are listed."""

from __future__ import annotations

from extractor.schemas import Check
from extractor.verify import summarize_checks, verify_document
from tests.verify.corpus import SEED_ID, article, gold, gold_raw, verify_raw


def _uncovered(doc_id: str) -> list[tuple[str, float]]:
    verified = verify_document(gold(doc_id), article(doc_id))
    text = article(doc_id)
    for number in verified.provenance.uncovered_numbers:
        assert text[number.span[0] : number.span[1]] == number.text
    return [(n.text, n.value) for n in verified.provenance.uncovered_numbers]


def test_seed_gold_accounts_for_every_salient_number() -> None:
    assert _uncovered(SEED_ID) == []


def test_a_skipped_item_shows_up_with_its_span() -> None:
    raw = gold_raw(SEED_ID)
    del raw["arms_deals"][0]["items"][1]
    del raw["embargoes"][0]
    verified = verify_raw(raw, article(SEED_ID))
    assert [(n.text, n.value) for n in verified.provenance.uncovered_numbers] == [
        ("12", 12.0),
        ("2011", 2011.0),
        ("1970", 1970.0),
        ("1973", 1973.0),
    ]


def test_designation_digits_paragraphs_and_ages_are_not_salient() -> None:
    uncovered = _uncovered("19_libya-jadhran-sanctions-res1970")
    values = {value for _, value in uncovered}
    assert values.isdisjoint({15.0, 17.0, 19.0, 37.0, 9.0, 14.0})  # paragraphs, age, duration, day
    assert 2013.0 in values  # a year no fact uses
    assert ("مليارات", 2e9) in uncovered  # the losses, not a deal
    assert {v for _, v in _uncovered("02_bahrain-f16-block70-lockheed")}.isdisjoint({16.0, 70.0})


def test_the_headline_repeating_a_used_figure_is_covered() -> None:
    values = {value for _, value in _uncovered("05_japan-f35a-20-more")}
    assert 20.0 not in values
    assert 1e8 in values  # the unit price nobody extracted


def test_summary_counts_statuses_in_contract_order() -> None:
    def check(status: str) -> Check:
        return Check.model_validate({"path": "p", "value": 1, "status": status})

    statuses = ["contradicted"] + ["exact"] * 9 + ["normalized"] * 2
    assert (
        summarize_checks([check(s) for s in statuses])
        == "12 checks: 9 exact, 2 normalized, 1 contradicted"
    )
    assert summarize_checks([check("fuzzy")]) == "1 check: 1 fuzzy"
    assert summarize_checks([]) == "0 checks"
