"""Where a run's records go: a JSONL file that a kill at any moment leaves valid.

Each finished document becomes one line, written with a single `write()` of the whole line and
fsync'd before the next one, so the file only ever ends in a partial line if the process dies
inside that one call; resuming drops such a tail (`extractor.runs.resume`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import BinaryIO, Protocol


class RecordSink(Protocol):
    """Where finished records go, one JSONL line (without its newline) at a time."""

    def write(self, record: str) -> None:
        """Take one record."""


class JsonlSink:
    """Appends JSONL records: one write() of the full line each, flushed, and fsync'd on files."""

    def __init__(self, stream: BinaryIO, *, durable: bool) -> None:
        self._stream = stream
        self._durable = durable

    @classmethod
    def to_file(cls, path: Path, *, append: bool) -> JsonlSink:
        """A sink on a file, unbuffered so that each record is exactly one write() call."""
        return cls(path.open("ab" if append else "wb", buffering=0), durable=True)

    @classmethod
    def to_stdout(cls) -> JsonlSink:
        """A sink on standard output (flushed per record; pipes cannot be fsync'd)."""
        return cls(sys.stdout.buffer, durable=False)

    def write(self, record: str) -> None:
        """Append one record as a line and make it durable before returning.

        On a file, a write that fails (a full disk) takes back the part of the line it wrote
        and moves the file's offset back to where the line began, so the file still ends with
        a whole line and the next record (of a document still in flight) starts there instead
        of past a hole of NUL bytes, and re-raises.
        """
        data = memoryview((record + "\n").encode("utf-8"))
        start = self._stream.tell() if self._durable else 0
        try:
            while data:
                written = self._stream.write(data)
                data = data[written if written is not None else len(data) :]
            self._stream.flush()
            if self._durable:
                os.fsync(self._stream.fileno())
        except OSError:
            if self._durable:
                with contextlib.suppress(OSError):
                    os.ftruncate(self._stream.fileno(), start)
                    self._stream.seek(start)
            raise

    def close(self) -> None:
        """Close the underlying file (never stdout)."""
        if self._durable:
            self._stream.close()


def replace_atomically(path: Path, content: bytes) -> None:
    """Write `content` to a sibling temporary file, fsync it, and rename it over `path`."""
    temporary = path.with_name(f".{path.name}.partial-{os.getpid()}")
    with temporary.open("wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    with contextlib.suppress(OSError):
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
