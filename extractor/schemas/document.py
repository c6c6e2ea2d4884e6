"""The whole output for one article: facts, verification checks and provenance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from extractor.schemas.facts import ArmsDeal, Embargo, Meeting

CheckStatus = Literal["exact", "normalized", "fuzzy", "unsupported", "contradicted"]
CHECK_STATUSES: tuple[CheckStatus, ...] = get_args(CheckStatus)
"""Check statuses from strongest support to worst (docs/contract.md, "Statuses")."""
FAILED_STATUSES: frozenset[str] = frozenset({"unsupported", "contradicted"})


class Check(BaseModel):
    """The verifier's finding for one leaf value (filled by the verifier, never by the LLM)."""

    model_config = ConfigDict(extra="forbid")

    path: str = Field(description="Dotted path of the value: arms_deals[0].items[1].quantity")
    value: Any = Field(description="The value that was checked.")
    status: CheckStatus
    span: tuple[int, int] | None = Field(
        default=None, description="Character offsets [start, end) into the ORIGINAL source text."
    )
    found: str | None = Field(default=None, description="The source text at span.")
    message: str = Field(default="", description="Why, in one line.")

    @property
    def failed(self) -> bool:
        """True when nothing in the source supports the value, or the source contradicts it."""
        return self.status in FAILED_STATUSES


class Usage(BaseModel):
    """Tokens and calls spent on one document (or summed over a run)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    llm_calls: int = 0
    retries: int = 0
    reasks: int = 0
    cache_hits: int = 0


def total_usage(parts: Iterable[Usage]) -> Usage:
    """The sum of several documents' (or chunks') usage."""
    total = Usage()
    for part in parts:
        for name in Usage.model_fields:
            setattr(total, name, getattr(total, name) + getattr(part, name))
    return total


class UncoveredNumber(BaseModel):
    """A salient number of the source (quantity, money, resolution, year) that no fact uses."""

    text: str
    value: float
    span: tuple[int, int]


MentionKind = Literal["person", "weapon", "resolution", "target"]


class UncoveredMention(BaseModel):
    """Something the source states that no fact accounts for: a person named with a title or in
    a delegation list, a weapon (a designation, or a weapon noun with a number), a resolution
    number, or a state or group under a sanction. `kind` is the fact kind that should hold it."""

    kind: str
    what: MentionKind
    text: str
    span: tuple[int, int]


class RecallRound(BaseModel):
    """One round of recall questions about one fact kind: the mentions asked about, and what
    the answers added to the facts."""

    round: int
    kind: str
    asked: list[str] = Field(default_factory=list)
    added: list[str] = Field(default_factory=list)


class Attempt(BaseModel):
    """One LLM answer in the reask loop and what the verifier made of it."""

    attempt: int
    failed_checks: int
    fixed: list[str] = Field(default_factory=list, description="Paths a reask repaired.")
    still_failing: list[str] = Field(default_factory=list)


def _unset(value: object) -> bool:
    return not value


class Provenance(BaseModel):
    """Where a Document came from: source fingerprint, backend, model, prompts, cost.

        Keys it does not know are kept, not refused: records written by older and newer versions
        stay readable. What only a model run records (strategy, what it skipped or met) is written
    only when set.
    """

    model_config = ConfigDict(extra="allow")

    source_sha256: str | None = None
    source_length: int | None = None
    backend: str | None = None
    model: str | None = None
    prompt_version: str | None = None
    timings: dict[str, float] = Field(default_factory=dict)
    usage: Usage = Field(default_factory=Usage)
    attempts: list[Attempt] = Field(default_factory=list)
    uncovered_numbers: list[UncoveredNumber] = Field(default_factory=list)
    uncovered_mentions: list[UncoveredMention] = Field(
        default_factory=list,
        exclude_if=_unset,
        description="Persons, weapons, resolutions and sanction targets no fact accounts for.",
    )
    recall: list[RecallRound] = Field(
        default_factory=list,
        exclude_if=_unset,
        description="The recall questions asked per round and kind, and what each added.",
    )
    repeats_dropped: int = Field(
        default=0,
        exclude_if=_unset,
        description="Answer entries dropped as repeats of an earlier one (list padding).",
    )
    strategy: str | None = Field(
        default=None,
        exclude_if=_unset,
        description="How the facts were asked for: per_kind or single.",
    )
    kinds_not_mentioned: list[str] = Field(
        default_factory=list,
        exclude_if=_unset,
        description="Fact kinds not asked about: the article has no words for them, or no "
        "sentence that could support one (a deal: a military and a transfer word; an embargo: "
        "a stated measure).",
    )
    records_withdrawn: list[str] = Field(
        default_factory=list,
        exclude_if=_unset,
        description="Why each fact of the wrong kind was withdrawn unasked "
        "(docs/contract.md, rule 3).",
    )
    roles_resolved: list[str] = Field(
        default_factory=list,
        exclude_if=_unset,
        description="Facts corrected from the article's cues: a meeting's host where a verb or "
        "a destination contradicts it, a deal's buyer and seller where a sale verb reverses "
        "them, an embargo's kind where its sentences name no weapon (docs/contract.md, rule 3).",
    )
    strict_removed: list[str] = Field(
        default_factory=list,
        exclude_if=_unset,
        description="Paths `--strict` removed or nulled: failed values, disputed roles, records "
        "whose kind the text refutes (paths before removal).",
    )
    prompt_examples_withdrawn: list[str] = Field(
        default_factory=list,
        exclude_if=_unset,
        description="Values withdrawn as copies of the prompt's own examples.",
    )
    errors: list[str] = Field(
        default_factory=list,
        exclude_if=_unset,
        description="LLM answers that were cut off or did not fit their schema.",
    )
    chunks: int | None = Field(
        default=None,
        exclude_if=_unset,
        description="How many chunks the text was extracted in (1: in one piece).",
    )
    chunk_attempts: list[list[Attempt]] = Field(
        default_factory=list,
        exclude_if=_unset,
        description="Each chunk's attempts, in chunk order, when the text was chunked.",
    )
    kinds_failed: list[str] = Field(
        default_factory=list,
        exclude_if=_unset,
        description="Fact kinds asked about that got no usable answer: the Document is "
        "incomplete, and `extractor run --resume` redoes it.",
    )
    input_warnings: list[str] = Field(
        default_factory=list,
        exclude_if=_unset,
        description="What reading the article had to repair (bytes that were not UTF-8).",
    )


class Source(BaseModel):
    """Where the article came from, when the caller says so (its sidecar or JSONL fields)."""

    model_config = ConfigDict(extra="forbid")

    outlet: str | None = Field(default=None, description="The publisher (BBC, SkyNews).")
    url: str | None = Field(default=None, description="The article's address.")


class Document(BaseModel):
    """The extractor's output for one article (docs/contract.md)."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    published: dt.date | None = None
    source: Source | None = None
    meetings: list[Meeting] = Field(default_factory=list)
    arms_deals: list[ArmsDeal] = Field(default_factory=list)
    embargoes: list[Embargo] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)


FactKind = Literal["meetings", "arms_deals", "embargoes"]
"""A fact kind, named as the Document's list of it; every per-kind table is keyed by it."""

FACT_KINDS: tuple[FactKind, ...] = get_args(FactKind)
"""The fact kinds in the Document's field order: `meetings`, `arms_deals`, `embargoes`."""


def fact_kind(name: str) -> FactKind:
    """The fact kind of that name (a `--kind` choice, a register block's prefix); ValueError
    for any other."""
    for kind in FACT_KINDS:
        if kind == name:
            return kind
    raise ValueError(f"not a fact kind: {name!r} (one of {', '.join(FACT_KINDS)})")
