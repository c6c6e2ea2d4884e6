"""Check paths read and written in one place: every path the verifier writes reads back as the
same steps, and writes out as the same text."""

from __future__ import annotations

from extractor.verify.paths import CheckPath, Step
from extractor.verify.walk import leaves
from tests.verify.corpus import SEED_ID, article, gold_raw, verify_raw


def test_a_path_reads_as_its_steps_and_writes_back_unchanged() -> None:
    path = CheckPath.parse("arms_deals[0].items[1].quantity_text")
    assert path.steps == (Step("arms_deals", 0), Step("items", 1), Step("quantity_text"))
    assert (path.kind, path.field) == ("arms_deals", "quantity_text")
    assert path == CheckPath.fact("arms_deals", 0).then("items", 1).then("quantity_text")
    assert str(path) == "arms_deals[0].items[1].quantity_text"


def test_every_path_of_a_verified_seed_document_round_trips() -> None:
    verified = verify_raw(gold_raw(SEED_ID), article(SEED_ID))
    paths = [check.path for check in verified.checks] + [leaf.path for leaf in leaves(verified)]
    assert "meetings[0].participants[1].titles[0]" in paths
    assert all(str(CheckPath.parse(path)) == path for path in paths)
