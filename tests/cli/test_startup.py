"""The command line answers `--version` and `--help` without loading what extraction needs:
the LLM client libraries, llama.cpp, Ray, the database and Parquet libraries (typer itself
loads pydantic to build a command's options, so `run --help` has it)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import REPO

HEAVY = ("openai", "instructor", "xllamacpp", "ray", "sqlalchemy", "pyarrow")

SCRIPT = """
import sys
from extractor.cli import main
sys.argv = ["extractor", *sys.argv[1:]]
try:
    main()
except SystemExit as exit:
    code = exit.code
loaded = sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))
print("exit", code, "loaded", *loaded, file=sys.stderr)
"""


def _extractor(arguments: list[str]) -> subprocess.CompletedProcess[str]:
    """`extractor ARGUMENTS` in a fresh process; its last stderr line names the heavy
    libraries it loaded."""
    return subprocess.run(
        [sys.executable, "-c", f"HEAVY = {HEAVY!r}\n{SCRIPT}", *arguments],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "COLUMNS": "200"},
        timeout=120,
    )


@pytest.mark.parametrize("arguments", [["--version"], ["--help"], ["run", "--help"]])
def test_help_and_version_load_no_heavy_library(arguments: list[str]) -> None:
    result = _extractor(arguments)
    last = result.stderr.strip().splitlines()[-1]
    assert last == "exit 0 loaded", result.stderr
    assert "extractor" in result.stdout


def test_a_down_endpoint_is_found_before_the_client_libraries_load(tmp_path: Path) -> None:
    """`run` against a server that accepts no connection says so once, exit 2, before it
    imports openai or instructor (seconds on a slow machine): the look costs one request."""
    article = tmp_path / "article.txt"
    article.write_text("التقى وزير الخارجية المصري نظيره الأردني في عمان يوم الأحد.\n")
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    result = _extractor(["run", str(article), "--base-url", url, "--model", "m"])
    assert result.stderr.count("cannot reach the endpoint") == 1, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "exit 2 loaded", result.stderr
