"""Every dev gold file verifies cleanly: each value is found, each span points at it, and no
record draws a finding (docs/contract.md, rule 3); every item's category is named by its weapon
words."""

from __future__ import annotations

import pytest

from extractor.pipeline.measures import measures_from_text
from extractor.pipeline.occasion_split import occasions_from_text
from extractor.pipeline.reversals import turned_back
from extractor.verify import failed_checks, verify_document
from extractor.verify.source import prepare
from extractor.verify.walk import leaves
from tests.verify.corpus import PAIRS, SEED_ID, article, gold

DOC_IDS = sorted(PAIRS)


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_gold_has_no_failed_check(doc_id: str) -> None:
    verified = verify_document(gold(doc_id), article(doc_id))
    assert [(c.path, c.message) for c in failed_checks(verified)] == []


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_one_check_per_leaf_with_spans_into_the_original(doc_id: str) -> None:
    document = gold(doc_id)
    text = article(doc_id)
    verified = verify_document(document, text)
    paths = [leaf.path for leaf in leaves(document)]
    assert [c.path for c in verified.checks[: len(paths)]] == paths
    items = [
        f"arms_deals[{d}].items[{i}].category"
        for d, deal in enumerate(document.arms_deals)
        for i in range(len(deal.items))
    ]
    assert [c.path for c in verified.checks[len(paths) :]] == items  # and no finding
    for check in verified.checks:
        assert check.span is not None, check.path
        assert check.found == text[check.span[0] : check.span[1]]
        assert check.found, check.path


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_verification_leaves_the_facts_alone(doc_id: str) -> None:
    document = gold(doc_id)
    verified = verify_document(document, article(doc_id))
    assert verified.model_copy(update={"checks": [], "provenance": document.provenance}) == document
    assert verified.provenance.source_length == len(article(doc_id))


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_an_article_prepared_for_the_text_rules_verifies_as_a_fresh_one(doc_id: str) -> None:
    document, text = gold(doc_id), article(doc_id)
    prepared = prepare(text, document.published)
    document, _ = turned_back(document, prepared)
    document, _ = occasions_from_text(document, prepared)
    document, _ = measures_from_text(document, prepared)
    assert verify_document(document, text, prepared) == verify_document(document, text)


def test_a_source_prepared_from_another_article_is_refused() -> None:
    document = gold(SEED_ID)
    other = prepare("استقبل وزير الدفاع الكويتي نظيره الأردني في مقر الوزارة.", document.published)
    with pytest.raises(ValueError, match="another article"):
        verify_document(document, article(SEED_ID), other)
