"""The items of one run: articles read up front (files, stdin) and corpora streamed record by
record, so that a run over a corpus of millions of lines never holds it whole."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from extractor.corpus import BadRecord, count_records, read_corpus
from extractor.inputs import Article
from extractor.pipeline.batch import Job, Refused, job_from, still_to_do
from extractor.schemas import Document


def job_of(entry: Article | BadRecord) -> Job | Refused:
    """The batch item of a corpus record: a Job to extract, or a Refused to record."""
    if isinstance(entry, BadRecord):
        return Refused(entry.doc_id, entry.error)
    return job_from(entry)


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
