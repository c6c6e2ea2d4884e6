"""`extractor report`: the HTML review page of a run's JSONL results."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from extractor.cli.app import app
from extractor.cli.outputs import cannot_write, check_inputs, check_outputs, replaced


@app.command()
def report(
    results: Annotated[
        Path,
        typer.Argument(
            help="JSONL written by `extractor run`.",
            exists=True,
            dir_okay=False,
            metavar="RESULTS",
        ),
    ],
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            metavar="<folder>",
            help="Folder holding the articles (DOC_ID.txt); without it only facts are shown.",
            exists=True,
            file_okay=False,
        ),
    ] = None,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", metavar="<file>", help="HTML file to write.", dir_okay=False
        ),
    ] = Path("report.html"),
) -> None:
    """Write a self-contained HTML page to review a run: highlighted articles, facts, flags."""
    check_inputs([results])
    check_outputs([results, *([sources] if sources else [])], {"--output": output})
    from extractor.report import write_report
    from extractor.report.load import load_entries

    entries = load_entries(results, sources)
    if not entries:
        raise typer.BadParameter(f"{results} holds no JSONL records", param_hint="RESULTS")
    try:
        with replaced(output) as written:
            write_report(written, entries, title=f"Extraction review: {results.name}")
    except OSError as exc:
        raise cannot_write(output, exc) from None
    typer.echo(f"wrote {output} ({len(entries)} documents)", err=True)
