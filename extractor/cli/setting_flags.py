"""The option of `extractor run` that sets each setting: messages from the layers below name
settings as the Python API does (`` `timeout` ``, `` `cache=False` ``, `` `api_key` (or
OPENAI_API_KEY) ``), and the CLI shows them as its own flags."""

from __future__ import annotations

import regex

RUN_FLAGS: dict[str, str | None] = {
    "backend": "--backend",
    "model": "--model",
    "gguf": "--gguf",
    "base_url": "--base-url",
    "api_key": None,
    "concurrency": "--concurrency",
    "timeout": "--timeout",
    "max_reasks": "--max-reasks",
    "recall_rounds": "--recall-rounds",
    "constrained": "--constrained",
    "constrained=False": "--free-recall",
    "choose_first": "--choose-first",
    "strict": "--strict",
    "every_kind": "--every-kind",
    "cache": None,
    "cache=False": "--no-cache",
    "cache_dir": None,
    "document_timeout": "--document-timeout",
    "chunk_chars": "--chunk-chars",
}
"""Each setting (or setting=value) by the flag of `extractor run` that sets it; None: no flag
(an environment variable may stand for it, as OPENAI_API_KEY does for `api_key`)."""

_NAMED = regex.compile(
    r"`(?P<setting>[a-z_]+(?:=[A-Za-z0-9_]+)?)`(?P<alternative> \(or (?P<variable>[A-Z_]+)\))?"
)
"""A setting as a message names it, with the environment variable that may stand for it."""


def as_flags(message: str) -> str:
    """`message` with each setting it names written as the flag that sets it (or, for a setting
    without a flag, as its environment variable); settings the CLI does not know stay."""
    shown: str = _NAMED.sub(_flag, message)
    return shown


def _flag(named: regex.Match[str]) -> str:
    """The flag (and variable) of one named setting."""
    setting, whole = str(named["setting"]), str(named[0])
    if setting not in RUN_FLAGS:
        return whole
    flag = RUN_FLAGS[setting]
    if flag is None:
        return str(named["variable"] or whole)
    return flag + str(named["alternative"] or "")
