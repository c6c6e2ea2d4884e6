"""The numbers an evaluation produces, as models: `--json` and `-o` give exactly what is shown."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, computed_field


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


class Score(BaseModel):
    """Tuple counts and the micro-averaged precision, recall and F1 they give."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    restated: int = Field(
        default=0, description="Predicted tuples that only restate a matched gold tuple (ignored)."
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        """Share of predicted tuples that are in the gold; None when nothing was predicted."""
        return _ratio(self.true_positives, self.true_positives + self.false_positives)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        """Share of gold tuples that were predicted; None when the gold has none."""
        return _ratio(self.true_positives, self.true_positives + self.false_negatives)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall; None when both are undefined."""
        total = 2 * self.true_positives + self.false_positives + self.false_negatives
        return _ratio(2 * self.true_positives, total)

    def __add__(self, other: Score) -> Score:
        return Score(
            true_positives=self.true_positives + other.true_positives,
            false_positives=self.false_positives + other.false_positives,
            false_negatives=self.false_negatives + other.false_negatives,
            restated=self.restated + other.restated,
        )


class CheckAudit(BaseModel):
    """Output values the verifier fails when it re-checks them against the source, and how many
    of those the prediction itself had flagged with a failed Check (all of them, for ours)."""

    documents: int = 0
    values: int = 0
    failed: int = 0
    flagged: int = 0
    unflagged_paths: list[str] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def failed_share(self) -> float | None:
        """Share of checked output values that are unsupported or contradicted."""
        return _ratio(self.failed, self.values)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def unflagged(self) -> int:
        """Failed values the prediction did not flag: hallucinations a reader would trust."""
        return self.failed - self.flagged

    def __add__(self, other: CheckAudit) -> CheckAudit:
        return CheckAudit(
            documents=self.documents + other.documents,
            values=self.values + other.values,
            failed=self.failed + other.failed,
            flagged=self.flagged + other.flagged,
            unflagged_paths=self.unflagged_paths + other.unflagged_paths,
        )


class RoleScore(BaseModel):
    """Gold delegates a run names (matched by name), and how many of them it gives the gold's
    state and side (of those whose gold states one; a null counts as wrong)."""

    matched: int = 0
    with_country: int = 0
    country_right: int = 0
    with_side: int = 0
    side_right: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def country_share(self) -> float | None:
        """Share of matched delegates whose country is the gold's."""
        return _ratio(self.country_right, self.with_country)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def side_share(self) -> float | None:
        """Share of matched delegates whose side is the gold's."""
        return _ratio(self.side_right, self.with_side)

    def __add__(self, other: RoleScore) -> RoleScore:
        return RoleScore(
            **{name: getattr(self, name) + getattr(other, name) for name in RoleScore.model_fields}
        )


class DocumentResult(BaseModel):
    """How one gold document fared."""

    doc_id: str
    status: Literal["scored", "error", "missing"]
    error: str | None = None
    distractor: bool = Field(description="The gold has no facts.")
    false_facts: int = Field(default=0, description="Facts predicted for a distractor.")
    scores: dict[str, Score] = Field(default_factory=dict, description="By tuple label.")
    roles: RoleScore = Field(
        default_factory=RoleScore, description="Named gold delegates: state and side right."
    )
    checks: CheckAudit | None = None


class Distractors(BaseModel):
    """Facts predicted for articles that state none."""

    documents: int = 0
    documents_with_false_facts: int = 0
    false_facts: int = 0


class EvalReport(BaseModel):
    """A whole run scored against a gold folder."""

    gold: str
    predictions: str
    documents: list[DocumentResult]
    overall: Score
    by_kind: dict[str, Score]
    by_label: dict[str, Score]
    distractors: Distractors
    roles: RoleScore = Field(
        default_factory=RoleScore,
        description="Gold delegates matched by name, and how many have the gold's state and side.",
    )
    checks: CheckAudit
    errors: list[str] = Field(
        default_factory=list, description="doc_id: type: message of each error record."
    )
    missing: list[str] = Field(default_factory=list, description="Gold documents never predicted.")
    unknown: list[str] = Field(
        default_factory=list, description="Predicted doc_ids with no gold file (not scored)."
    )
