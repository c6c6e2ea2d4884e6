"""The leaf values of a Document: what gets a Check, with the path the contract names it by."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from extractor.schemas import FACT_KINDS, ArmsDeal, Document, Embargo, Meeting, Money
from extractor.schemas.roles import ENUMERATIONS

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
            yield from _model_leaves(fact, f"{kind}[{index}]", fact)


def _model_leaves(model: BaseModel, prefix: str, fact: Fact) -> Iterator[Leaf]:
    for name in type(model).model_fields:
        if name in ENUMERATIONS:
            continue
        value = getattr(model, name)
        path = f"{prefix}.{name}"
        if isinstance(value, list):
            for index, element in enumerate(value):
                yield from _value_leaves(element, f"{path}[{index}]", name, model, fact)
        else:
            yield from _value_leaves(value, path, name, model, fact)


def _value_leaves(
    value: object, path: str, name: str, holder: BaseModel, fact: Fact
) -> Iterator[Leaf]:
    if value is None:
        return
    if isinstance(value, BaseModel):
        yield from _model_leaves(value, path, fact)
    elif isinstance(value, str | int | float):
        yield Leaf(path=path, field=name, value=value, holder=holder, fact=fact)
