"""The check audit: a hallucinated value the run left unflagged is counted; a flagged one is not."""

from __future__ import annotations

from extractor.evaluate.audit import audit_checks
from extractor.evaluate.loading import load_gold
from extractor.verify import verify_document
from tests.conftest import DEV_DIR

SEED_ID = "00_seed-pakistan-libya"


def test_gold_has_no_failed_values() -> None:
    entry = load_gold(DEV_DIR)[SEED_ID]
    assert entry.source is not None
    audit = audit_checks(entry.document, entry.source)
    assert audit.values > 20
    assert audit.failed == 0


def test_unflagged_wrong_quantity_is_counted_and_a_verified_one_is_flagged() -> None:
    entry = load_gold(DEV_DIR)[SEED_ID]
    assert entry.source is not None
    wrong = entry.document.model_copy(deep=True)
    wrong.arms_deals[0].items[0].quantity = 18
    wrong.arms_deals[0].items[0].quantity_text = "18"
    bare = audit_checks(wrong, entry.source)
    assert bare.failed >= 1
    assert bare.flagged == 0
    assert f"{SEED_ID}:arms_deals[0].items[0].quantity" in bare.unflagged_paths
    verified = audit_checks(verify_document(wrong, entry.source), entry.source)
    assert verified.failed == bare.failed
    assert verified.unflagged == 0
