"""`extractor schema`: print the JSON Schema of the output contract, or write every schema file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from extractor.cli.app import app
from extractor.cli.shown import printable


@app.command()
def schema(
    type_: str = typer.Option(
        "Document",
        "--type",
        "-t",
        metavar="<model>",
        help="Which model to print, e.g. Meeting or ArmsDeal (an unknown name lists them).",
    ),
    write: Annotated[
        Path | None,
        typer.Option(
            "--write",
            metavar="<folder>",
            help="Write every model's schema into the folder as NAME.json instead of printing one "
            "(the repository's schemas/: extractor schema --write schemas/).",
            file_okay=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of the output contract (a Document, or one model with --type)."""
    from extractor.schema_files import PUBLISHED, schema_text, write_schemas

    if write is not None:
        try:
            written = write_schemas(write)
        except OSError as exc:
            raise typer.BadParameter(
                f"cannot write {printable(write)} ({exc.strerror}); choose a writable folder",
                param_hint="--write",
            ) from None
        typer.echo(f"wrote {len(written)} schemas to {printable(write)}", err=True)
        return
    model = PUBLISHED.get(type_)
    if model is None:
        names = ", ".join(PUBLISHED)
        raise typer.BadParameter(
            f"unknown type {type_!r}; choose one of: {names}", param_hint="--type"
        )
    typer.echo(schema_text(model))
