"""`extract_dataset`: a Ray Dataset of articles in, a Dataset of `extractor run` records out.

Ray's own pattern: `map_batches` with a callable class on a fixed pool of actors. Each actor
holds one `Extractor` for its lifetime (an embedded llama.cpp server on the actor's CPUs, or a
client of an OpenAI-compatible endpoint such as vLLM) and extracts each batch exactly as a plain
run does (`extract_many`: the same retries, error records and concurrency), so a failed document
is an error record, never a failed job. An actor that only waits on an endpoint asks Ray for a
fraction of a CPU.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from extractor.api import Extractor
from extractor.deadlines import DEFAULT_CONCURRENCY
from extractor.errors import ConfigurationError, InputError
from extractor.llm.backends import choose_backend
from extractor.llm.embedded import THREADS_VARIABLE, default_slots
from extractor.runs.corpora import COLUMNS, article_from_record
from extractor.runs.jobs import Job, Refused, job_of
from extractor.runs.outcomes import Outcome
from extractor.runs.pool import extract_many
from extractor.runs.resume import resume_keys
from extractor.settings import Settings, chosen_settings

if TYPE_CHECKING:
    import pyarrow
    import ray.data

RAY_EXTRA_HINT = 'Ray is not installed: pip install "arabic-fact-extractor[ray]"'

ENDPOINT_ACTOR_CPUS = 0.25
"""CPUs an actor asks for when its Extractor only waits on a remote endpoint."""

FORWARDED_VARIABLES = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "EXTRACTOR_THREADS")
"""Environment the actors take from the driver (a cluster's workers do not share its shell).
It travels as an actor constructor argument, never as a `runtime_env`, whose `env_vars` Ray
writes in plain text to its session logs (the API key among them)."""

OUTPUT_COLUMNS = ("doc_id", "sha256", "record")
"""The rows `extract_dataset` yields: the doc_id, the source sha256 ("" for a refused record)
and the JSONL line `extractor run` writes for it."""


def extract_dataset(
    dataset: ray.data.Dataset,
    *,
    workers: int = 1,
    num_cpus: float | None = None,
    batch_size: int = 1,
    settings: Settings | None = None,
    **options: Any,
) -> ray.data.Dataset:
    """Extract every row `{doc_id, text, published?, outlet?, url?}` of `dataset` on `workers`
    actors, each holding an Extractor of `settings` (or of the keyword settings `options`,
    checked here, before any actor starts); the result has the `OUTPUT_COLUMNS`.

    `num_cpus` per actor defaults to 1 for the embedded model (its llama.cpp threads) and to
    `ENDPOINT_ACTOR_CPUS` for an endpoint. Each actor takes as many concurrent calls as its
    Extractor has documents in flight (`concurrency`, else the backend's default); a call
    extracts one batch of `batch_size` rows (default 1, so that a slot never waits for the
    slowest document of a batch). Ray hands an actor one block per call: a dataset of many
    small blocks (`override_num_blocks`) keeps every slot busy.
    """
    import ray.data

    settings = chosen_settings(settings, options)
    chosen = settings.backend
    endpoint = choose_backend(chosen.backend, chosen.base_url) == "openai"
    cpus = num_cpus if num_cpus is not None else ENDPOINT_ACTOR_CPUS if endpoint else 1.0
    threads = None if endpoint else max(1, int(cpus))
    in_flight = chosen.concurrency or (
        DEFAULT_CONCURRENCY if endpoint else default_slots(threads or 1)
    )
    environment = {name: os.environ[name] for name in FORWARDED_VARIABLES if name in os.environ}
    return dataset.map_batches(
        ExtractBatch,
        fn_constructor_kwargs={
            "settings": settings,
            "threads": threads,
            "environment": environment,
        },
        batch_size=batch_size,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(
            size=workers,
            max_concurrent_calls_per_actor=in_flight,
            max_tasks_in_flight_per_actor=2 * in_flight,
            enable_true_multi_threading=True,
        ),
        num_cpus=cpus,
    )


class ExtractBatch:
    """A Ray Data actor: one Extractor for its lifetime, shared by the concurrent calls Ray
    makes on it (one per document in flight, each on its own thread and event loop)."""

    def __init__(
        self, settings: Settings, threads: int | None, environment: Mapping[str, str]
    ) -> None:
        os.environ.update(environment)
        if threads is not None:
            os.environ[THREADS_VARIABLE] = str(threads)
        self._extractor = Extractor(settings=settings)

    def __call__(self, batch: pyarrow.Table) -> pyarrow.Table:
        """The records of one batch of rows, in the order they finished."""
        import pyarrow

        present = [name for name in COLUMNS if name in batch.column_names]
        items = [row_item(row) for row in batch.select(present).to_pylist()]
        fingerprints = resume_keys(items)
        records: list[str] = []
        outcomes = asyncio.run(self._run(items, _Records(records)))
        return pyarrow.table(
            {
                "doc_id": [outcome.doc_id for outcome in outcomes],
                "sha256": [fingerprints.get(outcome.doc_id) or "" for outcome in outcomes],
                "record": records,
            }
        )

    async def _run(self, items: list[Job | Refused], sink: _Records) -> list[Outcome]:
        """The batch on this call's own event loop, whose HTTP client is closed after it."""
        try:
            return await extract_many(items, self._extractor, sink, concurrency=max(1, len(items)))
        finally:
            await self._extractor.pipeline.client.release_this_loop()

    def __del__(self) -> None:
        self._extractor.close()


class _Records:
    """A sink that keeps the records of one batch in a list."""

    def __init__(self, records: list[str]) -> None:
        self._records = records

    def write(self, record: str) -> None:
        self._records.append(record)


def row_item(row: Mapping[str, Any]) -> Job | Refused:
    """The batch item of one dataset row: checked as a corpus record is."""
    doc_id = str(row.get("doc_id") or "")
    if not doc_id:
        return Refused("?", InputError("a row has no doc_id; give every row one"))
    try:
        return job_of(article_from_record(row, doc_id, doc_id))
    except InputError as exc:
        return Refused(doc_id, exc)


def require_ray() -> None:
    """Refuse to go on without Ray, saying how to install it."""
    try:
        import ray  # noqa: F401
    except ImportError as exc:
        raise ConfigurationError(RAY_EXTRA_HINT) from exc
