"""Every setting of an Extractor in one frozen model, in three groups: the backend (where and how
requests go), quality (what the pipeline asks and keeps) and the run (cache, deadline, chunks).

Its validation is the one check of a setting: a wrong value raises ConfigurationError naming
the setting, before any backend starts. The API takes it (`Extractor(settings=...)`, or its
keyword settings, `Settings.of`), the pipeline takes the quality group, Ray ships it to its
actors (it pickles) and the CLI builds it from its options. Messages name settings as Python
names them (`timeout`); the CLI says which option sets each. This module imports only pydantic
and the shared defaults, so the CLI's `--help` stays fast.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core.core_schema import ValidatorFunctionWrapHandler

from extractor.article_text import MIN_CHUNK_CHARS
from extractor.deadlines import DEFAULT_MAX_REASKS, DEFAULT_RECALL_ROUNDS, DEFAULT_TIMEOUT
from extractor.errors import ConfigurationError

BackendName = Literal["embedded", "openai"]
BACKEND_NAMES: tuple[BackendName, ...] = ("embedded", "openai")


class SettingsGroup(BaseModel):
    """A frozen group of settings; a value it cannot take is a ConfigurationError."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @model_validator(mode="wrap")
    @classmethod
    def _as_configuration_error(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        """pydantic's own refusals (a str where a bool goes, an unknown name) as one-line
        ConfigurationErrors, as the settings' own checks raise them."""
        try:
            return handler(data)
        except ValidationError as exc:
            raise ConfigurationError(_first_error(exc)) from None


class BackendGroup(SettingsGroup):
    """Where requests go and how many at once, each within how long."""

    backend: BackendName | None = None
    """`embedded` (the built-in llama.cpp model) or `openai` (any OpenAI-compatible endpoint);
    None: `openai` when `base_url` or OPENAI_BASE_URL is set, else `embedded`."""
    model: str | None = None
    """The model name at the endpoint (OPENAI_MODEL may stand for it)."""
    gguf: Path | None = None
    """A GGUF model file for the embedded backend (None: the built-in model)."""
    base_url: str | None = Field(default=None, repr=False)
    """The OpenAI-compatible endpoint (or OPENAI_BASE_URL); not shown: it may hold a password."""
    api_key: str | None = Field(default=None, repr=False)
    """The endpoint's API key (or OPENAI_API_KEY); never shown."""
    concurrency: int | None = None
    """Documents in flight at once (None: 8 for an endpoint, the embedded server's slots)."""
    timeout: float = DEFAULT_TIMEOUT
    """Seconds one LLM request may take, its whole answer included."""

    @field_validator("backend", mode="before")
    @classmethod
    def _known_backend(cls, value: object) -> object:
        if value is not None and value not in BACKEND_NAMES:
            raise ConfigurationError(
                f"backend must be one of {', '.join(BACKEND_NAMES)}, not {value!r}"
            )
        return value

    @field_validator("concurrency", mode="before")
    @classmethod
    def _concurrency(cls, value: object) -> object:
        return _whole_number("concurrency", value, minimum=1, optional=True)

    @field_validator("timeout", mode="before")
    @classmethod
    def _timeout(cls, value: object) -> object:
        return _seconds("timeout", value, optional=False)


class QualityGroup(SettingsGroup):
    """What the pipeline asks the model about a document, and what it keeps of the answers."""

    max_reasks: int = DEFAULT_MAX_REASKS
    """Rounds a document is sent back with its failed checks."""
    recall_rounds: int = DEFAULT_RECALL_ROUNDS
    """Rounds of recall questions about what no fact accounts for (0: none)."""
    constrained: bool = True
    """Recall replies choose among the article's spans (an enum) instead of writing them."""
    choose_first: bool = False
    """An experiment: the first answers' names and designations choose among the article's
    candidates instead of writing them."""
    strict: bool = False
    """Drop the values the verifier could not support."""
    every_kind: bool = False
    """Ask about every fact kind; by default a kind the article has no words for, or could not
    support a fact of (`verify.fact_kinds.reportable_kinds`), is not asked about."""

    @field_validator("max_reasks", "recall_rounds", mode="before")
    @classmethod
    def _rounds(cls, value: object, info: Any) -> object:
        return _whole_number(info.field_name, value, minimum=0, optional=False)


class RunGroup(SettingsGroup):
    """The response cache, each document's deadline, and the chunks of a long text."""

    cache: bool = True
    """Reuse (and keep) the LLM's answers in the response cache."""
    cache_dir: Path | None = None
    """The response cache's folder (None: the user's cache folder)."""
    document_timeout: float | None = None
    """Seconds one document may take in all, per chunk (None: from `timeout` and the rounds)."""
    chunk_chars: int | None = None
    """Longest text extracted in one piece (None: what the embedded model's context holds;
    endpoints: no chunks)."""

    @field_validator("document_timeout", mode="before")
    @classmethod
    def _document_timeout(cls, value: object) -> object:
        return _seconds("document_timeout", value, optional=True)

    @field_validator("chunk_chars", mode="before")
    @classmethod
    def _chunk_chars(cls, value: object) -> object:
        return _whole_number("chunk_chars", value, minimum=MIN_CHUNK_CHARS, optional=True)


class Settings(SettingsGroup):
    """Every setting of an Extractor (each group's defaults unless given)."""

    backend: BackendGroup = BackendGroup()
    quality: QualityGroup = QualityGroup()
    run: RunGroup = RunGroup()

    @classmethod
    def of(cls, **settings: Any) -> Self:
        """The Settings of flat keyword settings (`timeout=30, strict=True`), each put in the
        group that has a field of its name; an unknown name is a ConfigurationError."""
        groups: dict[str, dict[str, Any]] = {name: {} for name in cls.model_fields}
        for name, value in settings.items():
            groups[_group_of(cls, name)][name] = value
        return cls.model_validate(groups)

    def flat(self) -> dict[str, Any]:
        """Every setting by its own name, across the groups (the inverse of `of`)."""
        return {
            name: value
            for group in (getattr(self, field) for field in type(self).model_fields)
            for name, value in group
        }


def chosen_settings(settings: Settings | None, options: Mapping[str, Any]) -> Settings:
    """`settings`, or else the Settings of the keyword settings `options` (how the API and Ray
    take them); both at once is a ConfigurationError."""
    if settings is not None and options:
        raise ConfigurationError(
            f"give settings= or keyword settings ({', '.join(options)}), not both"
        )
    return settings if settings is not None else Settings.of(**options)


def _group_of(settings: type[Settings], name: str) -> str:
    """The group of `settings` that holds the setting `name`."""
    for group, field in settings.model_fields.items():
        model = field.annotation
        if isinstance(model, type) and issubclass(model, BaseModel) and name in model.model_fields:
            return group
    raise ConfigurationError(f"there is no setting {name!r}")


def _whole_number(name: str, value: object, *, minimum: int, optional: bool) -> object:
    """`value` when it is an int (not a bool) of at least `minimum` (or None when optional)."""
    if optional and value is None:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value >= minimum:
        return value
    raise ConfigurationError(f"{name} must be a whole number ≥ {minimum}, not {value!r}")


def _seconds(name: str, value: object, *, optional: bool) -> object:
    """`value` when it is a finite number of seconds > 0 (or None when optional)."""
    if optional and value is None:
        return value
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value > 0
    ):
        return value
    raise ConfigurationError(f"{name} must be a number of seconds > 0, not {value!r}")


def _first_error(exc: ValidationError) -> str:
    """The first thing pydantic refused, as `setting: what is wrong (value)`."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "settings"
    if first["type"] == "extra_forbidden":
        return f"there is no setting {where!r}"
    return f"{where}: {first['msg'].lower()}, not {first['input']!r}"
