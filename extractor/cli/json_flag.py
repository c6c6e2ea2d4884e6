"""`--json` is a flag everywhere: print JSON to stdout instead of a table. A file to write is
always `-o/--output`, so the earlier `--json PATH` is refused with a message naming `-o PATH`."""

from __future__ import annotations

from collections.abc import Container

import typer
from typer._click.core import Context  # typer vendors click: its commands parse with this
from typer.core import TyperCommand, TyperGroup


def refuse_json_file(ctx: Context, args: list[str], commands: Container[str] = ()) -> None:
    """A usage error (exit 2) when `args` give `--json` a file, as before `-o` took that job;
    scanning stops at a subcommand, which checks its own arguments."""
    for index, token in enumerate(args):
        if token in commands:
            return
        following = args[index + 1] if index + 1 < len(args) else None
        if token.startswith("--json="):
            path = token.removeprefix("--json=")
        elif token == "--json" and following and not following.startswith("-"):
            if following in commands:
                return
            path = following
        else:
            continue
        raise typer.BadParameter(
            f"--json no longer takes a file: write -o {path} to save the JSON there, or --json "
            "alone to print it instead of the table",
            ctx,
            param_hint="--json",
        )


class JsonFlagCommand(TyperCommand):
    """A command whose `--json` is a flag, refusing the earlier `--json PATH`."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        refuse_json_file(ctx, args)
        return super().parse_args(ctx, args)


class JsonFlagGroup(TyperGroup):
    """A group whose own `--json` is a flag, refusing the earlier `--json PATH`."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        refuse_json_file(ctx, args, self.commands)
        return super().parse_args(ctx, args)
