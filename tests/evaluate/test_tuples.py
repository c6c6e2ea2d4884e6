"""How much of one run's tuples another keeps."""

from __future__ import annotations

from extractor.evaluate.tuples import document_tuples, share_found
from extractor.schemas import Document
from tests.conftest import DEV_DIR


def test_a_run_keeps_what_it_states_again_and_loses_what_it_leaves_out() -> None:
    path = DEV_DIR / "02_bahrain-f16-block70-lockheed.gold.json"
    deal = Document.model_validate_json(path.read_text("utf-8")).arms_deals[0]
    wanted = document_tuples(Document(doc_id="bahrain", arms_deals=[deal]))
    without_value = Document(doc_id="bahrain", arms_deals=[deal.model_copy(update={"value": None})])
    assert [t.label for t in wanted] == [
        "arms_deals.parties",
        "arms_deals.item",
        "arms_deals.value",
    ]
    assert share_found(wanted, wanted) == 1.0
    assert share_found(wanted, document_tuples(without_value)) == 2 / 3
    assert share_found(wanted, []) == 0.0
    assert share_found([], wanted) == 1.0, "nothing wanted: nothing lost"
