"""The review page in headless Chromium: clicks light the evidence, article scripts never run."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from extractor.report import ReportEntry, render_report
from extractor.schemas import Document
from tests.report.test_html import dev_entry, wrong_quantity_no_embargo

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = "<script>document.body.setAttribute('data-pwned', '1')</script>"


def _probe(html: str) -> str:
    """The page plus our own nonce'd script that clicks a card, then a flag, and records marks."""
    nonce = re.search(r'<script nonce="([^"]+)"', html)
    assert nonce is not None
    probe = f"""<script nonce="{nonce.group(1)}">
    document.querySelector('.card').click();
    document.body.setAttribute('data-card', document.querySelectorAll('mark.lit').length);
    document.querySelector('.flag').click();
    document.body.setAttribute('data-flag', document.querySelectorAll('mark.lit').length);
    </script></body>"""
    return html.replace("</body>", probe)


@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (apt-get install chromium)")
def test_clicks_highlight_evidence_and_article_scripts_do_not_run(tmp_path: Path) -> None:
    seed = dev_entry("00_seed-pakistan-libya", wrong_quantity_no_embargo)
    text = f"أعلنت وزارة الدفاع عن صفقة مع ليبيا. {HOSTILE}"
    hostile = ReportEntry("hostile", Document(doc_id="hostile"), text)
    page = tmp_path / "page.html"
    page.write_text(_probe(render_report([seed, hostile])), encoding="utf-8")
    profile = tempfile.mkdtemp()
    assert CHROMIUM is not None
    result = subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", f"--user-data-dir={profile}", "--dump-dom", page.as_uri(),
        ],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    shutil.rmtree(profile, ignore_errors=True)
    body = re.search(r"<body[^>]*>", result.stdout)
    assert body is not None, result.stderr[-2000:]
    attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', body.group()))
    assert int(attributes["data-card"]) > 5
    assert attributes["data-flag"] == "1"
    assert "data-pwned" not in attributes
