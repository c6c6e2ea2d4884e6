"""The CLI reference page (`docs/cli.md`): every command's `--help`, rendered the same on every
machine (fixed width, no colour), so a test can regenerate it and fail when it drifts.

Regenerate it with `python -m extractor.cli.reference docs/cli.md`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from typer import rich_utils
from typer.core import TyperGroup
from typer.testing import CliRunner

from extractor.cli import app

WIDTH = 100
"""Columns of the rendered help: wide enough for the option tables, narrow enough to read."""

REGENERATE = "python -m extractor.cli.reference docs/cli.md"

HEADER = f"""# CLI reference

Every command's `--help`, as `extractor` prints it in a {WIDTH}-column terminal. This page is
generated from the typer app by `{REGENERATE}`; a test fails when it and `--help` differ.
"""


def command_paths(command: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command's words after `extractor`, a group before its subcommands."""
    yield path
    if isinstance(command, TyperGroup):
        context = typer.Context(command)
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            if sub is not None and not sub.hidden:
                yield from command_paths(sub, (*path, name))


@contextmanager
def plain_help(width: int = WIDTH) -> Iterator[None]:
    """Typer's help at a fixed width without colour or terminal codes, whatever the terminal
    and the environment (FORCE_COLOR, COLUMNS) say; restored after."""
    saved = rich_utils.MAX_WIDTH, rich_utils.COLOR_SYSTEM, rich_utils.FORCE_TERMINAL
    rich_utils.MAX_WIDTH, rich_utils.COLOR_SYSTEM, rich_utils.FORCE_TERMINAL = width, None, False
    try:
        yield
    finally:
        rich_utils.MAX_WIDTH, rich_utils.COLOR_SYSTEM, rich_utils.FORCE_TERMINAL = saved


def help_text(path: tuple[str, ...]) -> str:
    """`extractor PATH --help` as plain text, trailing spaces removed."""
    with plain_help():
        result = CliRunner().invoke(app, [*path, "--help"], prog_name="extractor")
    if result.exit_code != 0:
        raise RuntimeError(f"extractor {' '.join(path)} --help failed: {result.output}")
    lines = [line.rstrip() for line in result.output.splitlines()]
    return "\n".join(lines).strip("\n")


def render() -> str:
    """The whole reference page in Markdown."""
    sections = [HEADER]
    for path in command_paths(typer.main.get_command(app)):
        title = " ".join(("extractor", *path))
        sections.append(f"## {title}\n\n```text\n{help_text(path)}\n```\n")
    return "\n".join(sections)


def main(argv: list[str]) -> int:
    """Write the page to the path given, or print it."""
    page = render()
    if not argv:
        sys.stdout.write(page)
        return 0
    Path(argv[0]).write_text(page, encoding="utf-8")
    print(f"wrote {argv[0]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
