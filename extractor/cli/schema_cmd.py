"""`extractor schema`: print the JSON Schema of the output contract."""

from __future__ import annotations

import json

import typer

from extractor.cli.app import app


@app.command()
def schema(
    type_: str = typer.Option(
        "Document",
        "--type",
        "-t",
        help="Which model to print, e.g. Meeting or ArmsDeal (an unknown name lists them).",
    ),
) -> None:
    """Print the JSON Schema of the output contract (a Document, or one model with --type)."""
    from extractor.schemas import MODELS

    model = MODELS.get(type_)
    if model is None:
        names = ", ".join(MODELS)
        raise typer.BadParameter(
            f"unknown type {type_!r}; choose one of: {names}", param_hint="--type"
        )
    typer.echo(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2))
