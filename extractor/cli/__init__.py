"""The command-line interface: typer commands over the public API, no business logic."""

from extractor.cli import schema_cmd  # noqa: F401  (registers its command)
from extractor.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
