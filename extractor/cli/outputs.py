"""Checks on where a run writes, made before any work: an output that is also an input, or one
that cannot be written, is a usage error (exit 2), not a failure halfway through a batch."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import typer

from extractor.cli.shown import printable


def check_outputs(inputs: Sequence[Path], outputs: Mapping[str, Path | None]) -> None:
    """Refuse outputs (by option name) that are inputs or each other, or cannot be written."""
    given = {option: path for option, path in outputs.items() if path is not None}
    seen: dict[tuple[int, int] | Path, str] = {_identity(path): f"input {path}" for path in inputs}
    for option, path in given.items():
        identity = _identity(path)
        if identity in seen:
            raise typer.BadParameter(
                f"{printable(path)} is also the {seen[identity]}: writing it would destroy that; "
                "choose another file",
                param_hint=option,
            )
        seen[identity] = option
        _check_writable(path, option)


def _identity(path: Path) -> tuple[int, int] | Path:
    """The file a path names: its device and inode when it exists (a hard link is the same
    file), else the path with links and `..` resolved."""
    try:
        found = path.stat()
    except OSError:
        return path.resolve()
    return (found.st_dev, found.st_ino)


def _check_writable(path: Path, option: str) -> None:
    """Refuse a path whose folder is missing or that cannot be written (read-only mounts stop
    root too); an existing file is opened for appending, so nothing is truncated."""
    folder = path.parent
    if not folder.is_dir():
        raise typer.BadParameter(
            f"the folder {printable(folder)} does not exist; create it first", param_hint=option
        )
    try:
        if path.exists():
            with path.open("ab"):
                pass
        else:
            with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.name}."):
                pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise typer.BadParameter(
            f"cannot write {printable(path)} ({reason}); choose a writable place", param_hint=option
        ) from None


def write_failure(path: Path | None, exc: OSError) -> str:
    """The one-line message for an output that stopped taking writes during the run."""
    where = printable(path) if path is not None else "the output"
    reason = exc.strerror or type(exc).__name__
    return (
        f"cannot write {where} ({reason}): every line before it is complete; free space or fix "
        "the folder, then rerun with --resume"
    )
