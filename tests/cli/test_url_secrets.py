"""A password in `--base-url` (`http://user:pw@host/v1`) never reaches an error record or
stderr: messages show the URL with the password masked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor.testing import FakeOpenAIServer, error
from tests.cli.conftest import invoke
from tests.conftest import SEED

PASSWORD = "pw-SECRET-5f3a9c"


@pytest.mark.parametrize("status", [401, 403, 500])
def test_a_password_in_the_base_url_is_masked_in_records_and_stderr(
    tmp_path: Path, status: int
) -> None:
    article = tmp_path / "a.txt"
    shutil.copy(SEED, article)
    output = tmp_path / "out.jsonl"
    with FakeOpenAIServer() as server:
        server.script(*[error(status, "no") for _ in range(12)])
        url = server.base_url.replace("http://", f"http://reader:{PASSWORD}@")
        result = invoke(
            "run", str(article), "-o", str(output), "--backend", "openai", "--base-url", url,
            "--model", "x", "--no-cache", "--recall-rounds", "0", "--max-reasks", "0",
        )  # fmt: skip
    written = output.read_text(encoding="utf-8") if output.exists() else ""
    assert f"HTTP {status}" in result.output + written
    assert "reader:***@" in result.output + written
    assert PASSWORD not in result.output
    assert PASSWORD not in written
