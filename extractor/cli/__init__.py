"""The command-line interface: typer commands over the public API, no business logic."""

from extractor.cli import (  # noqa: F401  (register their commands)
    eval_cmd,
    eval_register_cmd,
    register_cmd,
    report_cmd,
    run_cmd,
    schema_cmd,
    verify_cmd,
)
from extractor.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
