"""The items of one run: articles read up front (files, stdin) and corpora streamed record by
record, so that a run over a corpus of millions of lines never holds it whole."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import BinaryIO

from extractor.errors import InputError
from extractor.runs.articles import STDIN_DOC_ID, Article, read_article, read_stdin_article
from extractor.runs.corpora import BadRecord, count_records, read_corpus
from extractor.runs.doc_ids import Named, unique_doc_ids
from extractor.schemas import Document, Source


@dataclass(frozen=True, slots=True)
class Job:
    """One document to extract: its id, text, source fingerprint, publication date and outlet."""

    doc_id: str
    text: str
    sha256: str
    published: dt.date | None = None
    warnings: tuple[str, ...] = ()
    """What reading the input had to repair (bytes that were not UTF-8), for its provenance."""
    source: Source | None = None
    """Where the article came from (its sidecar's outlet and url), for the Document's `source`."""


@dataclass(frozen=True, slots=True)
class Refused:
    """An input that could not be read as an article; it is recorded as an error, not extracted."""

    doc_id: str
    error: InputError


def load_jobs(
    paths: Sequence[Path],
    *,
    stdin: BinaryIO | None = None,
    published: dt.date | None = None,
    claimed: Mapping[str, str | None] | None = None,
    reserved: Collection[str] = frozenset(),
) -> list[Job | Refused]:
    """Read every article up front (they are small): a Job each, or a Refused to record.

    doc_ids follow extractor.runs.doc_ids; `claimed` (doc_id to source sha256 of the
    records an output already holds, on `--resume`) keeps earlier records' ids, and no file
    takes a doc_id in `reserved` (those the run's corpora give).
    """
    reads = [
        (path.stem, str(path), partial(read_article, path, published=published)) for path in paths
    ]
    if stdin is not None:
        reads.append((STDIN_DOC_ID, "-", partial(read_stdin_article, stdin, published=published)))
    loaded = [_job(stem, given, read) for stem, given, read in reads]
    names = [
        Named(stem, _fingerprint(item, given))
        for (stem, given, _), item in zip(reads, loaded, strict=True)
    ]
    doc_ids = unique_doc_ids(names, claimed or {}, reserved)
    return [replace(item, doc_id=doc_id) for item, doc_id in zip(loaded, doc_ids, strict=True)]


def _job(stem: str, given: str, read: Callable[[], Article]) -> Job | Refused:
    try:
        article = read()
    except InputError as exc:
        return Refused(stem, exc)
    return job_from(article, stem)


def job_from(article: Article, doc_id: str | None = None) -> Job:
    """The Job of a read article (under `doc_id`, else its own), its outlet and url as the
    Document's source."""
    source = (
        Source(outlet=article.outlet, url=article.url) if article.outlet or article.url else None
    )
    return Job(
        doc_id or article.doc_id,
        article.text,
        article.sha256,
        article.published,
        article.warnings,
        source,
    )


def _fingerprint(item: Job | Refused, given: str) -> str:
    """The text's sha256, or for an input that could not be read, that of its path as given."""
    if isinstance(item, Job):
        return item.sha256
    return hashlib.sha256(given.encode("utf-8", "surrogateescape")).hexdigest()


def job_of(entry: Article | BadRecord) -> Job | Refused:
    """The batch item of a corpus record: a Job to extract, or a Refused to record."""
    if isinstance(entry, BadRecord):
        return Refused(entry.doc_id, entry.error)
    return job_from(entry)


def still_to_do(
    items: Iterable[Job | Refused], done: Mapping[str, Document]
) -> Iterator[Job | Refused]:
    """The items a resumed run must still do (`done` as `prepare_resume` returns it), lazily."""
    return (item for item in items if isinstance(item, Refused) or item.doc_id not in done)


@dataclass(frozen=True, slots=True)
class RunInputs:
    """Every item of a run, in order, minus the Documents `done` already (read afresh on each
    iteration: corpora are streamed again rather than kept)."""

    loaded: list[Job | Refused]
    corpora: list[Path] = field(default_factory=list)
    published: dt.date | None = None
    done: Mapping[str, Document] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Job | Refused]:
        return still_to_do(self._all(), self.done)

    def _all(self) -> Iterator[Job | Refused]:
        yield from self.loaded
        for corpus in self.corpora:
            for entry in read_corpus(corpus, published=self.published):
                yield job_of(entry)

    def count(self) -> int:
        """How many items an iteration yields, without reading the corpora's texts."""
        return len(self.loaded) + sum(map(count_records, self.corpora)) - len(self.done)
