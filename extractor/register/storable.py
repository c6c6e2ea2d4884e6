"""What a database cannot store (pure): PostgreSQL refuses a NUL character in text and every
backend a lone surrogate (not UTF-8), so a Document holding one is refused on its own rather
than failing the whole add."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from extractor.schemas import Document


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(inner, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _strings(inner, f"{path}[{index}]")


def unstorable(document: Document) -> str | None:
    """Why the register cannot store `document` (the first field that holds a NUL character or a
    lone surrogate), or None when it can."""
    for path, text in _strings(document.model_dump(mode="json"), ""):
        if "\x00" in text:
            return f"{path} holds a NUL character"
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                return f"{path} holds a lone surrogate (not UTF-8)"
    return None
