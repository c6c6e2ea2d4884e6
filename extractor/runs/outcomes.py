"""What became of each document of a run, as the record written for it, and the run's totals."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from extractor.schemas import FACT_KINDS, FAILED_STATUSES, Document


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one document: its Document, or the error recorded in its place."""

    doc_id: str
    document: Document | None = None
    error_type: str | None = None
    error_message: str | None = None

    def record(self) -> str:
        """The JSONL line (without its newline) that stands for this outcome."""
        if self.document is not None:
            return self.document.model_dump_json()
        error = {"type": self.error_type, "message": self.error_message}
        record = {"doc_id": self.doc_id, "error": error}
        return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@dataclass(slots=True)
class BatchStats:
    """Running totals for progress and the end-of-run summary."""

    done: int = 0
    incomplete: int = 0
    """Documents done with some asked fact kind unanswered (counted in `done` too)."""
    failed: int = 0
    skipped: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    checks: Counter[str] = field(default_factory=Counter)

    @property
    def flagged(self) -> int:
        """Values the verifier found unsupported or contradicted."""
        return sum(self.checks[status] for status in FAILED_STATUSES)

    @property
    def fact_count(self) -> int:
        """Facts of every kind found so far."""
        return sum(self.facts.values())

    def add(self, outcome: Outcome) -> None:
        """Count one finished document."""
        if outcome.document is None:
            self.failed += 1
            return
        self.done += 1
        document = outcome.document
        self.incomplete += bool(document.provenance.kinds_failed)
        self.facts.update({kind: len(getattr(document, kind)) for kind in FACT_KINDS})
        self.checks.update(check.status for check in document.checks)
