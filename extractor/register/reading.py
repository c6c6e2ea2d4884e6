"""Reading extraction results (`extractor run` JSONL) for the register: Documents, error
records counted and skipped, unreadable lines reported with their place."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from extractor.register.store import RegisterError
from extractor.schemas import Document


@dataclass(slots=True)
class Results:
    """What a set of result files held."""

    documents: list[Document] = field(default_factory=list)
    error_records: int = 0
    unreadable: list[str] = field(default_factory=list)


def _problem(exc: ValidationError | ValueError) -> str:
    if isinstance(exc, ValidationError):
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or "document"
        return f"not a contract Document ({where}: {error['msg']})"
    return f"not JSON ({exc})"


def read_results(paths: Sequence[Path], *, on_line: Callable[[], None] | None = None) -> Results:
    """Every Document of the files; `{"doc_id", "error"}` records are counted, other lines that
    are not Documents are listed as `FILE:LINE: why`. A missing file is a RegisterError."""
    results = Results()
    for path in paths:
        try:
            lines = path.read_bytes().splitlines()
        except OSError as exc:
            raise RegisterError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
        for number, line in enumerate(lines, 1):
            if on_line is not None:
                on_line()
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if isinstance(record, dict) and "error" in record and "doc_id" in record:
                    results.error_records += 1
                    continue
                results.documents.append(Document.model_validate(record))
            except (ValidationError, ValueError) as exc:
                results.unreadable.append(f"{path}:{number}: {_problem(exc)}")
    return results


def count_lines(paths: Sequence[Path]) -> int:
    """Lines in the files (for a progress bar); unreadable files count 0 here and fail later."""
    total = 0
    for path in paths:
        try:
            with path.open("rb") as handle:
                total += sum(1 for _ in handle)
        except OSError:
            continue
    return total
