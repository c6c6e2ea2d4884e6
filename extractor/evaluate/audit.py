"""Re-verifying a prediction against its source to count hallucinated values and whether the
prediction flagged them itself."""

from __future__ import annotations

from extractor.evaluate.report import CheckAudit
from extractor.schemas import Document
from extractor.verify import verify_document


def audit_checks(prediction: Document, source: str) -> CheckAudit:
    """Which output values fail verification, and which of those carry a failed Check already.

    The prediction's own checks are ignored while re-verifying, so a tool that writes no checks
    (or wrong ones) is judged on its values alone.
    """
    truth = verify_document(prediction.model_copy(update={"checks": []}), source)
    failed = {check.path for check in truth.checks if check.failed}
    flagged = {check.path for check in prediction.checks if check.failed} & failed
    return CheckAudit(
        documents=1,
        values=len(truth.checks),
        failed=len(failed),
        flagged=len(flagged),
        unflagged_paths=[f"{prediction.doc_id}:{path}" for path in sorted(failed - flagged)],
    )
