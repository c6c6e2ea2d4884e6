"""Arabic fact extractor: verified meetings, delegates, arms deals and embargoes from news."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from extractor.verify import verify_document as verify

if TYPE_CHECKING:
    from extractor.api import Extractor, aextract, extract

__version__ = "0.1.0"

__all__ = ["Extractor", "__version__", "aextract", "extract", "verify"]

# `verify` is bound eagerly on purpose: the subpackage extractor.verify has the same name, and
# importing it would otherwise leave `from extractor import verify` returning the module.


def __getattr__(name: str) -> Any:
    """Import the API on first use, so `import extractor` stays light (no openai, no llama.cpp)."""
    if name in {"Extractor", "aextract", "extract"}:
        from extractor import api

        return getattr(api, name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
