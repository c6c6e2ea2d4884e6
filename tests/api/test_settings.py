"""One settings object: grouped and frozen, checked once, taken whole by the Extractor (or in
its keyword form), the quality group by the pipeline, and shipped to Ray actors by pickle."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from extractor.api import Extractor
from extractor.errors import ConfigurationError
from extractor.settings import BackendGroup, QualityGroup, RunGroup, Settings
from extractor.testing import FakeOpenAIServer


def _endpoint(server: FakeOpenAIServer) -> BackendGroup:
    return BackendGroup(backend="openai", base_url=server.base_url, model="x", api_key="sk-1")


def test_keyword_settings_are_the_flat_form_of_the_grouped_model(server: FakeOpenAIServer) -> None:
    flat: dict[str, Any] = {
        "backend": "openai",
        "base_url": server.base_url,
        "model": "x",
        "api_key": "sk-1",
        "strict": True,
        "recall_rounds": 0,
        "cache": False,
        "chunk_chars": 700,
    }
    grouped = Settings(
        backend=_endpoint(server),
        quality=QualityGroup(strict=True, recall_rounds=0),
        run=RunGroup(cache=False, chunk_chars=700),
    )
    assert Settings.of(**flat) == grouped
    assert Settings.of(**grouped.flat()) == grouped
    with Extractor(**flat) as by_keywords, Extractor(settings=grouped) as by_model:
        assert by_keywords.settings == by_model.settings == grouped
        assert by_model.pipeline.quality is grouped.quality
        assert by_model.chunk_chars == 700


def test_settings_are_frozen_and_pickle_with_their_values() -> None:
    settings = Settings.of(backend="openai", api_key="sk-1", gguf="model.gguf", timeout=30)
    assert pickle.loads(pickle.dumps(settings)) == settings
    assert settings.backend.gguf == Path("model.gguf")
    with pytest.raises(ValidationError, match="frozen"):
        settings.quality.strict = True  # type: ignore[misc]


def test_the_api_key_and_the_url_are_never_shown() -> None:
    settings = Settings.of(base_url="http://user:pw@host/v1", api_key="sk-secret-123")
    assert "sk-secret" not in repr(settings)
    assert "pw@" not in repr(settings)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"concurrency": 0}, "concurrency must be a whole number ≥ 1, not 0"),
        ({"backend": "bogus"}, "backend must be one of embedded, openai, not 'bogus'"),
        ({"recall_rounds": 1.5}, "recall_rounds must be a whole number ≥ 0, not 1.5"),
        ({"timeout": float("inf")}, "timeout must be a number of seconds > 0, not inf"),
        ({"chunk_chars": 50}, "chunk_chars must be a whole number ≥ 200, not 50"),
        ({"model": 5}, "model: input should be a valid string, not 5"),
        ({"max_reask": 1}, "there is no setting 'max_reask'"),
    ],
)
def test_a_setting_that_cannot_work_is_a_configuration_error_naming_it(
    settings: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigurationError) as refused:
        Settings.of(**settings)
    assert str(refused.value) == message


def test_a_grouped_setting_is_checked_as_its_keyword_form() -> None:
    with pytest.raises(ConfigurationError, match="max_reasks must be a whole number ≥ 0"):
        Settings(quality={"max_reasks": -1})


def test_settings_and_keyword_settings_at_once_are_refused(server: FakeOpenAIServer) -> None:
    with pytest.raises(ConfigurationError, match=r"not both"):
        Extractor(settings=Settings(backend=_endpoint(server)), strict=True)
    assert server.requests == []


class _WiderQuality(QualityGroup):
    """The quality group with one more setting, declared here and nowhere else."""

    throwaway: int = 0


class _WiderSettings(Settings):
    quality: _WiderQuality = _WiderQuality()


def test_a_new_setting_reaches_the_pipeline_with_no_other_declaration(
    server: FakeOpenAIServer,
) -> None:
    """What adding a run option takes: a field on its group. The keyword form finds its group,
    the Extractor passes the group on whole, and the pipeline holds it, with no list of names
    in between to extend (the CLI's option for it is the one other place, as its user)."""
    settings = _WiderSettings.of(
        backend="openai", base_url=server.base_url, model="x", cache=False, throwaway=3
    )
    with Extractor(settings=settings) as extractor:
        quality = extractor.pipeline.quality
    assert isinstance(quality, _WiderQuality)
    assert quality.throwaway == 3
    assert pickle.loads(pickle.dumps(settings)).quality == quality
