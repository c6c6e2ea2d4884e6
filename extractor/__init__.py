"""Arabic fact extractor: verified meetings, delegates, arms deals and embargoes from news."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from extractor.arguments import verify
from extractor.errors import (
    BackendError,
    ConfigurationError,
    DeadlineError,
    ExtractionError,
    ExtractorError,
    InputError,
)
from extractor.schemas import (
    ArmsDeal,
    ArmsItem,
    Check,
    Delegate,
    Document,
    Embargo,
    Meeting,
    Money,
    Provenance,
)

if TYPE_CHECKING:
    from extractor.api import Extractor, aextract, extract

try:
    __version__ = version("arabic-fact-extractor")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "ArmsDeal",
    "ArmsItem",
    "BackendError",
    "Check",
    "ConfigurationError",
    "DeadlineError",
    "Delegate",
    "Document",
    "Embargo",
    "ExtractionError",
    "Extractor",
    "ExtractorError",
    "InputError",
    "Meeting",
    "Money",
    "Provenance",
    "__version__",
    "aextract",
    "extract",
    "verify",
]

# `verify` is bound eagerly on purpose: the subpackage extractor.verify has the same name, and
# importing it would otherwise leave `from extractor import verify` returning the module.


def __getattr__(name: str) -> Any:
    """Import the API on first use, so `import extractor` stays light (no openai, no llama.cpp)."""
    if name in {"Extractor", "aextract", "extract"}:
        from extractor import api

        return getattr(api, name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
