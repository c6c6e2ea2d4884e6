"""The conversation sent to the LLM, rendered from the templates in prompts/."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from extractor.llm.client import Message
from extractor.pipeline.rounds import QuestionRound
from extractor.pipeline.templates import templates

_QUOTED = re.compile(r'"([^"]+)"')


def _render(name: str, **values: object) -> str:
    return templates().render(name, **values)


def prompt_version() -> str:
    """A short digest of every template: it changes whenever any prompt text changes."""
    return templates().version()


@cache
def prompt_examples() -> frozenset[str]:
    """Every quoted value of the fixed instructions: the guidance's and the example's."""
    return frozenset(value.strip() for value in _QUOTED.findall(_render("system")))


def opening(article: str, task: str) -> list[Message]:
    """System instructions (identical for every document), the article, then the task.

    The order lets llama.cpp reuse the evaluated prefix: the instructions across documents,
    the article across the calls on one document.
    """
    return _conversation(article, _render(task))


def instructions() -> list[Message]:
    """What every conversation starts with: the fixed instructions, before any article."""
    return _conversation("", "")


def question_request(article: str, asked: QuestionRound[Any]) -> list[Message]:
    """A round of repair or recall questions: the same prefix, then the questions.

    A repair round lists the failing values with the verifier's message each; the previous
    answer itself is not shown, since the small model copies it back unchanged. A recall call
    lists the mentions no fact accounts for, one key each, and what the kind's questions ask
    (`recall_<kind>`).
    """
    values = {"questions": list(asked.questions), "kind": asked.kind}
    return _conversation(article, _render(asked.template, **values))


def _conversation(article: str, task: str) -> list[Message]:
    return [
        {"role": "system", "content": _render("system")},
        {"role": "user", "content": _render("user", article=article, task=task)},
    ]
