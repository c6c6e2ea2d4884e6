"""Scoring a run against gold Documents: tuple P/R/F1 per fact kind, false facts on
distractors, and hallucinated values the run did not flag."""

from extractor.evaluate.loading import EvaluationInputError, load_gold, load_predictions
from extractor.evaluate.matching import designations_match, names_match
from extractor.evaluate.report import CheckAudit, EvalReport, RoleScore, Score
from extractor.evaluate.roles import score_roles
from extractor.evaluate.scoring import evaluate, score_document, score_run
from extractor.evaluate.tuples import FactTuple, document_tuples

__all__ = [
    "CheckAudit",
    "EvalReport",
    "EvaluationInputError",
    "FactTuple",
    "RoleScore",
    "Score",
    "designations_match",
    "document_tuples",
    "evaluate",
    "load_gold",
    "load_predictions",
    "names_match",
    "score_document",
    "score_roles",
    "score_run",
]
