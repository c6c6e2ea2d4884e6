"""A disk that fills up while several documents are in flight: the output keeps whole lines
only, never a hole of NUL bytes where a failed line was taken back."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.testing import FakeOpenAIServer, schema_answers
from tests.cli.conftest import invoke, openai_args, plain, records
from tests.cli.test_run_disk import Mount, _articles, _deal, _remount, tmpfs

__all__ = ["tmpfs"]


@pytest.mark.system
def test_a_full_disk_with_documents_in_flight_leaves_no_nul_bytes(
    tmp_path: Path, tmpfs: Mount
) -> None:
    articles = _articles(tmp_path / "articles", 12)
    disk = tmpfs("size=64k")
    output = disk / "out.jsonl"
    with FakeOpenAIServer(schema_answers(_deal)) as endpoint:
        args = [str(articles), "-o", str(output), *openai_args(endpoint), "--concurrency", "4"]
        full = invoke("run", *args)
        assert full.exit_code == 1, full.output
        assert "No space left on device" in plain(full.output)
        raw = output.read_bytes()
        assert b"\x00" not in raw, f"{raw.count(0)} NUL bytes in the output"
        assert raw.endswith(b"\n"), "a partial last line was left"
        assert 0 < len(records(output)) < 12

        _remount(disk, "size=4m")
        finished = invoke("run", *args, "--resume")
    assert finished.exit_code == 0, finished.output
    assert b"\x00" not in output.read_bytes()
    assert len(records(output)) == 12
