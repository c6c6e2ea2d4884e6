"""`extractor report`: the HTML review page of a run's JSONL results."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from extractor.cli.app import app


@app.command()
def report(
    results: Annotated[
        Path,
        typer.Argument(help="JSONL written by `extractor run`.", exists=True, dir_okay=False),
    ],
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            help="Folder holding the articles (DOC_ID.txt); without it only facts are shown.",
            exists=True,
            file_okay=False,
        ),
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="HTML file to write.", dir_okay=False)
    ] = Path("report.html"),
) -> None:
    """Write a self-contained HTML page to review a run: highlighted articles, facts, flags."""
    from extractor.report import write_report
    from extractor.report.load import load_entries

    entries = load_entries(results, sources)
    if not entries:
        raise typer.BadParameter(f"{results} holds no JSONL records", param_hint="RESULTS")
    write_report(output, entries, title=f"Extraction review: {results.name}")
    typer.echo(f"wrote {output} ({len(entries)} documents)", err=True)
