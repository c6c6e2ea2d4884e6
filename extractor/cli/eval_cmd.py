"""`extractor eval`: score a run's JSONL against a folder of gold Documents."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from extractor.cli.app import app
from extractor.cli.json_flag import JsonFlagGroup
from extractor.cli.outputs import cannot_write, check_inputs, check_outputs, replaced

if TYPE_CHECKING:
    from extractor.evaluate import EvalReport, Score


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _score_row(name: str, score: Score) -> list[str]:
    return [
        name,
        _percent(score.precision),
        _percent(score.recall),
        _percent(score.f1),
        str(score.true_positives),
        str(score.false_positives),
        str(score.false_negatives),
        str(score.restated),
    ]


def _score_table(report: EvalReport) -> Table:
    table = Table(title=f"{report.predictions} against {report.gold}", title_justify="left")
    for column in ("tuples", "precision", "recall", "F1", "TP", "FP", "FN", "restated"):
        table.add_column(column, justify="left" if column == "tuples" else "right")
    for kind, score in report.by_kind.items():
        table.add_row(*_score_row(kind, score), style="bold")
        for label, labelled in report.by_label.items():
            if label.startswith(f"{kind}."):
                table.add_row(*_score_row(f"  {label.removeprefix(kind + '.')}", labelled))
    table.add_section()
    table.add_row(*_score_row("overall", report.overall), style="bold")
    return table


def _summary_lines(report: EvalReport) -> list[str]:
    documents = len(report.documents)
    scored = sum(1 for result in report.documents if result.status == "scored")
    distractors = report.distractors
    checks = report.checks
    roles = report.roles
    lines = [
        f"documents: {documents} gold, {scored} scored, {len(report.errors)} error records, "
        f"{len(report.missing)} missing (errors and gaps count as no facts)",
        f"distractors: {distractors.false_facts} false facts in "
        f"{distractors.documents_with_false_facts} of {distractors.documents} documents",
        f"checks: {checks.failed} of {checks.values} output values unsupported or contradicted "
        f"({_percent(checks.failed_share)}); {checks.flagged} flagged, "
        f"{checks.unflagged} unflagged",
        f"delegates: {roles.matched} gold delegates matched by name; country right "
        f"{roles.country_right} of {roles.with_country} ({_percent(roles.country_share)}), "
        f"side right {roles.side_right} of {roles.with_side} ({_percent(roles.side_share)})",
    ]
    lines += [f"  unflagged: {path}" for path in checks.unflagged_paths]
    lines += [f"  error: {error}" for error in report.errors]
    lines += [f"  missing: {doc_id}" for doc_id in report.missing]
    if report.unknown:
        lines.append(f"not in the gold (ignored): {', '.join(report.unknown)}")
    return lines


eval_app = typer.Typer(
    name="eval",
    cls=JsonFlagGroup,
    invoke_without_command=True,
    help=(
        "Score a run against gold Documents (--gold, --pred): tuple precision, recall and F1 per "
        "fact kind, false facts on distractors, and hallucinated values the run left "
        "unflagged. `eval register` scores a register against clusters.json."
    ),
)
app.add_typer(eval_app)


@eval_app.callback()
def eval_(
    context: typer.Context,
    gold: Annotated[
        Path | None,
        typer.Option(
            "--gold", metavar="<folder>", help="Folder of NN_slug.gold.json (+ NN_slug.txt)."
        ),
    ] = None,
    pred: Annotated[
        Path | None,
        typer.Option("--pred", metavar="<file>", help="The run's JSONL (`extractor run -o`)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="<file>", help="Also write the numbers as JSON."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the numbers as JSON instead of the table.")
    ] = False,
) -> None:
    """Score a run against gold Documents."""
    from extractor.evaluate import EvaluationInputError, evaluate  # the verifier loads on use

    if context.invoked_subcommand is not None:
        return
    if gold is None or pred is None:
        typer.echo("error: give --gold FOLDER and --pred RUN.jsonl (or `eval register`)", err=True)
        raise typer.Exit(2)

    check_inputs([gold, pred])
    check_outputs([gold, pred], {"--output": output})
    try:
        report = evaluate(gold, pred)
    except EvaluationInputError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    numbers = report.model_dump_json(indent=2)
    if output is not None:
        write_json(output, numbers)
    if as_json:
        typer.echo(numbers)
        return
    console = Console()
    console.print(_score_table(report))
    for line in _summary_lines(report):
        console.print(line, highlight=False, markup=False)


def write_json(path: Path, numbers: str) -> None:
    """Write the numbers to `path` whole (a temporary file renamed into place); a file that
    cannot be written exits 1 with one line."""
    try:
        with replaced(path) as written:
            written.write_text(numbers + "\n", encoding="utf-8")
    except OSError as exc:
        raise cannot_write(path, exc) from None
