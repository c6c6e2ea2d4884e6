"""Arabic fact extractor: verified meetings, delegates, arms deals and embargoes from news."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.api import Extractor, aextract, extract, verify

__version__ = "0.1.0"

__all__ = ["Extractor", "__version__", "aextract", "extract", "verify"]


def __getattr__(name: str) -> Any:
    """Import the API on first use, so `import extractor` stays light (no openai, no llama.cpp)."""
    if name in {"Extractor", "aextract", "extract", "verify"}:
        from extractor import api

        return getattr(api, name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
