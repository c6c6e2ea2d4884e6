"""Read a run's JSONL results and find each document's source text for the review page."""

from __future__ import annotations

import json
from pathlib import Path

import regex
from pydantic import ValidationError

from extractor.errors import InputError
from extractor.report.html import ReportEntry
from extractor.runs.articles import read_article
from extractor.schemas import Document


def load_entries(results: Path, sources: Path | None) -> list[ReportEntry]:
    """One entry per JSONL record; unreadable lines (e.g. a killed run's last one) are skipped."""
    entries: list[ReportEntry] = []
    with results.open(encoding="utf-8") as handle:
        for line in handle:
            entry = _entry(line, sources)
            if entry is not None:
                entries.append(entry)
    return entries


def _entry(line: str, sources: Path | None) -> ReportEntry | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("doc_id"), str):
        return None
    doc_id: str = record["doc_id"]
    if isinstance(error := record.get("error"), dict):
        return ReportEntry(doc_id, error=f"{error.get('type')}: {error.get('message')}")
    try:
        document = Document.model_validate(record)
    except ValidationError as exc:
        return ReportEntry(doc_id, error=f"not a Document: {exc.error_count()} validation errors")
    source, note = _source(document, sources)
    return ReportEntry(doc_id, document, source, note=note)


def _source(document: Document, sources: Path | None) -> tuple[str | None, str | None]:
    """The article text and a note when it is missing or differs from what was extracted."""
    if sources is None:
        return None, "no --sources folder given: the article cannot be shown"
    path = find_source(sources, document.doc_id, document.provenance.source_sha256)
    if path is None:
        return None, f"{document.doc_id}.txt not found under {sources}"
    try:
        article = read_article(path)
    except InputError as exc:
        return None, str(exc)
    expected = document.provenance.source_sha256
    if expected is not None and expected != article.sha256:
        return None, f"{path} changed since it was extracted (sha256 differs): not highlighted"
    return article.text, None


def find_source(sources: Path, doc_id: str, sha256: str | None = None) -> Path | None:
    """`SOURCES/DOC_ID.txt`, else the one `STEM.txt` below SOURCES (a doc_id made unique as
    `STEM-XXXXXXXX` names its stem), else the one of them whose text has the Document's sha256.
    Only files inside SOURCES count: a doc_id of `../x` or `/etc/x`, or a link out of the folder,
    never embeds a file from elsewhere in the page."""
    direct = sources / f"{doc_id}.txt"
    if _inside(sources, direct):
        return direct
    names = {f"{Path(doc_id).name}.txt", f"{_stem(Path(doc_id).name)}.txt"}
    matches = [path for name in names for path in sources.rglob(name) if _inside(sources, path)]
    if len(matches) <= 1 or sha256 is None:
        return matches[0] if len(matches) == 1 else None
    return next((path for path in matches if _sha256_of(path) == sha256), None)


def _inside(sources: Path, path: Path) -> bool:
    """True when `path`, its links and `..` resolved, is a file inside the SOURCES folder."""
    resolved = path.resolve()
    return resolved.is_file() and resolved.is_relative_to(sources.resolve())


_UNIQUE_SUFFIX = regex.compile(r"-[0-9a-f]{8}(?:-\d+)?$")


def _stem(doc_id: str) -> str:
    """The file stem of a doc_id made unique by extractor.runs.doc_ids."""
    stem: str = _UNIQUE_SUFFIX.sub("", doc_id)
    return stem


def _sha256_of(path: Path) -> str | None:
    try:
        return read_article(path).sha256
    except InputError:
        return None
