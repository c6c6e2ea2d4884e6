"""The command line answers `--version` and `--help` without loading what extraction needs:
the LLM client libraries, llama.cpp, Ray, the database and Parquet libraries (typer itself
loads pydantic to build a command's options, so `run --help` has it)."""

from __future__ import annotations

import os
import subprocess
import sys

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


@pytest.mark.parametrize("arguments", [["--version"], ["--help"], ["run", "--help"]])
def test_help_and_version_load_no_heavy_library(arguments: list[str]) -> None:
    script = f"HEAVY = {HEAVY!r}\n{SCRIPT}"
    result = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "COLUMNS": "100"},
        timeout=120,
    )
    last = result.stderr.strip().splitlines()[-1]
    assert last == "exit 0 loaded", result.stderr
    assert "extractor" in result.stdout
