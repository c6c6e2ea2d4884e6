"""`chunk_chars` of the wrong type or too small is a ConfigurationError that says what is wanted,
like every other Extractor setting, never a TypeError from a comparison deep inside."""

from __future__ import annotations

import pytest

from extractor.api import Extractor
from extractor.errors import ConfigurationError
from extractor.testing import FakeOpenAIServer


@pytest.mark.parametrize("chunk_chars", ["abc", 1.5, True, 50, [700]], ids=repr)
def test_a_chunk_size_that_is_no_whole_number_of_characters_is_refused(
    server: FakeOpenAIServer, chunk_chars: object
) -> None:
    with pytest.raises(ConfigurationError, match="chunk_chars must be a whole number"):
        Extractor(
            backend="openai", base_url=server.base_url, model="x", cache=False,
            chunk_chars=chunk_chars,
        )  # fmt: skip
