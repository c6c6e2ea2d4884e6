"""`extractor run`: extract many articles into JSONL, with progress, a summary and exit codes."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import enum
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from extractor.article_text import MAX_CHARS, MIN_CHUNK_CHARS
from extractor.cli.app import app
from extractor.cli.outputs import check_outputs, write_failure
from extractor.cli.progress import RunDisplay
from extractor.cli.setting_flags import as_flags
from extractor.cli.shown import printable, shown
from extractor.deadlines import (
    DEFAULT_CONCURRENCY,
    DEFAULT_DOCUMENT_TIMEOUT,
    DEFAULT_MAX_REASKS,
    DEFAULT_RECALL_ROUNDS,
    DEFAULT_TIMEOUT,
    EMBEDDED_MIN_TIMEOUT,
    deadline_formula,
)
from extractor.errors import ConfigurationError, InputError

if TYPE_CHECKING:
    from extractor.api import Extractor
    from extractor.progress import ProgressCallback
    from extractor.report import ReportEntry
    from extractor.runs import JsonlOutput, JsonlSink, RunPlan, RunSources
    from extractor.runs.jobs import RunInputs
    from extractor.runs.outcomes import BatchStats, Outcome
    from extractor.schemas import Document, Usage
    from extractor.settings import Settings

# The modules that extract, verify and report are imported where they are used: `--help`
# then loads none of them (nor pydantic), and answers at once.

DEFAULT_OUTPUT = Path("extractions.jsonl")

# The panels of `run --help`, in the order a first run needs them.
INPUT, MODEL, QUALITY, OUTPUT, SCALE = "Input", "Model", "Quality", "Output", "Scale"


class EngineChoice(enum.StrEnum):
    """The engines `--engine` accepts."""

    local = "local"
    ray = "ray"


class ShardFormat(enum.StrEnum):
    """The shard formats `--shard-format` accepts."""

    jsonl = "jsonl"
    parquet = "parquet"


class BackendChoice(enum.StrEnum):
    """The backends `--backend` accepts."""

    embedded = "embedded"
    openai = "openai"


@app.command(
    help=(
        "Extract verified facts from Arabic articles into JSONL, one line per document.\n\n"
        "Each article must be plain text in UTF-8 (a BOM is fine) or windows-1256 Arabic, of at "
        f"most {MAX_CHARS:,} characters; HTML, binary, empty and non-Arabic files are refused. "
        "A document that cannot be read or extracted becomes an error line "
        '{"doc_id", "error": {"type", "message"}} and the run goes on. Lines are written as '
        "each document finishes (order may differ from the input); killing the run leaves a "
        "valid file that --resume completes."
    ),
    epilog=(
        "Exit codes: 0 all documents done; 1 some documents failed (each recorded as an "
        "error line in the output) or are incomplete (some fact kind got no usable answer: "
        "provenance.kinds_failed), or the output could not be written; --resume redoes both; "
        "2 usage error known before any work (bad option, no inputs, a folder without .txt "
        "files, an output that is also an input, an unwritable output, an incomplete backend "
        "setup); 130 interrupted."
    ),
)
def run(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Articles: .txt files, folders (every *.txt below them), corpora (.jsonl, "
            ".parquet: one article per line or row), glob patterns, or - for stdin.",
            show_default=False,
            metavar="PATHS",
        ),
    ],
    published: Annotated[
        dt.datetime | None,
        typer.Option(
            "--published",
            formats=["%Y-%m-%d"],
            metavar="<date>",
            help="Publication date (YYYY-MM-DD) that anchors relative dates; a sidecar "
            'ARTICLE.meta.json with {"published": ...} wins for its article.',
            rich_help_panel=INPUT,
        ),
    ] = None,
    backend: Annotated[
        BackendChoice | None,
        typer.Option(
            "--backend",
            help="embedded (built-in llama.cpp model) or openai (any OpenAI-compatible endpoint) "
            "\\[default: openai when --base-url or OPENAI_BASE_URL is set, else embedded].",
            case_sensitive=False,
            rich_help_panel=MODEL,
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            metavar="<name>",
            help="Model name at the endpoint (OPENAI_MODEL may stand for it).",
            rich_help_panel=MODEL,
        ),
    ] = None,
    gguf: Annotated[
        Path | None,
        typer.Option(
            "--gguf",
            metavar="<file>",
            help="A GGUF model file for the embedded backend.",
            exists=True,
            rich_help_panel=MODEL,
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            metavar="<url>",
            help="OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (or OPENAI_BASE_URL).",
            rich_help_panel=MODEL,
        ),
    ] = None,
    concurrency: Annotated[
        int | None,
        typer.Option(
            "--concurrency",
            min=1,
            metavar="<n>",
            help=f"Documents in flight at once \\[default: {DEFAULT_CONCURRENCY} for remote "
            "endpoints, the embedded server's slots otherwise].",
            rich_help_panel=MODEL,
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0.001,
            metavar="<seconds>",
            show_default=False,
            help="Seconds one LLM request may take, its whole answer included (a server that "
            "trickles bytes is cut off); it is retried, up to 5 tries "
            f"\\[default: {DEFAULT_TIMEOUT:g}; the embedded backend waits at least "
            f"{EMBEDDED_MIN_TIMEOUT:g}].",
            rich_help_panel=MODEL,
        ),
    ] = DEFAULT_TIMEOUT,
    document_timeout: Annotated[
        float | None,
        typer.Option(
            "--document-timeout",
            min=0.001,
            metavar="<seconds>",
            help="Seconds one document may take in all (N times that for a text in N chunks); "
            "past it the document is an error record \\[default: "
            f"{deadline_formula('--timeout', '--recall-rounds', '--max-reasks')}"
            ", each call it may make retried once: "
            f"{DEFAULT_DOCUMENT_TIMEOUT:,g} with the other defaults].",
            rich_help_panel=MODEL,
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Do not reuse cached LLM answers.", rich_help_panel=MODEL),
    ] = False,
    max_reasks: Annotated[
        int,
        typer.Option(
            "--max-reasks",
            min=0,
            metavar="<n>",
            help="Times a document is sent back with the failed checks.",
            rich_help_panel=QUALITY,
        ),
    ] = DEFAULT_MAX_REASKS,
    recall_rounds: Annotated[
        int,
        typer.Option(
            "--recall-rounds",
            min=0,
            metavar="<n>",
            help="Rounds of recall questions about the persons, weapons, resolutions and "
            "sanction targets that no fact accounts for (0: none).",
            rich_help_panel=QUALITY,
        ),
    ] = DEFAULT_RECALL_ROUNDS,
    constrained: Annotated[
        bool,
        typer.Option(
            "--constrained/--free-recall",
            help="Recall replies choose among the article's spans (a JSON-schema enum) instead "
            "of writing them.",
            rich_help_panel=QUALITY,
        ),
    ] = True,
    choose_first: Annotated[
        bool,
        typer.Option(
            "--choose-first",
            help="Experiment: the first answers' names and designations choose among the "
            "article's candidates (a JSON-schema enum) instead of writing them.",
            rich_help_panel=QUALITY,
        ),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Drop values the verifier could not support.", rich_help_panel=QUALITY
        ),
    ] = False,
    every_kind: Annotated[
        bool,
        typer.Option(
            "--every-kind",
            help="Ask the model about every fact kind; by default a kind is skipped when the "
            "article has none of its words or no sentence that could support one (no weapon "
            "and transfer word: no arms-deal question).",
            rich_help_panel=QUALITY,
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="<path>",
            help="JSONL file to write, one line per document "
            "\\[default: stdout when piped, else ./extractions.jsonl]; with --engine ray a "
            "folder of shards (see --shard-format).",
            rich_help_panel=OUTPUT,
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Keep the output's finished documents (same doc_id and source sha256) and do "
            "only the rest; without it the output file is overwritten.",
            rich_help_panel=OUTPUT,
        ),
    ] = False,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report",
            metavar="<file>",
            help="Also write the HTML review page here.",
            dir_okay=False,
            rich_help_panel=OUTPUT,
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="No progress bar and no summary (errors still shown).",
            rich_help_panel=OUTPUT,
        ),
    ] = False,
    chunk_chars: Annotated[
        int | None,
        typer.Option(
            "--chunk-chars",
            min=MIN_CHUNK_CHARS,
            metavar="<n>",
            help="Extract a longer text in sentence-aligned chunks of at most N characters, "
            "merging their facts \\[default: what the embedded model's context holds; "
            "endpoints: no chunks].",
            rich_help_panel=SCALE,
        ),
    ] = None,
    engine: Annotated[
        EngineChoice,
        typer.Option(
            "--engine",
            help="local (this process) or ray (actors on a Ray cluster, needs the ray extra; "
            "-o names a folder of shards, see --shard-format).",
            case_sensitive=False,
            rich_help_panel=SCALE,
        ),
    ] = EngineChoice.local,
    ray_address: Annotated[
        str | None,
        typer.Option(
            "--ray-address",
            metavar="<address>",
            help="Ray cluster to join (auto: the one this machine belongs to) "
            "\\[default: start a local one].",
            rich_help_panel=SCALE,
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            metavar="<n>",
            help="Ray actors, each holding one extractor (with --engine ray).",
            rich_help_panel=SCALE,
        ),
    ] = 1,
    shard_format: Annotated[
        ShardFormat | None,
        typer.Option(
            "--shard-format",
            help="With --engine ray: JSONL shards (records as `extractor run` writes them) or "
            "Parquet (columns doc_id, sha256, error_type, record) \\[default: the format of "
            "the folder resumed, else jsonl].",
            case_sensitive=False,
            rich_help_panel=SCALE,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Extract verified facts from Arabic articles into JSONL, one line per document."""
    from extractor.report import write_report
    from extractor.runs import JsonlOutput, JsonlSink
    from extractor.runs.jobs import Job
    from extractor.runs.outcomes import BatchStats
    from extractor.settings import Settings

    console = Console(stderr=True, quiet=quiet)
    errors = Console(stderr=True)
    date = published.date() if published else None
    settings = Settings.of(
        backend=backend.value if backend else None,
        model=model,
        gguf=gguf,
        base_url=base_url,
        concurrency=concurrency,
        timeout=timeout,
        max_reasks=max_reasks,
        recall_rounds=recall_rounds,
        constrained=constrained,
        choose_first=choose_first,
        strict=strict,
        every_kind=every_kind,
        cache=not no_cache,
        document_timeout=document_timeout,
        chunk_chars=chunk_chars,
    )
    sources = _sources(paths, errors)
    if engine is EngineChoice.local and shard_format not in (None, ShardFormat.jsonl):
        raise typer.BadParameter("works with --engine ray only", param_hint="--shard-format")
    if engine is EngineChoice.ray:
        if report is not None:
            raise typer.BadParameter("works with --engine local only", param_hint="--report")
        ray_run = RayRun(ray_address, workers, shard_format and str(shard_format))
        _run_on_ray(sources, date, output, resume, ray_run, settings, console, errors)
        return
    destination = _destination(output, resume)
    check_outputs(sources.files, {"--output": destination, "--report": report})
    earlier = JsonlOutput(destination) if resume and destination is not None else None
    plan = _plan(sources, date, earlier, errors)
    resumed = plan.done
    if resumed:
        console.print(f"resuming: {len(resumed)} of {plan.inputs.count()} documents already done")

    def open_extractor(on_progress: ProgressCallback) -> Extractor:
        from extractor.backend_check import check_backend

        check_backend(settings.backend)  # before importing the clients: a down server in 1 s
        from extractor.api import Extractor

        return Extractor(settings=settings, on_progress=on_progress)

    started = time.perf_counter()
    stats = BatchStats(skipped=len(resumed))

    def open_sink() -> JsonlSink:
        if destination is None:
            return JsonlSink.to_stdout()
        return JsonlSink.to_file(destination, append=resume)

    outcomes, usage = _extract_all(
        plan.todo, open_extractor, open_sink, stats, console, errors, destination
    )
    seconds = time.perf_counter() - started
    _summary(console, stats, usage, seconds, destination)
    if report is not None:
        texts = {item.doc_id: item.text for item in plan.inputs if isinstance(item, Job)}
        try:
            write_report(report, _report_entries(resumed, outcomes, texts))
        except OSError as exc:
            errors.print(f"[red]error:[/] {shown(write_failure(report, exc))}")
            raise typer.Exit(1) from None
        console.print(f"report: {shown(report)}", highlight=False)
    if stats.failed or stats.incomplete:
        raise typer.Exit(1)


def _sources(paths: Sequence[str], errors: Console) -> RunSources:
    """What the arguments name; a path mistake, an unreadable corpus or a doc_id two corpora
    give is a usage error (exit 2)."""
    from extractor.runs import find_sources

    try:
        return find_sources(paths)
    except InputError as exc:
        raise typer.BadParameter(printable(exc), param_hint="PATHS") from None
    except ConfigurationError as exc:
        errors.print(f"[red]error:[/] {shown(exc)}", highlight=False)
        raise typer.Exit(2) from None


def _plan(
    sources: RunSources, date: dt.date | None, earlier: JsonlOutput | None, errors: Console
) -> RunPlan:
    """The run's inputs read and named, and on --resume what the output file already holds
    (an output that cannot be cleaned for the resume stops the run: exit 1)."""
    from extractor.runs import plan_run

    try:
        return plan_run(sources, published=date, resumed=earlier)
    except OSError as exc:
        if earlier is None:  # only a resumed output is read and rewritten
            raise
        errors.print(f"[red]error:[/] {shown(write_failure(earlier.path, exc))}")
        raise typer.Exit(1) from None


def _destination(output: Path | None, resume: bool) -> Path | None:
    """The output file, or None for stdout (the default when stdout is not a terminal)."""
    if output is not None and output.is_dir():
        raise typer.BadParameter(
            f"{printable(output)} is a folder; name a file (folders of shards are for "
            "--engine ray)",
            param_hint="--output",
        )
    if output is not None and str(output) != "-":
        return output
    if output is None and sys.stdout.isatty():
        return DEFAULT_OUTPUT
    if resume:
        raise typer.BadParameter("--resume needs an output file: add -o OUT.jsonl")
    return None


def _extract_all(
    todo: RunInputs,
    open_extractor: Callable[[ProgressCallback], Extractor],
    open_sink: Callable[[], JsonlSink],
    stats: BatchStats,
    console: Console,
    errors: Console,
    destination: Path | None,
) -> tuple[list[Outcome], Usage]:
    """Start the backend (only if something needs it), then open the output and run the batch.

    The output is opened after the backend is up, so a setup mistake (exit 2) never truncates
    an earlier run's results.
    """
    from extractor.runs import extract_many
    from extractor.runs.jobs import Job
    from extractor.schemas import Usage

    try:
        with contextlib.ExitStack() as stack:
            needs_model = any(isinstance(item, Job) for item in todo)
            display = stack.enter_context(RunDisplay(console, todo.count(), stats, _warn(errors)))
            opened = open_extractor(display.on_progress) if needs_model else None
            extractor = stack.enter_context(opened) if opened is not None else None
            sink = open_sink()
            stack.callback(sink.close)
            on_outcome = _on_outcome(display, stats, errors)

            batch = extract_many(
                todo, extractor, sink, on_outcome=on_outcome, on_chunk=display.on_chunk
            )
            outcomes = asyncio.run(batch)
            if extractor is None:
                return outcomes, Usage()
            for warning in extractor.warnings():
                _warn(errors)(warning)
            return outcomes, extractor.usage()
    except ConfigurationError as exc:
        errors.print(f"[red]error:[/] {shown(as_flags(str(exc)))}", highlight=False)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        errors.print("interrupted: the output is complete up to here; rerun with --resume")
        raise typer.Exit(130) from None
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        errors.print("stopped: the reader of the output went away (e.g. `| head`)")
        raise typer.Exit(1) from None
    except OSError as exc:
        errors.print(f"[red]error:[/] {shown(write_failure(destination, exc))}", highlight=False)
        raise typer.Exit(1) from None


def _warn(errors: Console) -> Callable[[str], None]:
    """Prints a warning on `errors` (shown even with --quiet)."""

    def warn(message: str) -> None:
        errors.print(f"[yellow]warning:[/] {shown(as_flags(message))}", highlight=False)

    return warn


@dataclasses.dataclass(frozen=True)
class RayRun:
    """Where and how `--engine ray` runs: the cluster, its actors, the shards' format."""

    address: str | None
    workers: int
    shard_format: str | None
    """None: the format of the folder resumed, else JSONL."""


def _run_on_ray(
    sources: RunSources,
    date: dt.date | None,
    output: Path | None,
    resume: bool,
    ray_run: RayRun,
    settings: Settings,
    console: Console,
    errors: Console,
) -> None:
    """`extractor run --engine ray`: shards of records in the output folder, with the progress,
    summary and exit codes of a plain run."""
    from extractor.distributed.driver import run_on_ray
    from extractor.distributed.shards import open_folder
    from extractor.runs import plan_run
    from extractor.runs.outcomes import BatchStats
    from extractor.schemas import total_usage

    if output is None or str(output) == "-":
        raise typer.BadParameter("--engine ray writes a folder: add -o OUT_DIR/", param_hint="-o")
    try:
        folder = open_folder(
            output, resume=resume, shard_format=ray_run.shard_format, inputs=sources.files
        )
        plan = plan_run(sources, published=date, resumed=folder if resume else None)
    except InputError as exc:
        raise typer.BadParameter(printable(exc), param_hint="--output") from None
    if plan.done:
        console.print(f"resuming: {len(plan.done)} of {plan.inputs.count()} documents already done")
    todo = plan.todo
    stats = BatchStats(skipped=len(plan.done))
    usages: list[Usage] = []
    started = time.perf_counter()
    try:
        with RunDisplay(console, todo.count(), stats, _warn(errors)) as display:
            counted = _on_outcome(display, stats, errors)

            def on_outcome(outcome: Outcome) -> None:
                counted(outcome)
                if outcome.document is not None:
                    usages.append(outcome.document.provenance.usage)

            run_on_ray(
                todo, folder, address=ray_run.address, workers=ray_run.workers,
                settings=settings, on_outcome=on_outcome, quiet=console.quiet,
            )  # fmt: skip
    except ConfigurationError as exc:
        errors.print(f"[red]error:[/] {shown(as_flags(str(exc)))}", highlight=False)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        errors.print("interrupted: the shards written are complete; rerun with --resume")
        raise typer.Exit(130) from None
    except Exception as exc:  # Ray reports a failed cluster or actor in many exception types
        first_line = (str(exc) or type(exc).__name__).splitlines()[0]
        errors.print(f"[red]error:[/] the Ray run stopped: {shown(first_line)}; fix it and "
                     "rerun with --resume", highlight=False)  # fmt: skip
        raise typer.Exit(1) from None
    _summary(console, stats, total_usage(usages), time.perf_counter() - started, output)
    if stats.failed or stats.incomplete:
        raise typer.Exit(1)


def _on_outcome(
    display: RunDisplay, stats: BatchStats, errors: Console
) -> Callable[[Outcome], None]:
    """Counts each outcome, prints each error, and moves the progress bar."""

    def on_outcome(outcome: Outcome) -> None:
        stats.add(outcome)
        if outcome.document is None:
            errors.print(
                f"[red]{shown(outcome.doc_id)}[/]: {shown(outcome.error_type)}: "
                + shown(as_flags(str(outcome.error_message))),
                highlight=False,
            )
        display.finished(outcome)

    return on_outcome


def _summary(
    console: Console, stats: BatchStats, usage: Usage, seconds: float, destination: Path | None
) -> None:
    from extractor.schemas import CHECK_STATUSES, FACT_KINDS

    table = Table(title="extractor run", show_header=False, title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("how many")
    table.add_row(
        "documents",
        f"{stats.done} done ({stats.incomplete} incomplete), {stats.failed} failed, "
        f"{stats.skipped} already done (resumed)",
    )
    table.add_row("facts", ", ".join(f"{stats.facts[kind]} {kind}" for kind in FACT_KINDS))
    table.add_row(
        "checks",
        ", ".join(f"{stats.checks[status]} {status}" for status in CHECK_STATUSES) or "none",
    )
    table.add_row(
        "tokens",
        f"{usage.prompt_tokens} prompt, {usage.completion_tokens} completion "
        f"({usage.llm_calls} calls, {usage.reasks} reasks, {usage.cache_hits} cached)",
    )
    table.add_row("seconds", f"{seconds:.1f}")
    table.add_row("output", shown(destination) if destination is not None else "stdout")
    console.print(table)


def _report_entries(
    resumed: Mapping[str, Document], outcomes: list[Outcome], texts: dict[str, str]
) -> list[ReportEntry]:
    """The review page's entries: documents done earlier, then this run's outcomes."""
    from extractor.report import ReportEntry

    entries = [ReportEntry(doc_id, doc, texts.get(doc_id)) for doc_id, doc in resumed.items()]
    for outcome in outcomes:
        error = f"{outcome.error_type}: {outcome.error_message}" if outcome.error_type else None
        source = texts.get(outcome.doc_id)
        entries.append(ReportEntry(outcome.doc_id, outcome.document, source, error=error))
    return entries
