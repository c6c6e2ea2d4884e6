"""What a database cannot store (pure): PostgreSQL refuses a NUL character in text and a number
past its `integer` column, every backend a lone surrogate (not UTF-8) and SQLite a number past
64 bits, so a Document holding one is refused on its own rather than failing the whole add."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from extractor.schemas import Document

LARGEST_INTEGER = 2**31 - 1
"""The largest number an `integer` column holds on PostgreSQL (an item's number is one)."""


def _leaves(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every string and number of a dumped Document, with its dotted path."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _leaves(inner, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _leaves(inner, f"{path}[{index}]")
    else:
        yield path, value


def _problem(value: Any) -> str | None:
    """Why one value cannot be stored, or None."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > LARGEST_INTEGER:
        return f"holds the number {value}, past the register's largest ({LARGEST_INTEGER:,})"
    if not isinstance(value, str):
        return None
    if "\x00" in value:
        return "holds a NUL character"
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "holds a lone surrogate (not UTF-8)"
    return None


def unstorable(document: Document) -> str | None:
    """Why the register cannot store `document` (the first field that holds a NUL character, a
    lone surrogate or a number too large for the database), or None when it can."""
    for path, value in _leaves(document.model_dump(mode="json"), ""):
        problem = _problem(value)
        if problem is not None:
            return f"{path} {problem}"
    return None
