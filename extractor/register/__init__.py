"""The cross-document register: one entry per real-world fact, with every source that reports
it and every value the sources give, in SQLite or any SQLAlchemy database."""

from extractor.facts.occasions import Windows
from extractor.register.entry import Entry, EntrySource, FieldValue
from extractor.register.store import (
    DEFAULT_URL,
    AddReport,
    Register,
    RegisterError,
    database_url,
    document_key,
)

__all__ = [
    "DEFAULT_URL",
    "AddReport",
    "Entry",
    "EntrySource",
    "FieldValue",
    "Register",
    "RegisterError",
    "Windows",
    "database_url",
    "document_key",
]
