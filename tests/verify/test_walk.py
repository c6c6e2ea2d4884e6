"""The leaves of a Document: one per checkable value, named by the contract's paths."""

from __future__ import annotations

from extractor.schemas import ArmsDeal, ArmsItem, Delegate, Document, Embargo, Meeting, Money
from extractor.verify.walk import leaves


def test_paths_follow_the_contract_and_skip_enums_nulls_and_empty_lists() -> None:
    document = Document(
        doc_id="d",
        meetings=[
            Meeting(
                participants=[
                    Delegate(
                        name="إسحاق دار", titles=["نائب رئيس الوزراء", "وزير الخارجية"], side="host"
                    )
                ],
                guest_countries=["LBY"],
            )
        ],
        arms_deals=[
            ArmsDeal(
                items=[
                    ArmsItem(designation="JF-17 Thunder", category="fighter_aircraft"),
                    ArmsItem(designation="Super Mushak", quantity=12, quantity_text="12"),
                ],
                value=Money(text="بمليارات الدولارات", min_amount=2e9, currency="USD"),
                status="signed",
            )
        ],
        embargoes=[Embargo(target_text="ليبيا", resolutions=["1970", "1973"], kind="arms")],
    )
    assert [leaf.path for leaf in leaves(document)] == [
        "meetings[0].participants[0].name",
        "meetings[0].participants[0].titles[0]",
        "meetings[0].participants[0].titles[1]",
        "meetings[0].guest_countries[0]",
        "arms_deals[0].items[0].designation",
        "arms_deals[0].items[1].designation",
        "arms_deals[0].items[1].quantity",
        "arms_deals[0].items[1].quantity_text",
        "arms_deals[0].value.text",
        "arms_deals[0].value.min_amount",
        "arms_deals[0].value.currency",
        "embargoes[0].target_text",
        "embargoes[0].resolutions[0]",
        "embargoes[0].resolutions[1]",
    ]


def test_a_leaf_knows_its_model_and_its_fact() -> None:
    item = ArmsItem(designation="إف-16", quantity=24, quantity_text="٢٤")
    deal = ArmsDeal(items=[item], value=Money(text="1,8 مليار يورو", amount=1.8e9))
    labels = {
        leaf.path: (leaf.label, leaf.holder, leaf.fact)
        for leaf in leaves(Document(doc_id="d", arms_deals=[deal]))
    }
    assert labels["arms_deals[0].items[0].quantity"] == ("quantity", item, deal)
    assert labels["arms_deals[0].value.amount"][0] == "value.amount"
