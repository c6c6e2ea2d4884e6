"""Check paths: where a value sits in a Document (`arms_deals[0].items[1].quantity`), parsed
and written in one place. A Check keeps its path as text (docs/contract.md); code that walks a
path reads it as a CheckPath."""

from __future__ import annotations

import re
from dataclasses import dataclass

_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a path: a field, and the position in it when the field is a list."""

    name: str
    index: int | None = None

    def __str__(self) -> str:
        return self.name if self.index is None else f"{self.name}[{self.index}]"


@dataclass(frozen=True, slots=True)
class CheckPath:
    """A path from a Document to one of its facts, records or values."""

    steps: tuple[Step, ...]

    @classmethod
    def parse(cls, text: str) -> CheckPath:
        """The path a Check's text names; its steps are the field names it holds, in order."""
        return cls(
            tuple(Step(m[1], None if m[2] is None else int(m[2])) for m in _STEP.finditer(text))
        )

    @classmethod
    def fact(cls, kind: str, index: int) -> CheckPath:
        """The path of one fact: `meetings[2]`."""
        return cls((Step(kind, index),))

    def then(self, name: str, index: int | None = None) -> CheckPath:
        """The path one step further: a field of this one, or an element of its list."""
        return CheckPath((*self.steps, Step(name, index)))

    @property
    def kind(self) -> str:
        """The fact kind the path starts from (`arms_deals`)."""
        return self.steps[0].name

    @property
    def field(self) -> str:
        """The field the path ends in (`quantity`, `titles`)."""
        return self.steps[-1].name

    def __str__(self) -> str:
        return ".".join(map(str, self.steps))
