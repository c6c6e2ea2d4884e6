"""The deterministic verifier: every number, name, date and code of a Document checked against
the Arabic source it was extracted from. Pure and fast; no model, no I/O."""

from extractor.verify.document_checks import failed_checks, summarize_checks, verify_document
from extractor.verify.strict import drop_unsupported

__all__ = ["drop_unsupported", "failed_checks", "summarize_checks", "verify_document"]
