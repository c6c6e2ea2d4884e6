"""Reading a gold folder and a predictions JSONL, with errors that say which file and line."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from extractor.errors import ExtractorError
from extractor.schemas import Document

GOLD_SUFFIX = ".gold.json"


class EvaluationInputError(ExtractorError):
    """A gold folder or predictions file is missing or cannot be read as contract Documents."""


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One gold Document and the article it annotates (None when the .txt is absent)."""

    document: Document
    source: str | None


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """A document the run failed on: `{"doc_id", "error": {"type", "message"}}`."""

    doc_id: str
    type: str
    message: str


@dataclass(frozen=True, slots=True)
class Predictions:
    """Every record of a predictions file by doc_id (the last record of a doc_id wins)."""

    documents: dict[str, Document]
    errors: dict[str, ErrorRecord]


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "document"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {error['msg']}{more}"


def load_gold(folder: Path) -> dict[str, GoldDocument]:
    """Every `*.gold.json` of `folder` by doc_id (the file stem), with its `.txt` when present."""
    if not folder.is_dir():
        raise EvaluationInputError(f"gold folder {folder} does not exist or is not a folder")
    paths = sorted(folder.glob(f"*{GOLD_SUFFIX}"))
    if not paths:
        raise EvaluationInputError(f"no *{GOLD_SUFFIX} files in {folder}")
    gold: dict[str, GoldDocument] = {}
    for path in paths:
        doc_id = path.name.removesuffix(GOLD_SUFFIX)
        try:
            document = Document.model_validate_json(path.read_bytes())
        except ValidationError as exc:
            raise EvaluationInputError(
                f"{path} is not a contract Document: {_first_error(exc)}"
            ) from exc
        source_path = path.with_name(f"{doc_id}.txt")
        source = source_path.read_text(encoding="utf-8") if source_path.is_file() else None
        gold[doc_id] = GoldDocument(document.model_copy(update={"doc_id": doc_id}), source)
    return gold


def _error_record(record: dict[str, object], where: str) -> ErrorRecord:
    doc_id, error = record.get("doc_id"), record.get("error")
    if not isinstance(doc_id, str) or not isinstance(error, dict):
        raise EvaluationInputError(
            f'{where}: an error record needs "doc_id" and "error": {{"type", "message"}}'
        )
    return ErrorRecord(doc_id, str(error.get("type", "Error")), str(error.get("message", "")))


def load_predictions(path: Path) -> Predictions:
    """Read a run's JSONL: one contract Document or one error record per line."""
    if not path.is_file():
        raise EvaluationInputError(f"predictions file {path} does not exist")
    documents: dict[str, Document] = {}
    errors: dict[str, ErrorRecord] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationInputError(f"{where}: not JSON ({exc.msg})") from exc
            if not isinstance(record, dict):
                raise EvaluationInputError(f"{where}: expected a JSON object per line")
            if "error" in record:
                failure = _error_record(record, where)
                errors[failure.doc_id] = failure
                documents.pop(failure.doc_id, None)
                continue
            try:
                document = Document.model_validate(record)
            except ValidationError as exc:
                raise EvaluationInputError(
                    f"{where}: not a contract Document: {_first_error(exc)}"
                ) from exc
            documents[document.doc_id] = document
            errors.pop(document.doc_id, None)
    return Predictions(documents, errors)
