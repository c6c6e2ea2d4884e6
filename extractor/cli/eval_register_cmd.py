"""`extractor eval register`: pairwise precision and recall of a register against clusters.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from extractor.cli.eval_cmd import eval_app, write_json
from extractor.cli.json_flag import JsonFlagCommand
from extractor.cli.outputs import check_inputs, check_outputs
from extractor.cli.register_cmd import DEFAULT_DB, Db, opened, sqlite_file
from extractor.cli.shown import shown

if TYPE_CHECKING:
    from extractor.evaluate.register_pairs import PairScore, RegisterScore


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _row(name: str, score: PairScore) -> list[str]:
    return [
        name,
        _percent(score.precision),
        _percent(score.recall),
        str(score.correct_pairs),
        str(score.predicted_pairs),
        str(score.gold_pairs),
        str(score.near_misses_merged),
        str(score.missed_unextracted),
        str(score.missed_split),
    ]


def _table(score: RegisterScore, title: str) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    columns = ("kind", "P", "R", "right", "said", "gold", "near", "unfound", "split")
    for column in columns:
        table.add_column(column, justify="left" if column == "kind" else "right", no_wrap=True)
    for kind, by_kind in score.by_kind.items():
        table.add_row(*_row(kind, by_kind))
    table.add_section()
    table.add_row(*_row("overall", score.overall), style="bold")
    return table


@eval_app.command(name="register", cls=JsonFlagCommand)
def eval_register(
    clusters: Annotated[
        Path,
        typer.Option(
            "--clusters",
            metavar="<file>",
            help="clusters.json: which article reports which event.",
        ),
    ],
    db: Db = DEFAULT_DB,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="<file>", help="Also write the numbers as JSON."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the numbers as JSON instead of the table.")
    ] = False,
) -> None:
    """Score a register against clusters.json.

    Per kind, the precision and recall of "same entry" over pairs of articles, and the near
    misses merged into the event they shadow. A missed pair is "unfound" when an article of it
    has no entry of the kind at all, "split" when both have one but not the same."""
    from extractor.evaluate import EvaluationInputError
    from extractor.evaluate.register_pairs import load_clusters, score_register
    from extractor.register.store import shown_url

    stored = sqlite_file(db)
    check_inputs([clusters])
    check_outputs([clusters, *([stored] if stored else [])], {"--output": output})
    try:
        gold = load_clusters(clusters)
    except EvaluationInputError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    with opened(db) as register:
        entries = [
            (
                entry.kind,
                [source.sha256 for source in entry.sources]
                + [source.doc_id for source in entry.sources],
            )
            for entry in register.entries()
        ]
    score = score_register(gold, entries)
    numbers = json.dumps(score.figures(), indent=2)
    if output is not None:
        write_json(output, numbers)
    if as_json:
        typer.echo(numbers)
        return
    console = Console()
    console.print(_table(score, shown(f"{shown_url(db)} against {clusters}")))
    console.print(
        "P, R: pairwise precision and recall of same entry; right/said/gold: pairs; near: "
        "near-miss articles merged into the event they shadow; unfound/split: missed pairs "
        "with an article that has no entry of the kind / both found but apart",
        highlight=False,
    )
    for kind, first, second in score.false_pairs:
        console.print(f"false pair ({kind}): {first} + {second}", highlight=False, markup=False)
