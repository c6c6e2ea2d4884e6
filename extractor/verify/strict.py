"""Strict mode: keep only what the source supports.

Every record with a failed whole-record finding goes (a fact of the wrong kind, a participant
who is no person or not in the meeting, an item that is no weapon: docs/contract.md, rule 3).
Every value whose check failed is removed (an optional scalar becomes null, a category
`other`, a list element goes), then every record left without support goes too: an arms item
whose designation is unsupported, a delegate with neither a supported name nor a supported
title, a Money value whose text is unsupported, a meeting without participants, a deal without
items or value, an embargo whose target_text is unsupported. The surviving values keep their
checks, re-pathed to their new indices, so the result is verified without the source being
read again.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from extractor.schemas import FACT_KINDS, ArmsDeal, Delegate, Document, Meeting
from extractor.schemas.roles import DEFINING_FIELD

Model = TypeVar("Model", bound=BaseModel)


def drop_unsupported(document: Document) -> Document:
    """The document without unsupported or contradicted values, its checks re-pathed."""
    failed = {check.path for check in document.checks if check.failed}
    renames: dict[str, str] = {}
    updates: dict[str, list[BaseModel]] = {}
    for kind in FACT_KINDS:
        kept: list[BaseModel] = []
        for index, fact in enumerate(getattr(document, kind)):
            pruned = _prune(fact, f"{kind}[{index}]", f"{kind}[{len(kept)}]", failed, renames)
            if pruned is not None:
                kept.append(pruned)
        updates[kind] = kept
    checks = [
        check.model_copy(update={"path": renames[check.path]})
        for check in document.checks
        if check.path in renames
    ]
    return document.model_copy(update={**updates, "checks": checks})


def _prune(
    model: Model, old: str, new: str, failed: set[str], renames: dict[str, str]
) -> Model | None:
    """`model` without its failed values, or None when the whole record must go."""
    whole = DEFINING_FIELD.get(type(model))
    if old in failed or (whole is not None and f"{old}.{whole}" in failed):
        return None
    local: dict[str, str] = {}
    updates: dict[str, object] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        old_path, new_path = f"{old}.{name}", f"{new}.{name}"
        if isinstance(value, list):
            kept: list[object] = []
            for index, element in enumerate(value):
                old_element, new_element = f"{old_path}[{index}]", f"{new_path}[{len(kept)}]"
                if isinstance(element, BaseModel):
                    pruned = _prune(element, old_element, new_element, failed, local)
                    if pruned is not None:
                        kept.append(pruned)
                elif old_element not in failed:
                    local[old_element] = new_element
                    kept.append(element)
            updates[name] = kept
        elif isinstance(value, BaseModel):
            updates[name] = _prune(value, old_path, new_path, failed, local)
        elif old_path in failed:
            updates[name] = type(model).model_fields[name].get_default()
        else:
            local[old_path] = new_path
    pruned_model = model.model_copy(update=updates)
    if _left_without_support(model, pruned_model):
        return None
    renames.update(local)
    return pruned_model


def _left_without_support(before: BaseModel, after: BaseModel) -> bool:
    """True when pruning took away everything that made the record worth keeping."""
    if isinstance(before, Delegate) and isinstance(after, Delegate):
        had = before.name is not None or bool(before.titles)
        return had and after.name is None and not after.titles
    if isinstance(before, Meeting) and isinstance(after, Meeting):
        return bool(before.participants) and not after.participants
    if isinstance(before, ArmsDeal) and isinstance(after, ArmsDeal):
        had = bool(before.items) or before.value is not None
        return had and not after.items and after.value is None
    return False
