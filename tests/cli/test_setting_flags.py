"""`extractor run` sets every setting of the settings model, with the model's defaults, and
shows the settings that messages from below name (`` `timeout` ``) as its own flags."""

from __future__ import annotations

import pytest
import typer
from typer.core import TyperGroup, TyperOption

from extractor.cli import app
from extractor.cli.setting_flags import RUN_FLAGS, as_flags
from extractor.settings import Settings


def _run_options() -> dict[str, TyperOption]:
    root = typer.main.get_command(app)
    assert isinstance(root, TyperGroup)
    run = root.get_command(typer.Context(root), "run")
    assert run is not None
    return {p.name or "": p for p in run.params if isinstance(p, TyperOption)}


def test_every_setting_has_its_flag_and_every_flag_is_an_option_of_run() -> None:
    settings = set(Settings().flat())
    assert {name.split("=")[0] for name in RUN_FLAGS} == settings
    flags = {opt for option in _run_options().values() for opt in option.opts}
    flags |= {opt for option in _run_options().values() for opt in option.secondary_opts}
    assert {flag for flag in RUN_FLAGS.values() if flag is not None} <= flags


def test_run_s_defaults_are_the_settings_defaults() -> None:
    defaults = Settings().flat()
    options = _run_options()
    for name, default in defaults.items():
        if name in options:
            assert options[name].default == default, name
    assert options["no_cache"].default is not defaults["cache"]


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("deadline of 6 s; raise `document_timeout`", "deadline of 6 s; raise --document-timeout"),
        ("name the model: `model` (or OPENAI_MODEL)", "name the model: --model (or OPENAI_MODEL)"),
        ("set `api_key` (or OPENAI_API_KEY) to a key", "set OPENAI_API_KEY to a key"),
        ("unusable; or run without it (`cache=False`)", "unusable; or run without it (--no-cache)"),
        ("answers written (`constrained=False`)", "answers written (--free-recall)"),
        ("the field `doc_id` is missing", "the field `doc_id` is missing"),
    ],
)
def test_messages_name_the_flags_of_the_settings(message: str, shown: str) -> None:
    assert as_flags(message) == shown
