"""The contract models: gold files round-trip, bad values are refused with the field named."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from extractor.schemas import ArmsDeal, ArmsItem, Document, Embargo, Meeting, Money
from extractor.schemas.response import MAX_DEALS, DealsAnswer
from tests.conftest import dev_pairs

GOLDS = [gold for _, gold in dev_pairs()]


@pytest.mark.parametrize("gold", GOLDS, ids=[g.stem for g in GOLDS])
def test_every_gold_file_validates_and_round_trips(gold: Path) -> None:
    raw = json.loads(gold.read_text(encoding="utf-8"))
    document = Document.model_validate(raw)
    again = Document.model_validate_json(document.model_dump_json())
    assert again == document
    assert document.doc_id == gold.name.removesuffix(".gold.json")


def test_invalid_iso_code_is_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError) as info:
        ArmsDeal(buyer="QTR", seller="USA", buyer_text="قطر")
    assert "buyer" in str(info.value)
    assert "QTR" in str(info.value)


def test_lowercase_or_two_letter_codes_are_refused() -> None:
    with pytest.raises(ValidationError, match="host_country"):
        Meeting(host_country="sa")


def test_unknown_enum_value_is_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError) as info:
        ArmsDeal(status="finished")
    assert "status" in str(info.value)
    with pytest.raises(ValidationError, match="category"):
        ArmsItem(designation="إف-16", category="jet")


@pytest.mark.parametrize("bad", ["2011-13", "2011-02-30", "11-02", "فبراير 2011", "2011/02"])
def test_malformed_date_is_refused_naming_the_field(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        Embargo(target_text="ليبيا", start=bad)
    assert "start" in str(info.value)


@pytest.mark.parametrize("good", ["2011", "2011-02", "2011-02-15"])
def test_partial_dates_are_accepted(good: str) -> None:
    assert Embargo(target_text="ليبيا", start=good).start == good


def test_currency_must_be_iso_4217() -> None:
    assert Money(text="1,8 مليار يورو", amount=1.8e9, currency="EUR").currency == "EUR"
    with pytest.raises(ValidationError, match="currency"):
        Money(text="مليار دولار", amount=1e9, currency="DOL")


def test_resolution_numbers_are_digits() -> None:
    with pytest.raises(ValidationError, match="resolutions"):
        Embargo(target_text="ليبيا", resolutions=["القرار 1970"])


def test_the_answer_models_are_bounded_so_a_small_model_cannot_loop() -> None:
    deal = DealsAnswer.model_json_schema()["$defs"]["DealAnswer"]["properties"]
    assert deal["items"]["maxItems"] == 6
    assert DealsAnswer.model_json_schema()["properties"]["arms_deals"]["maxItems"] == MAX_DEALS
    assert MAX_DEALS == 6, "an article may report several deals (issue 13)"


def test_the_contract_has_no_caps_a_real_article_exceeds() -> None:
    facts = Document.model_json_schema()["$defs"]
    for name in ("Delegate", "Meeting", "ArmsItem", "ArmsDeal", "Embargo"):
        assert "maxItems" not in json.dumps(facts[name]), name
    meeting = Meeting(
        participants=[{"name": f"مشارك {n}"} for n in range(17)],
        topics=[f"موضوع {n}" for n in range(9)],
        evidence=[f"جملة {n}." for n in range(8)],
    )
    assert (len(meeting.participants), len(meeting.topics)) == (17, 9)
    embargo = Embargo(target_text="إيران", resolutions=[str(1696 + n) for n in range(13)])
    assert (
        "[0-9]"
        in Document.model_json_schema()["$defs"]["Embargo"]["properties"]["resolutions"]["items"][
            "pattern"
        ]
    )
    assert len(embargo.resolutions) == 13


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(ValidationError, match="buyer_name"):
        ArmsDeal.model_validate({"buyer_name": "ليبيا"})


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extractor", *args], capture_output=True, text=True, check=False
    )


def test_schema_command_prints_every_contract_model() -> None:
    result = run_cli("schema")
    assert result.returncode == 0, result.stderr
    defs = json.loads(result.stdout)["$defs"]
    for name in ("Meeting", "Delegate", "ArmsDeal", "ArmsItem", "Money", "Embargo", "Check"):
        assert name in defs


def test_schema_command_prints_one_model_and_refuses_unknown_names() -> None:
    result = run_cli("schema", "--type", "Money")
    assert json.loads(result.stdout)["title"] == "Money"
    result = run_cli("schema", "--type", "Nope")
    assert result.returncode == 2
    assert "Nope" in result.stderr


def test_a_word_for_null_in_an_answer_is_null() -> None:
    deal = DealsAnswer.model_validate(
        {
            "arms_deals": [
                {
                    "buyer_text": "null",
                    "buyer": None,
                    "seller_text": "باكستان",
                    "seller": "PAK",
                    "items": [
                        {"designation": "null", "category": "other", "quantity_text": "None"}
                    ],
                    "value_text": "غير معروف",
                    "status": "unknown",
                    "date_text": " null ",
                    "duration_text": None,
                }
            ]
        }
    ).arms_deals[0]
    assert (deal.buyer_text, deal.value_text, deal.date_text) == (None, None, None)
    assert deal.seller_text == "باكستان"
    assert deal.items[0].quantity_text is None
    assert deal.items[0].designation == "null", "a required text stays, for the verifier to flag"
