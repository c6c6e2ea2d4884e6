"""Arabic fact extractor: verified meetings, delegates, arms deals and embargoes from news."""

from __future__ import annotations

import sys
import types
from importlib import import_module
from typing import TYPE_CHECKING, Any

from extractor.errors import (
    BackendError,
    ConfigurationError,
    DeadlineError,
    ExtractionError,
    ExtractorError,
    InputError,
)
from extractor.progress import (
    CallDone,
    DocumentDone,
    Notice,
    ProgressCallback,
    ProgressEvent,
    Stage,
)

if TYPE_CHECKING:
    from extractor.api import Extractor, aextract, extract
    from extractor.arguments import verify
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

    __version__: str

__all__ = [
    "ArmsDeal",
    "ArmsItem",
    "BackendError",
    "CallDone",
    "Check",
    "ConfigurationError",
    "DeadlineError",
    "Delegate",
    "Document",
    "DocumentDone",
    "Embargo",
    "ExtractionError",
    "Extractor",
    "ExtractorError",
    "InputError",
    "Meeting",
    "Money",
    "Notice",
    "ProgressCallback",
    "ProgressEvent",
    "Provenance",
    "Stage",
    "__version__",
    "aextract",
    "extract",
    "verify",
]

_LAZY = {
    **dict.fromkeys(("Extractor", "aextract", "extract"), "extractor.api"),
    "verify": "extractor.arguments",
    **dict.fromkeys(
        ("ArmsDeal", "ArmsItem", "Check", "Delegate", "Document", "Embargo", "Meeting", "Money"),
        "extractor.schemas",
    ),
    "Provenance": "extractor.schemas",
}
"""Public names imported on first use, so that `import extractor` (and `extractor --version`)
loads neither pydantic nor the verifier, openai nor llama.cpp."""


def __getattr__(name: str) -> Any:
    """A public name, imported the first time it is asked for."""
    if name == "__version__":
        value: Any = _version()
    elif name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module 'extractor' has no attribute {name!r}")
    globals()[name] = value
    return value


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("arabic-fact-extractor")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


class _Package(types.ModuleType):
    """This package, whose `verify` stays the function when the subpackage of that name is
    imported (the import system would otherwise bind the subpackage over it)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "verify" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
