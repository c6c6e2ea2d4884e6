"""The typer application that every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="extractor",
    help=(
        "Turn Arabic news into verified, structured facts: meetings, delegates, arms deals "
        "and embargoes, every number and name checked against the source.\n\n"
        "Exit codes: 0 all documents done; 1 some documents failed or are incomplete (each "
        "recorded; --resume redoes them), or the output could not be written; "
        "2 usage error."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from extractor import __version__

        typer.echo(f"extractor {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """Turn Arabic news into verified, structured facts."""
