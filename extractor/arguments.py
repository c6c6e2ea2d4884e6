"""The public API's request arguments, checked before any model call: a wrong type or value
raises InputError with a message, never an AttributeError from deep inside, and never after
the LLM calls were paid for (the settings check themselves: extractor.settings)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError

from extractor.errors import InputError
from extractor.schemas import Document
from extractor.verify import verify_document


def checked_request(text: object, doc_id: object, published: object) -> tuple[str, dt.date | None]:
    """The text and publication date of one extraction request, or InputError."""
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise InputError(f"doc_id must be a non-empty str, not {doc_id!r}")
    if isinstance(text, bytes | bytearray):
        raise InputError(f"{doc_id}: text is bytes; decode it first (text.decode('utf-8'))")
    if not isinstance(text, str):
        raise InputError(f"{doc_id}: text must be a str, not {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{doc_id}: the document is empty")
    return text, _date(published, doc_id)


def _date(published: object, doc_id: str) -> dt.date | None:
    """A publication date from a date, a datetime or an ISO `YYYY-MM-DD` string."""
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published)
        except ValueError:
            pass
    raise InputError(f"{doc_id}: published must be a date or 'YYYY-MM-DD', not {published!r}")


def verify(document: Document | dict[str, Any], text: str) -> Document:
    """A copy of `document` (a Document or a dict of one) with its checks filled against `text`
    (no model involved); InputError for anything else. The public `extractor.verify`."""
    checked = checked_document(document)
    if not isinstance(text, str):
        raise InputError(f"verify() needs the source text as a str, not {type(text).__name__}")
    return verify_document(checked, text)


def checked_document(document: object) -> Document:
    """A Document to verify: a Document, or a dict in the contract's shape."""
    if isinstance(document, Document):
        return document
    if not isinstance(document, dict):
        raise InputError(
            f"verify() needs a Document or a dict of one, not {type(document).__name__}"
        )
    try:
        return Document.model_validate(document)
    except ValidationError as exc:
        raise InputError(f"not a contract Document: {_first_error(exc)}") from None


def _first_error(exc: ValidationError) -> str:
    first: dict[str, Any] = dict(exc.errors()[0])
    where = ".".join(str(part) for part in first["loc"]) or "(document)"
    return f"{where}: {first['msg']} ({exc.error_count()} errors)"
