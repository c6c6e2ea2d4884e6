"""A run's plan: what its arguments name, each input read and named, and what an earlier run's
output already holds. The CLI plans a plain run and a Ray run alike."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Protocol

from extractor.errors import InputError
from extractor.runs.articles import find_articles
from extractor.runs.corpora import caller_doc_ids, check_corpus, is_corpus
from extractor.runs.jobs import RunInputs, load_jobs
from extractor.runs.resume import resume_keys
from extractor.schemas import Document

STDIN_ARGUMENT = "-"
"""The argument that reads one article from standard input."""


@dataclass(frozen=True, slots=True)
class RunSources:
    """What a run's arguments name: its files (articles and corpora), whether it reads stdin,
    and the doc_ids its corpora give (which no file stem takes)."""

    files: list[Path]
    stdin: bool = False
    reserved: frozenset[str] = frozenset()

    @property
    def articles(self) -> list[Path]:
        """The files read as one article each."""
        return [path for path in self.files if not is_corpus(path)]

    @property
    def corpora(self) -> list[Path]:
        """The files read as corpora of records."""
        return [path for path in self.files if is_corpus(path)]


def find_sources(arguments: Sequence[str]) -> RunSources:
    """The files, folders, glob patterns and `-` of a run's arguments.

    Raises `InputError` for a mistake in the command (a path that does not exist, `-` twice, a
    corpus that cannot be read at all, a doc_id two corpora give) and `ConfigurationError`
    for a corpus that needs an extra (Parquet without pyarrow).
    """
    named = [argument for argument in arguments if argument != STDIN_ARGUMENT]
    if len(arguments) - len(named) > 1:
        raise InputError("- (stdin) is given more than once")
    files = find_articles(named)
    sources = RunSources(files, stdin=len(named) < len(arguments))
    for corpus in sources.corpora:
        check_corpus(corpus)
    return replace(sources, reserved=frozenset(caller_doc_ids(sources.corpora)))


class RunOutput(Protocol):
    """What an earlier run left where this one writes (a JSONL file, a folder of shards)."""

    def recorded(self) -> Mapping[str, str | None]:
        """The resume key (doc_id to source sha256) of each record it holds."""

    def resume(self, wanted: Callable[[], Mapping[str, str | None]]) -> dict[str, Document]:
        """The Documents done for `wanted` (asked for only when there are records); every
        other record of a wanted doc_id is dropped, to be written again."""


@dataclass(frozen=True, slots=True)
class RunPlan:
    """A run ready to go: every item of its inputs, and the Documents an earlier run did."""

    inputs: RunInputs
    done: Mapping[str, Document] = field(default_factory=dict)

    @property
    def todo(self) -> RunInputs:
        """The items still to do: every input but those `done`."""
        return replace(self.inputs, done=self.done)


def plan_run(
    sources: RunSources,
    *,
    published: dt.date | None = None,
    resumed: RunOutput | None = None,
    stdin: BinaryIO | None = None,
) -> RunPlan:
    """Read and name the inputs of `sources` (`published` for those that give no date; `stdin`
    for `-`, standard input by default); `resumed`, the output of an earlier run, keeps its
    records' doc_ids and gives the Documents it has done (its other records of this run's
    doc_ids are dropped)."""
    stream = (stdin or sys.stdin.buffer) if sources.stdin else None
    loaded = load_jobs(
        sources.articles,
        stdin=stream,
        published=published,
        claimed=resumed.recorded() if resumed is not None else {},
        reserved=sources.reserved,
    )
    inputs = RunInputs(loaded, sources.corpora, published)
    done = resumed.resume(lambda: resume_keys(inputs)) if resumed is not None else {}
    return RunPlan(inputs, done)
