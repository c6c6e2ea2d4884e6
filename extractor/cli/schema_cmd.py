"""`extractor schema`: print the JSON Schema of the output contract."""

from __future__ import annotations

import json

import typer

from extractor.cli.app import app
from extractor.schemas import MODELS


@app.command()
def schema(
    type_: str = typer.Option(
        "Document",
        "--type",
        "-t",
        metavar="<model>",
        help=f"Which model to print: {', '.join(MODELS)}.",
    ),
) -> None:
    """Print the JSON Schema of the output contract (a Document, or one model with --type)."""
    model = MODELS.get(type_)
    if model is None:
        names = ", ".join(MODELS)
        raise typer.BadParameter(
            f"unknown type {type_!r}; choose one of: {names}", param_hint="--type"
        )
    typer.echo(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2))
