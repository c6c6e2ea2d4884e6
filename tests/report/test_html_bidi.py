"""The review page keeps its own text in order whatever a model or an article puts in a value
(a right-to-left override, a run of Latin letters with no break), and fits a 1280 px screen."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from extractor.report import ReportEntry, render_report
from extractor.schemas import Document, Meeting
from extractor.verify import verify_document
from tests.conftest import SEED
from tests.report.conftest import DumpDom

OVERRIDE = "\u202e"
LONG = "JF17" * 400


def _hostile_entry() -> ReportEntry:
    text = SEED.read_text(encoding="utf-8")
    meeting = Meeting(location_text=f"إسلام {OVERRIDE}آباد", topics=[LONG, "التعاون الدفاعي"])
    document = verify_document(Document(doc_id=f"doc{OVERRIDE}{LONG}", meetings=[meeting]), text)
    return ReportEntry(document.doc_id, document, text, note=f"ملاحظة {OVERRIDE} {LONG}")


def test_bidi_controls_are_shown_and_every_value_is_isolated() -> None:
    html = render_report([_hostile_entry(), ReportEntry("bad", error=f"{OVERRIDE}خطأ")])
    assert OVERRIDE not in html
    assert "⟨U+202E⟩" in html
    isolates = _Isolates()
    isolates.feed(html)
    assert isolates.shown >= 4
    assert isolates.loose == []
    assert "unicode-bidi: isolate" in html


class _Isolates(HTMLParser):
    """Counts the texts that show a control code, and keeps those not inside two <bdi>: the
    value's own isolate and the code's."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.shown = 0
        self.loose: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag == "bdi"

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag == "bdi"

    def handle_data(self, data: str) -> None:
        if "⟨U+202E⟩" in data:
            self.shown += 1
            if self.depth < 2:
                self.loose.append(data)


@pytest.mark.system
def test_the_page_fits_a_1280_pixel_viewport(tmp_path: Path, dump_dom: DumpDom) -> None:
    html = render_report([_hostile_entry()])
    nonce = re.search(r'<script nonce="([^"]+)"', html)
    assert nonce is not None
    probe = (
        f'<script nonce="{nonce.group(1)}">document.body.setAttribute("data-width", '
        "document.documentElement.scrollWidth);</script></body>"
    )
    page = tmp_path / "page.html"
    page.write_text(html.replace("</body>", probe), encoding="utf-8")
    result = dump_dom(page, "--window-size=1280,900")
    width = re.search(r'data-width="(\d+)"', result.stdout)
    assert width is not None, result.stderr[-2000:]
    assert int(width.group(1)) <= 1280
