"""`--help` everywhere: placeholders written one way, `run`'s options in panels, defaults that
are the code's, and the checked-in CLI reference equal to what `--help` prints."""

from __future__ import annotations

import pytest
import regex
import typer
from typer.core import TyperArgument, TyperGroup, TyperOption

from extractor.api import DEFAULT_CONCURRENCY
from extractor.cli import app
from extractor.cli.reference import REGENERATE, WIDTH, command_paths, help_text, render
from extractor.deadlines import DEFAULT_DOCUMENT_TIMEOUT, DEFAULT_TIMEOUT, EMBEDDED_MIN_TIMEOUT
from tests.cli.conftest import REPO

ROOT = typer.main.get_command(app)
VALUE = regex.compile(r"<[a-z0-9]+>")  # an option's value: <path>, <n>, <seconds>
NAME = regex.compile(r"[A-Z][A-Z_]*")  # an argument: PATHS, ENTRY_ID


def _command(path: tuple[str, ...]) -> object:
    command: object = ROOT
    for name in path:
        assert isinstance(command, TyperGroup)
        command = command.get_command(typer.Context(command), name)
    return command


def _parameters() -> list[tuple[str, TyperOption | TyperArgument]]:
    found = []
    for path in command_paths(ROOT):
        command = _command(path)
        for parameter in getattr(command, "params", []):
            found.append((" ".join(path), parameter))
    return found


def test_every_placeholder_is_written_one_way() -> None:
    wrong = []
    for where, parameter in _parameters():
        if isinstance(parameter, TyperArgument):
            if not NAME.fullmatch(parameter.metavar or ""):
                wrong.append(f"{where} {parameter.name}: argument metavar {parameter.metavar!r}")
        elif (
            not parameter.is_flag
            and not parameter.type_descriptor.is_choice
            and not VALUE.fullmatch(parameter.metavar or "")
        ):
            wrong.append(f"{where} {parameter.opts}: option metavar {parameter.metavar!r}")
    assert not wrong, "\n".join(wrong)


def test_run_groups_its_options_in_panels() -> None:
    panels = {
        parameter.name: parameter.rich_help_panel
        for where, parameter in _parameters()
        if where == "run" and isinstance(parameter, TyperOption) and parameter.name != "help"
    }
    assert set(panels.values()) == {"Input", "Model", "Quality", "Output", "Scale"}
    assert panels["published"] == "Input"
    assert panels["base_url"] == panels["timeout"] == "Model"
    assert panels["strict"] == panels["max_reasks"] == "Quality"
    assert panels["output"] == panels["report"] == "Output"
    assert panels["engine"] == panels["chunk_chars"] == "Scale"


def test_defaults_in_help_are_the_code_s() -> None:
    text = " ".join(help_text(("run",)).replace("│", " ").split())
    timeout = text[text.index("--timeout") : text.index("--document-timeout")]
    assert timeout.count("[default:") == 1
    assert f"[default: {DEFAULT_TIMEOUT:g};" in timeout
    assert f"at least {EMBEDDED_MIN_TIMEOUT:g}" in timeout
    assert f"{DEFAULT_DOCUMENT_TIMEOUT:,g} with the other defaults" in text
    assert "(1 + --recall-rounds) + --max-reasks)" in text
    assert f"[default: {DEFAULT_CONCURRENCY} for remote endpoints" in text


def test_the_cli_reference_is_what_help_prints() -> None:
    checked_in = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert checked_in == render(), f"docs/cli.md is stale: run {REGENERATE}"


def test_the_reference_is_the_same_in_any_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "40")
    text = help_text(("eval",))
    assert "\x1b[" not in text
    assert max(len(line) for line in text.splitlines()) == WIDTH
