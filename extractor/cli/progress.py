"""What `extractor run` shows while it works: on a terminal, a bar with the stage of the backend
and of every document in flight and an estimate once a document is done; elsewhere (a CI log,
nohup, a pipe), plain lines: one per backend stage and one per document finished."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console, RenderableType
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, Task, TextColumn
from rich.progress import ProgressColumn as _Column
from rich.text import Text

from extractor.cli.shown import printable
from extractor.progress import DocumentDone, Notice, ProgressEvent, Stage

if TYPE_CHECKING:
    from extractor.runs.outcomes import BatchStats, Outcome


def clock(seconds: float) -> str:
    """Seconds as h:mm:ss."""
    whole = max(0, round(seconds))
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def remaining(elapsed: float, done: int, total: int) -> float | None:
    """Seconds left at the rate so far (documents in flight together included); None before
    the first document is done."""
    if done <= 0:
        return None
    return elapsed / done * max(0, total - done)


def timing_line(elapsed: float, done: int, total: int) -> str:
    """`elapsed 0:01:10 · ≈ 0:03:30 left`, the estimate once a document is done."""
    left = remaining(elapsed, done, total)
    estimate = f" · ≈ {clock(left)} left" if left is not None else ""
    return f"elapsed {clock(elapsed)}{estimate}"


def stats_line(stats: BatchStats) -> str:
    """The running totals shown beside the bar."""
    return f"{stats.fact_count} facts · [red]{stats.flagged} flagged[/] · {stats.failed} failed"


def done_event(outcome: Outcome, seconds: float | None) -> DocumentDone:
    """The DocumentDone of a recorded outcome; its seconds, when the Extractor did not report
    them (a Ray run), are those the Document's provenance gives (0 for a failed one)."""
    if outcome.document is None:
        error = f"{outcome.error_type}: {outcome.error_message}"
        return DocumentDone(outcome.doc_id, seconds or 0.0, error=error)
    if seconds is None:
        seconds = outcome.document.provenance.timings.get("total_s", 0.0)
    return DocumentDone.of(outcome.document, seconds)


class _Timing(_Column):
    """Elapsed time of the extraction, then the estimate once the first document is done."""

    def __init__(self, started: Callable[[], float | None]) -> None:
        super().__init__()
        self._started = started

    def render(self, task: Task) -> Text:
        since = self._started()
        if since is None or task.total is None:
            return Text("")
        line = timing_line(time.monotonic() - since, int(task.completed), int(task.total))
        return Text(line, style="progress.remaining")


class _Bar(Progress):
    """A progress bar with the current stage lines below it."""

    def __init__(self, console: Console, lines: Callable[[], Iterable[str]], timing: _Column):
        columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn()]
        more = [MofNCompleteColumn(), TextColumn("{task.fields[stats]}"), timing]
        self._lines = lines
        super().__init__(*columns, *more, console=console, transient=False)

    def get_renderables(self) -> Iterable[RenderableType]:
        yield self.make_tasks_table(self.tasks)
        for line in self._lines():
            yield Text(f"  {line}", style="dim", no_wrap=True, overflow="ellipsis")


class RunDisplay:
    """The progress of one run on `console`: a live bar on a terminal, log lines elsewhere.

    `on_progress` takes the Extractor's events (stages, documents done, notices: to `warn`),
    `finished` each outcome recorded (after `stats` counted it), `on_chunk` a long document's
    chunks.
    """

    def __init__(
        self, console: Console, total: int, stats: BatchStats, warn: Callable[[str], None]
    ) -> None:
        self.console = console
        self.warn = warn
        self.total = total
        self.stats = stats
        self.live = console.is_terminal
        self._started: float | None = None
        self._backend_stage: tuple[str, float] | None = None
        self._stages: dict[str, str] = {}
        self._chunks: dict[str, str] = {}
        self._seconds: dict[str, float] = {}
        self._bar = _Bar(console, self.stage_lines, _Timing(lambda: self._started))
        self._task = self._bar.add_task("extracting", total=total, stats=stats_line(stats))

    def __enter__(self) -> RunDisplay:
        if self.live:
            self._bar.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._backend_stage = None
        self._stages.clear()
        if self.live:
            self._bar.stop()

    def on_progress(self, event: ProgressEvent) -> None:
        """Show a stage (a backend's on a line of its own; a document's on its row)."""
        if isinstance(event, DocumentDone):
            self._seconds[event.doc_id] = event.seconds
        elif isinstance(event, Notice):
            self.warn(event.message)
        elif isinstance(event, Stage):
            self._stage(event)

    def _stage(self, stage: Stage) -> None:
        if stage.doc_id is None:
            self._backend_stage = (stage.message, time.monotonic())
            if not self.live:
                self.console.print(f"{stage.message}…", highlight=False, markup=False)
            return
        self._begin()
        self._stages[stage.doc_id] = stage.message

    def _begin(self) -> None:
        """The extraction's clock starts at the first document (after the backend's start)."""
        if self._started is None:
            self._started = time.monotonic()
            self._backend_stage = None

    def on_chunk(self, doc_id: str) -> Callable[[int, int], None]:
        """The ChunkProgress of one long document: which chunk it is on, beside its stage."""

        def on_chunk(done: int, total: int) -> None:
            self._chunks[doc_id] = f"chunk {min(done + 1, total)} of {total}"

        return on_chunk

    def finished(self, outcome: Outcome) -> None:
        """Move the bar for a document recorded; off a terminal, log it in one line."""
        self._begin()
        self._stages.pop(outcome.doc_id, None)
        self._chunks.pop(outcome.doc_id, None)
        event = done_event(outcome, self._seconds.pop(outcome.doc_id, None))
        self._bar.update(self._task, advance=1, stats=stats_line(self.stats))
        if not self.live:
            done = int(self._bar.tasks[0].completed)
            elapsed = time.monotonic() - (self._started or time.monotonic())
            self.console.print(
                f"[{done}/{self.total}] {printable(event.line())} · "
                + timing_line(elapsed, done, self.total),
                highlight=False,
                markup=False,
            )

    def stage_lines(self) -> list[str]:
        """The lines under the bar: the backend's stage, else each document's in flight."""
        if self._backend_stage is not None:
            message, since = self._backend_stage
            return [f"{message}… {clock(time.monotonic() - since)}"]
        lines = []
        for doc_id, message in self._stages.items():
            chunk = self._chunks.get(doc_id)
            lines.append(f"{printable(doc_id)}: {message}" + (f" · {chunk}" if chunk else ""))
        return lines
