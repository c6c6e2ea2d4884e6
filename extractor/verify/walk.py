"""The leaf values of a Document: what gets a Check, with the path the contract names it by."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from pydantic import BaseModel

from extractor.schemas import FACT_KINDS, ArmsDeal, Document, Embargo, Meeting, Money
from extractor.schemas.roles import ENUMERATIONS
from extractor.verify.paths import CheckPath

Fact = Meeting | ArmsDeal | Embargo

Scalar = str | int | float


@dataclass(frozen=True, slots=True)
class Leaf:
    """One checkable value: where it is, what field it fills, and the models around it."""

    path: str
    field: str
    value: Scalar
    holder: BaseModel
    fact: Fact

    @property
    def label(self) -> str:
        """How a message names the field: `quantity`, `value.amount`, `titles`."""
        return f"value.{self.field}" if isinstance(self.holder, Money) else self.field


def leaves(document: Document) -> Iterator[Leaf]:
    """Every non-null, non-enumeration leaf of the document's facts, in document order."""
    for kind in FACT_KINDS:
        facts: list[Fact] = getattr(document, kind)
        for index, fact in enumerate(facts):
            yield from _model_leaves(fact, CheckPath.fact(kind, index), fact)


def _model_leaves(model: BaseModel, prefix: CheckPath, fact: Fact) -> Iterator[Leaf]:
    for name in type(model).model_fields:
        if name in ENUMERATIONS:
            continue
        value = getattr(model, name)
        if isinstance(value, list):
            for index, element in enumerate(value):
                yield from _value_leaves(element, prefix.then(name, index), name, model, fact)
        else:
            yield from _value_leaves(value, prefix.then(name), name, model, fact)


def _value_leaves(
    value: object, path: CheckPath, name: str, holder: BaseModel, fact: Fact
) -> Iterator[Leaf]:
    if value is None:
        return
    if isinstance(value, BaseModel):
        yield from _model_leaves(value, path, fact)
    elif isinstance(value, str | int | float):
        yield Leaf(path=str(path), field=name, value=value, holder=holder, fact=fact)


def _walk(document: Document, path: str) -> tuple[object, str, int | None]:
    """The object holding the last step of `path`, that step's field and its list index."""
    *steps, last = CheckPath.parse(path).steps
    target: object = document
    for step in steps:
        target = getattr(target, step.name)
        if step.index is not None:
            assert isinstance(target, list)
            target = target[step.index]
    return target, last.name, last.index


def get_path(document: Document, path: str) -> object:
    """The value at a Check path (`arms_deals[0].items[1].quantity`)."""
    holder, name, index = _walk(document, path)
    value = getattr(holder, name)
    return value if index is None else value[index]


def with_values(document: Document, changes: Mapping[str, object]) -> Document:
    """A deep copy of `document` with the values at the given Check paths replaced."""
    copy = document.model_copy(deep=True)
    for path, value in changes.items():
        holder, name, index = _walk(copy, path)
        if index is None:
            setattr(holder, name, value)
        else:
            getattr(holder, name)[index] = value
    return copy
