"""The errors the extractor raises on purpose: each says what went wrong and what to do."""

from __future__ import annotations


class ExtractorError(Exception):
    """Base of every error the extractor raises on purpose."""


class ConfigurationError(ExtractorError):
    """The setup is incomplete or inconsistent (a missing extra, model file or endpoint)."""


class BackendError(ExtractorError):
    """The LLM backend failed in a way retries could not fix (auth, bad request, exhausted)."""


class InputError(ExtractorError):
    """An input document cannot be read as an Arabic article (empty, binary, undecodable…)."""


class ExtractionError(BackendError):
    """No fact kind that was asked about got a usable answer: the document is not done."""


class DeadlineError(BackendError):
    """A document took longer than its deadline (`document_timeout`); it is not done."""
