"""The contract's JSON Schemas as files, for users outside Python: one per model, generated from
the pydantic models (`extractor schema --write schemas/` writes the repository's `schemas/`)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from extractor.register.entry import Entry
from extractor.schemas import MODELS

PUBLISHED: dict[str, type[BaseModel]] = {**MODELS, "RegisterEntry": Entry}
"""Every model with a schema file, by name: the contract's, and the register's entry (what
`Register.entries()` returns)."""

SUFFIX = ".json"


def schema_text(model: type[BaseModel]) -> str:
    """The model's JSON Schema as written: indented, Arabic unescaped."""
    return json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2)


def schema_files() -> dict[str, str]:
    """Each schema file's name and content, as the models define them now."""
    return {name + SUFFIX: schema_text(model) + "\n" for name, model in PUBLISHED.items()}


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema file into `folder` (made if missing); the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in schema_files().items():
        path = folder / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written
