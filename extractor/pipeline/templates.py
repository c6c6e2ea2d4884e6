"""The prompt templates: every text the model is sent, kept as data in the top-level `prompts/`.

A checkout or an editable install reads them from the repository's `prompts/`; a wheel carries
them inside the package (`extractor/prompts/`). They are read once, and their version is the
digest of exactly what is rendered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import jinja2

from extractor.errors import ConfigurationError

TEMPLATE_SUFFIX = ".j2"
PACKAGE = Path(__file__).resolve().parents[1]
PLACES = (PACKAGE / "prompts", PACKAGE.parent / "prompts")
"""Where the templates are looked for: inside the package (a wheel), then beside it (a
checkout or an editable install)."""
MARKER = "system" + TEMPLATE_SUFFIX
"""A folder holding this template is the templates' folder."""


@dataclass(frozen=True)
class Templates:
    """The templates of one folder, by name (without the suffix), as read when loaded."""

    directory: Path
    sources: Mapping[str, bytes] = field(repr=False)

    @classmethod
    def load(cls, directory: Path) -> Templates:
        """Read every template of `directory`."""
        paths = sorted(directory.glob("*" + TEMPLATE_SUFFIX))
        return cls(
            directory,
            {path.name.removesuffix(TEMPLATE_SUFFIX): path.read_bytes() for path in paths},
        )

    def render(self, name: str, **values: object) -> str:
        """The template `name` rendered with `values`, without surrounding whitespace."""
        return self._environment.get_template(name + TEMPLATE_SUFFIX).render(**values).strip()

    def version(self) -> str:
        """A short digest of every template: it changes whenever any template changes."""
        digest = hashlib.sha256()
        for file_name, source in sorted((n + TEMPLATE_SUFFIX, s) for n, s in self.sources.items()):
            digest.update(file_name.encode("utf-8") + b"\0" + source + b"\0")
        return digest.hexdigest()[:12]

    @cached_property
    def _environment(self) -> jinja2.Environment:
        texts = {name + TEMPLATE_SUFFIX: s.decode("utf-8") for name, s in self.sources.items()}
        return jinja2.Environment(
            loader=jinja2.DictLoader(texts),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=False,
            autoescape=False,
        )


def prompts_directory() -> Path:
    """The folder the templates are read from: inside the package, else beside it."""
    for place in PLACES:
        if (place / MARKER).is_file():
            return place
    raise ConfigurationError(
        f"no prompt templates found in {' or '.join(map(str, PLACES))}; reinstall the package "
        "(pip install arabic-fact-extractor), or in a checkout restore them: git checkout prompts"
    )


@cache
def templates() -> Templates:
    """The templates this process renders its prompts from, read on first use."""
    return Templates.load(prompts_directory())
