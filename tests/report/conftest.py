"""The review page in a real browser: headless Chromium renders a page and returns its DOM."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import unavailable

DumpDom = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def dump_dom() -> DumpDom:
    """Run headless Chromium on a page (a file, or an address) with extra flags and return its
    `--dump-dom` output; missing Chromium fails the test, saying how to install it (.ci/run
    installs it)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        unavailable("needs chromium (apt-get install chromium)")

    def run(page: Path | str, *flags: str) -> subprocess.CompletedProcess[str]:
        profile = tempfile.mkdtemp()
        try:
            return subprocess.run(
                [
                    chromium, "--headless", "--no-sandbox", "--disable-gpu", *flags,
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                    "--dump-dom", page.as_uri() if isinstance(page, Path) else page,
                ],
                capture_output=True, text=True, timeout=120, check=False,
            )  # fmt: skip
        finally:
            shutil.rmtree(profile, ignore_errors=True)

    return run
