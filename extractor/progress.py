"""What a run is doing while it does it: the stages of starting a backend and of extracting a
document, and each document finished, told to the callback of whoever asked.

Reporting follows the task, as usage metering does (extractor.llm.metering): a caller opens
`reporting(callback)` around the work it wants to hear about, and the code doing the work calls
`report(event)`; with no callback open, reporting costs a context-variable read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from extractor.schemas import Document

StageName = Literal["model", "server", "instructions", "answer", "repair", "recall"]
"""Backend stages (`model`: assembling the built-in model; `server`: starting llama.cpp;
`instructions`: evaluating the fixed instructions) and document stages (`answer`: the first
answer about a fact kind; `repair`: a round of repair questions; `recall`: a recall question
about a kind)."""

BACKEND_STAGES: tuple[StageName, ...] = ("model", "server", "instructions")


@dataclass(frozen=True)
class Stage:
    """A stage that has just begun, with a line saying what it is, e.g. `meetings: call 1 of 3`."""

    name: StageName
    message: str
    doc_id: str | None = None
    """The document it belongs to; None for a backend stage."""
    kind: str | None = None
    """The fact kinds asked about (`answer`, `recall`), comma-separated."""
    call: int = 0
    """The number of this call among the document's LLM calls so far (0 for backend stages)."""


@dataclass(frozen=True)
class DocumentDone:
    """A document finished: its facts, or the error that took its place, and its seconds."""

    doc_id: str
    seconds: float
    facts: int = 0
    flagged: int = 0
    """Facts with a failed check."""
    error: str | None = None
    """`Type: message` of a failed document; None when it was extracted."""

    @classmethod
    def of(cls, document: Document, seconds: float) -> DocumentDone:
        """The event of `document`, extracted in `seconds`: its facts and flagged values."""
        from extractor.schemas import FACT_KINDS  # here: the stages need no pydantic

        facts = sum(len(getattr(document, kind)) for kind in FACT_KINDS)
        return cls(document.doc_id, seconds, facts, sum(c.failed for c in document.checks))

    def line(self) -> str:
        """This event in one line of a log: `doc: 3 facts, 1 flagged in 21.4 s`."""
        if self.error is not None:
            return f"{self.doc_id}: failed in {self.seconds:.1f} s ({self.error.split(':')[0]})"
        facts = f"{self.facts} fact{'' if self.facts == 1 else 's'}"
        return f"{self.doc_id}: {facts}, {self.flagged} flagged in {self.seconds:.1f} s"


@dataclass(frozen=True)
class CallDone:
    """One LLM call of a document ended: its seconds, and what the server said of it.

    `server` holds llama.cpp's per-request timings (extractor.llm.client.SERVER_TIMINGS):
    `prompt_evaluated_tokens`, `prompt_cached_tokens` (reused from the server's cache),
    `generated_tokens`, and the seconds of each phase, `prompt_eval_s` and `generation_s`;
    it is empty for servers that report none, cached answers and failed calls.
    """

    doc_id: str
    call: int
    stage: StageName
    seconds: float
    server: Mapping[str, float]


@dataclass(frozen=True)
class Notice:
    """Something to tell the user now, before the work it concerns (cores already busy)."""

    message: str


ProgressEvent = Stage | CallDone | DocumentDone | Notice
ProgressCallback = Callable[[ProgressEvent], None]
"""Called, in the thread that does the work, with each event; it should return quickly."""

_LISTENERS: ContextVar[tuple[ProgressCallback, ...]] = ContextVar("progress", default=())


@contextmanager
def reporting(callback: ProgressCallback | None) -> Iterator[None]:
    """Tell `callback` every event reported inside the block (in this task and its children)."""
    if callback is None:
        yield
        return
    token = _LISTENERS.set((*_LISTENERS.get(), callback))
    try:
        yield
    finally:
        _LISTENERS.reset(token)


def report(event: ProgressEvent) -> None:
    """Tell every open callback of this task about `event`."""
    for callback in _LISTENERS.get():
        callback(event)
