"""A run on Ray: the inputs to a Dataset, `extract_dataset` on a pool of actors, each finished
block of records written as one shard of the output folder as it arrives."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

from extractor.backend_check import check_backend
from extractor.distributed.dataset import extract_dataset, require_ray
from extractor.distributed.shards import ShardFolder, ShardWriter, outcome_of
from extractor.runs.jobs import Job, Refused
from extractor.runs.outcomes import Outcome
from extractor.runs.pool import refused_outcome
from extractor.settings import Settings

if TYPE_CHECKING:
    import pyarrow

RAY_LOGGERS = ("ray", "ray.data")
"""Ray's own loggers in the driver: at WARNING they still print Ray Data's execution notes."""

MAX_BLOCKS = 100_000
"""Blocks of the input dataset: one document each up to this many (Ray gives an actor one block
per call, so small blocks keep every slot of every actor busy; each block's records become one
shard)."""


def run_on_ray(
    items: Iterable[Job | Refused],
    folder: ShardFolder,
    *,
    address: str | None,
    workers: int,
    settings: Settings,
    on_outcome: Callable[[Outcome], None],
    quiet: bool = False,
) -> None:
    """Extract `items` on Ray into shards of `folder` (see `open_folder`): refused inputs
    are recorded by the driver itself, the Jobs by the actors; `on_outcome` hears of every
    record written. A remote endpoint is looked at once first (ConfigurationError when it is
    down or refuses the key); `quiet` leaves Ray's own log lines but errors unprinted."""
    require_ray()
    import ray
    import ray.data

    writer = ShardWriter(folder.path, folder.shard_format)
    rows: list[dict[str, Any]] = []
    refused: list[str] = []
    for item in items:
        if isinstance(item, Refused):
            refused.append(refused_outcome(item).record())
        else:
            rows.append(_row(item))
    if rows:  # before any shard: a run refused here leaves the folder as it was
        check_backend(settings.backend)
    _record(writer, refused, on_outcome)
    if not rows:
        return
    level = logging.ERROR if quiet else logging.WARNING
    with _native_stderr_held(quiet):
        if not ray.is_initialized():
            ray.init(address=address, logging_level=level, log_to_driver=False)
        for name in RAY_LOGGERS:
            logging.getLogger(name).setLevel(level)
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.enable_operator_progress_bars = False
        dataset = ray.data.from_items(rows, override_num_blocks=min(len(rows), MAX_BLOCKS))
        results = extract_dataset(dataset, workers=workers, settings=settings)
        for batch in results.iter_batches(batch_size=None, batch_format="pyarrow"):
            table = cast("pyarrow.Table", batch)
            _record(writer, table.column("record").to_pylist(), on_outcome)


@contextmanager
def _native_stderr_held(quiet: bool) -> Iterator[None]:
    """Under `quiet`, what native code writes to file descriptor 2 inside the block (Ray's C++
    core logs there, past Python's logging: Ray Data's actors have arguments in the object
    store, which it reports as an error on every run) is held back, and shown only when the
    block raises; Python's own `sys.stderr` (the run's error lines) still reaches the terminal."""
    if not quiet:
        yield
        return
    sys.stderr.flush()
    python_stderr = sys.stderr
    saved = os.dup(2)
    with (
        tempfile.TemporaryFile() as held,
        open(saved, "w", encoding=_encoding(python_stderr), closefd=False) as terminal,
    ):
        os.dup2(held.fileno(), 2)
        if _descriptor(python_stderr) == 2:
            sys.stderr = terminal
        try:
            yield
        except BaseException:
            terminal.flush()
            held.seek(0)
            os.write(saved, held.read())
            raise
        finally:
            terminal.flush()
            sys.stderr = python_stderr
            os.dup2(saved, 2)
            os.close(saved)


def _encoding(stream: Any) -> str:
    """The encoding a text stream writes, UTF-8 when it does not say."""
    return str(getattr(stream, "encoding", None) or "utf-8")


def _descriptor(stream: Any) -> int | None:
    """The file descriptor under a text stream, or None (a test runner's in-memory stream)."""
    try:
        return int(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return None


def _row(job: Job) -> dict[str, Any]:
    return {
        "doc_id": job.doc_id,
        "text": job.text,
        "published": job.published.isoformat() if job.published else None,
        "outlet": job.source.outlet if job.source else None,
        "url": job.source.url if job.source else None,
    }


def _record(writer: ShardWriter, records: list[str], on_outcome: Callable[[Outcome], None]) -> None:
    writer.write(records)
    for record in records:
        on_outcome(outcome_of(record))
