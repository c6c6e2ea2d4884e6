"""Scoring predicted Documents against gold Documents: tuple counts per document, summed into
micro-averaged scores per tuple label, per fact kind and overall."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from extractor.evaluate.alignment import align
from extractor.evaluate.audit import audit_checks
from extractor.evaluate.loading import GoldDocument, Predictions, load_gold, load_predictions
from extractor.evaluate.report import (
    CheckAudit,
    Distractors,
    DocumentResult,
    EvalReport,
    RoleScore,
    Score,
)
from extractor.evaluate.roles import score_roles
from extractor.evaluate.tuples import FACT_KINDS, FactTuple, document_tuples
from extractor.schemas import Document


def _labels(tuples: Iterable[FactTuple]) -> Counter[str]:
    return Counter(fact.label for fact in tuples)


def score_document(prediction: Document, gold: Document) -> dict[str, Score]:
    """Tuple counts by label for one document."""
    alignment = align(document_tuples(prediction), document_tuples(gold))
    paired = _labels(predicted for predicted, _ in alignment.pairs)
    false_positives = _labels(alignment.false_positives)
    false_negatives = _labels(alignment.false_negatives)
    restated = _labels(alignment.restated)
    return {
        label: Score(
            true_positives=paired[label],
            false_positives=false_positives[label],
            false_negatives=false_negatives[label],
            restated=restated[label],
        )
        for label in sorted(paired | false_positives | false_negatives | restated)
    }


def fact_count(document: Document) -> int:
    """How many facts (meetings, deals, embargoes) a Document states."""
    return len(document.meetings) + len(document.arms_deals) + len(document.embargoes)


def _document_result(doc_id: str, gold: GoldDocument, predictions: Predictions) -> DocumentResult:
    distractor = fact_count(gold.document) == 0
    prediction = predictions.documents.get(doc_id)
    if prediction is None:
        failure = predictions.errors.get(doc_id)
        empty = Document(doc_id=doc_id)
        return DocumentResult(
            doc_id=doc_id,
            status="missing" if failure is None else "error",
            error=None if failure is None else f"{failure.type}: {failure.message}",
            distractor=distractor,
            scores=score_document(empty, gold.document),
        )
    return DocumentResult(
        doc_id=doc_id,
        status="scored",
        distractor=distractor,
        false_facts=fact_count(prediction) if distractor else 0,
        scores=score_document(prediction, gold.document),
        roles=score_roles(prediction, gold.document),
        checks=None if gold.source is None else audit_checks(prediction, gold.source),
    )


def _sum_scores(results: Iterable[DocumentResult]) -> dict[str, Score]:
    totals: dict[str, Score] = defaultdict(Score)
    for result in results:
        for label, score in result.scores.items():
            totals[label] = totals[label] + score
    return dict(sorted(totals.items()))


def score_run(
    gold: Mapping[str, GoldDocument],
    predictions: Predictions,
    *,
    gold_name: str = "",
    predictions_name: str = "",
) -> EvalReport:
    """Score every gold document against its prediction (an error or a gap scores as no facts)."""
    results = [_document_result(doc_id, gold[doc_id], predictions) for doc_id in sorted(gold)]
    by_label = _sum_scores(results)
    by_kind = {
        kind: sum(
            (score for label, score in by_label.items() if label.startswith(f"{kind}.")), Score()
        )
        for kind in FACT_KINDS
    }
    distractors = [result for result in results if result.distractor]
    return EvalReport(
        gold=gold_name,
        predictions=predictions_name,
        documents=results,
        overall=sum(by_kind.values(), Score()),
        by_kind=by_kind,
        by_label=by_label,
        distractors=Distractors(
            documents=len(distractors),
            documents_with_false_facts=sum(1 for result in distractors if result.false_facts),
            false_facts=sum(result.false_facts for result in distractors),
        ),
        roles=sum((result.roles for result in results), RoleScore()),
        checks=sum((result.checks for result in results if result.checks), CheckAudit()),
        errors=[
            f"{doc_id}: {failure.type}: {failure.message}"
            for doc_id, failure in sorted(predictions.errors.items())
        ],
        missing=[result.doc_id for result in results if result.status == "missing"],
        unknown=sorted(set(predictions.documents) - set(gold)),
    )


def evaluate(gold_dir: Path, predictions_path: Path) -> EvalReport:
    """Score a run's JSONL against a folder of gold Documents (`extractor eval`)."""
    return score_run(
        load_gold(gold_dir),
        load_predictions(predictions_path),
        gold_name=str(gold_dir),
        predictions_name=str(predictions_path),
    )
