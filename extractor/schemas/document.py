"""The whole output for one article: facts, verification checks and provenance."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from extractor.schemas.facts import ArmsDeal, Embargo, Meeting

CheckStatus = Literal["exact", "normalized", "fuzzy", "unsupported", "contradicted"]
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


class UncoveredNumber(BaseModel):
    """A salient number of the source (quantity, money, resolution, year) that no fact uses."""

    text: str
    value: float
    span: tuple[int, int]


class Attempt(BaseModel):
    """One LLM answer in the reask loop and what the verifier made of it."""

    attempt: int
    failed_checks: int
    fixed: list[str] = Field(default_factory=list, description="Paths a reask repaired.")
    still_failing: list[str] = Field(default_factory=list)


class Provenance(BaseModel):
    """Where a Document came from: source fingerprint, backend, model, prompts, cost.

    Open to extra keys so other stages (coverage, attempts) can record what they did.
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


class Document(BaseModel):
    """The extractor's output for one article (contract.md)."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    published: dt.date | None = None
    meetings: list[Meeting] = Field(default_factory=list)
    arms_deals: list[ArmsDeal] = Field(default_factory=list)
    embargoes: list[Embargo] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)
