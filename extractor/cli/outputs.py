"""Where a command reads and writes: checks made before any work (an input that is not a regular
file, an output that is also an input, or one that cannot be written, is a usage error, exit 2,
not a hang or a failure halfway through), and a writer that puts a whole file in place or
nothing. Every command but `run` (which records each bad input and goes on) uses all three."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import typer

from extractor.cli.shown import printable

Identity = tuple[int, int] | str
"""A file by device and inode (so a hard link or a symlink is the file it names), or by its
resolved path while it does not exist."""


def check_outputs(inputs: Sequence[Path], outputs: Mapping[str, Path | None]) -> None:
    """Refuse outputs (by option name) that are inputs, files inside an input folder, or each
    other, or that cannot be written."""
    given = {option: path for option, path in outputs.items() if path is not None}
    seen: dict[Identity, str] = {
        _identity(file): f"input {path}" for path in inputs for file in _files(path)
    }
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


def check_inputs(inputs: Sequence[Path]) -> None:
    """Refuse an input that is a FIFO, socket or device: reading it would wait for a writer or
    never end (`/dev/urandom`). Missing files are left to the reader's own message."""
    for path in inputs:
        try:
            mode = path.stat().st_mode
        except OSError:
            continue
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise typer.BadParameter(
                f"{printable(path)} is not a regular file (a FIFO, socket or device); "
                "save it to a file first"
            )


def _files(path: Path) -> Iterator[Path]:
    """An input file, or every file inside an input folder (`report --sources DIR`)."""
    if path.is_dir():
        yield from (file for file in path.rglob("*") if file.is_file())
    else:
        yield path


def _identity(path: Path) -> Identity:
    """The file a path names: device and inode when it exists, else the resolved path."""
    try:
        status = path.stat()
    except OSError:
        return str(path.resolve())
    return (status.st_dev, status.st_ino)


@contextlib.contextmanager
def replaced(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` to write; renamed onto `path` when the block ends, removed
    when it raises, so a crash or a full disk never leaves a truncated output. A symbolic link's
    target is what gets replaced, not the link; a pipe or a device (`/dev/stdout`) is written
    directly (a rename would put a file in its place)."""
    if _is_stream(path):
        yield path
        return
    path = path.resolve()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    written = Path(temporary)
    try:
        yield written
        written.chmod(_mode_for(path))
        written.replace(path)
    finally:
        written.unlink(missing_ok=True)


def _is_stream(path: Path) -> bool:
    """True for a pipe, socket or device (`/dev/stdout`): written into, never replaced."""
    return path.exists() and not path.is_file() and not path.is_dir()


def _mode_for(path: Path) -> int:
    """The permissions of the file being replaced, or those a new file gets under the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _check_writable(path: Path, option: str) -> None:
    """Refuse a path whose folder is missing or that cannot be written (read-only mounts stop
    root too); an existing file is opened for appending, so nothing is truncated."""
    folder = path.parent
    if _is_stream(path):  # a pipe: opening it would wait for a reader
        if not os.access(path, os.W_OK):
            raise typer.BadParameter(f"cannot write {printable(path)}", param_hint=option)
        return
    if not folder.is_dir():
        raise typer.BadParameter(
            f"cannot write {printable(path)}: the folder {printable(folder)} does not exist; "
            "create it first",
            param_hint=option,
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


def cannot_write(path: Path, exc: OSError) -> typer.Exit:
    """Say in one line that an output could not be written (nothing was put in its place)."""
    reason = exc.strerror or type(exc).__name__
    typer.echo(f"error: cannot write {printable(path)} ({reason}); nothing was written", err=True)
    return typer.Exit(1)
