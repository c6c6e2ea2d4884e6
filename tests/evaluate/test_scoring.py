"""Scoring real dev-set Documents: perfect against itself, and each kind of mistake costs
exactly the tuples it should."""

from __future__ import annotations

import pytest

from extractor.evaluate import Score, document_tuples, score_document, score_run
from extractor.evaluate.loading import Predictions, load_gold
from extractor.schemas import ArmsDeal, ArmsItem, Document
from tests.conftest import DEV_DIR

SEED_ID = "00_seed-pakistan-libya"


@pytest.fixture(scope="module")
def gold() -> dict[str, Document]:
    return {doc_id: entry.document for doc_id, entry in load_gold(DEV_DIR).items()}


def _total(scores: dict[str, Score]) -> Score:
    return sum(scores.values(), Score())


def _edited(document: Document, path: str, value: object) -> Document:
    """A deep copy of `document` with one field (dotted path, [i] indices) set to `value`."""
    copy = document.model_copy(deep=True)
    *parents, leaf = path.replace("[", ".").replace("]", "").split(".")
    target: object = copy
    for part in parents:
        if part.isdigit():
            assert isinstance(target, list)
            target = target[int(part)]
        else:
            target = getattr(target, part)
    setattr(target, leaf, value)
    return copy


def test_gold_against_itself_is_perfect(gold: dict[str, Document]) -> None:
    for doc_id, document in gold.items():
        total = _total(score_document(document, document))
        assert (total.false_positives, total.false_negatives) == (0, 0), doc_id
    report = score_run(load_gold(DEV_DIR), Predictions(documents=dict(gold), errors={}))
    assert report.overall.true_positives > 50
    for score in (report.overall, *report.by_kind.values()):
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert report.distractors.false_facts == 0


def test_missing_item_loses_exactly_that_tuple(gold: dict[str, Document]) -> None:
    seed = gold[SEED_ID]
    deal = seed.arms_deals[0]
    without = _edited(seed, "arms_deals[0].items", deal.items[:1])
    scores = score_document(without, seed)
    assert scores["arms_deals.item"] == Score(true_positives=1, false_negatives=1)
    total = _total(scores)
    assert total.false_negatives == 1
    assert total.false_positives == 0


def test_each_distinct_tuple_counts_once(gold: dict[str, Document]) -> None:
    seed = gold[SEED_ID]
    doubled = seed.model_copy(update={"arms_deals": seed.arms_deals * 2})
    assert _total(score_document(doubled, seed)) == _total(score_document(seed, seed))
    iran = gold["17_unsc-iran-resolutions-lifting"]
    resolutions = [t for t in document_tuples(iran) if t.label == "embargoes.resolution"]
    assert len(resolutions) == 7  # three embargoes list the same seven resolutions


@pytest.mark.parametrize(
    ("path", "variant"),
    [
        ("meetings[0].participants[2].name", "وخليفة أبو القاسم حفتر"),  # clitic
        ("meetings[0].participants[0].name", "شَهْبَاز شَرِيف"),  # diacritics
        ("arms_deals[0].items[0].designation", "jf17 thunder"),
        ("meetings[3].location_text", "بمقر القوات الجوية بإسلام آباد"),
    ],
)
def test_surface_variants_still_match(gold: dict[str, Document], path: str, variant: str) -> None:
    seed = gold[SEED_ID]
    total = _total(score_document(_edited(seed, path, variant), seed))
    assert (total.false_positives, total.false_negatives) == (0, 0)


def test_digit_script_variants_still_match(gold: dict[str, Document]) -> None:
    bahrain = gold["02_bahrain-f16-block70-lockheed"]
    variant = _edited(bahrain, "arms_deals[0].items[0].designation", "إف ١٦ بلوك ٧٠")
    total = _total(score_document(variant, bahrain))
    assert (total.false_positives, total.false_negatives) == (0, 0)


def test_wrong_quantity_does_not_match(gold: dict[str, Document]) -> None:
    seed = gold[SEED_ID]
    wrong = _edited(seed, "arms_deals[0].items[0].quantity", 18)
    assert score_document(wrong, seed)["arms_deals.item"] == Score(
        true_positives=1, false_positives=1, false_negatives=1
    )


def test_amounts_compare_at_two_significant_digits(gold: dict[str, Document]) -> None:
    bahrain = gold["02_bahrain-f16-block70-lockheed"]
    close = _edited(bahrain, "arms_deals[0].value.amount", 1.1e9)
    assert score_document(close, bahrain)["arms_deals.value"].true_positives == 1
    scaled = _edited(bahrain, "arms_deals[0].value.amount", 1.12e10)
    assert score_document(scaled, bahrain)["arms_deals.value"].false_positives == 1


def test_title_alone_is_not_a_participant(gold: dict[str, Document]) -> None:
    visit = gold["22_mbz-moscow-visit-delegation"]
    titled = _edited(visit, "meetings[0].participants[0].name", "الشيخ")
    assert score_document(titled, visit)["meetings.participant"].false_negatives == 1


def test_distractor_prediction_counts_as_false_facts(gold: dict[str, Document]) -> None:
    distractor_id = "36_distractor-saudia-boeing-777"
    boeing = ArmsDeal(
        buyer="SAU",
        buyer_text="الخطوط السعودية",
        items=[ArmsItem(designation="B777-300ER", quantity=20, quantity_text="(20)")],
        status="agreed",
    )
    predictions = dict(gold)
    predictions[distractor_id] = Document(doc_id=distractor_id, arms_deals=[boeing])
    report = score_run(load_gold(DEV_DIR), Predictions(documents=predictions, errors={}))
    assert report.distractors.documents == 2
    assert report.distractors.false_facts == 1
    assert report.distractors.documents_with_false_facts == 1
    assert report.by_kind["arms_deals"].false_positives == 2  # parties and item
    assert report.by_kind["arms_deals"].false_negatives == 0


def test_source_text_is_loaded_next_to_the_gold() -> None:
    entry = load_gold(DEV_DIR)[SEED_ID]
    assert entry.source is not None
    assert "JF-17 Thunder" in entry.source
