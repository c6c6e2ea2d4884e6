"""The deadline formula that help texts quote is the one the code computes."""

from __future__ import annotations

import pytest

from extractor.deadlines import (
    DEFAULT_DOCUMENT_TIMEOUT,
    DEFAULT_MAX_REASKS,
    DEFAULT_RECALL_ROUNDS,
    DEFAULT_TIMEOUT,
    deadline_formula,
    document_deadline,
)


@pytest.mark.parametrize(
    ("timeout", "max_reasks", "recall_rounds"), [(120.0, 2, 1), (30.0, 0, 0), (7.5, 5, 3)]
)
def test_the_formula_in_words_computes_the_deadline(
    timeout: float, max_reasks: int, recall_rounds: int
) -> None:
    words = deadline_formula(str(timeout), str(recall_rounds), str(max_reasks))
    assert eval(words.replace("×", "*")) == document_deadline(timeout, max_reasks, recall_rounds)


def test_the_default_deadline_is_the_one_of_the_default_settings() -> None:
    defaults = document_deadline(DEFAULT_TIMEOUT, DEFAULT_MAX_REASKS, DEFAULT_RECALL_ROUNDS)
    assert defaults == DEFAULT_DOCUMENT_TIMEOUT == 1920
