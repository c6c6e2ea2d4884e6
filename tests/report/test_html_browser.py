"""The review page in headless Chromium: clicks light the evidence, article scripts never run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractor.report import ReportEntry, render_report
from extractor.schemas import Document
from tests.report.conftest import DumpDom
from tests.report.test_html import dev_entry, wrong_quantity_no_embargo

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


@pytest.mark.system
def test_clicks_highlight_evidence_and_article_scripts_do_not_run(
    tmp_path: Path, dump_dom: DumpDom
) -> None:
    seed = dev_entry("00_seed-pakistan-libya", wrong_quantity_no_embargo)
    text = f"أعلنت وزارة الدفاع عن صفقة مع ليبيا. {HOSTILE}"
    hostile = ReportEntry("hostile", Document(doc_id="hostile"), text)
    page = tmp_path / "page.html"
    page.write_text(_probe(render_report([seed, hostile])), encoding="utf-8")
    result = dump_dom(page)
    body = re.search(r"<body[^>]*>", result.stdout)
    assert body is not None, result.stderr[-2000:]
    attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', body.group()))
    assert int(attributes["data-card"]) > 5
    assert attributes["data-flag"] == "1"
    assert "data-pwned" not in attributes
