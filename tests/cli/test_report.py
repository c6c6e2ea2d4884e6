"""The HTML review page: structure, highlights per checked span, escaping, no network."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from extractor.report import ReportEntry, render_report
from schemas import Check, Document, UncoveredNumber
from tests.conftest import dev_pairs

VOID = {"meta", "br", "img", "input", "link", "hr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> list[Element]:
        found = [self]
        for child in self.children:
            if isinstance(child, Element):
                found.extend(child.iter())
        return found

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class TreeBuilder(HTMLParser):
    """A strict little tree builder: every non-void tag must be closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "unclosed tags"
    return builder.root


def checked(document: Document, text: str) -> Document:
    """Hand-made checks: each surface value found verbatim is exact, anything else unsupported."""
    checks = []
    for kind in ("meetings", "arms_deals", "embargoes"):
        for index, fact in enumerate(getattr(document, kind)):
            for name in ("buyer_text", "seller_text", "location_text", "date_text", "target_text"):
                value = getattr(fact, name, None)
                if value is None:
                    continue
                start = text.find(value)
                path = f"{kind}[{index}].{name}"
                if start < 0:
                    checks.append(Check(path=path, value=value, status="unsupported"))
                else:
                    span = (start, start + len(value))
                    checks.append(Check(path=path, value=value, status="exact", span=span))
            for position, evidence in enumerate(fact.evidence):
                start = text.find(evidence)
                if start >= 0:
                    span = (start, start + len(evidence))
                    path = f"{kind}[{index}].evidence[{position}]"
                    checks.append(Check(path=path, value=evidence, status="exact", span=span))
    return document.model_copy(update={"checks": checks})


def dev_entry(stem: str) -> ReportEntry:
    text_path, gold_path = next(pair for pair in dev_pairs() if pair[0].stem == stem)
    text = text_path.read_text(encoding="utf-8")
    document = Document.model_validate_json(gold_path.read_text(encoding="utf-8"))
    return ReportEntry(stem, checked(document, text), text)


@pytest.fixture
def seed_entry() -> ReportEntry:
    entry = dev_entry("00_seed-pakistan-libya")
    assert entry.document is not None
    assert entry.source is not None
    start = entry.source.index("16 طائرة")
    deal_quantity = Check(
        path="arms_deals[0].items[0].quantity",
        value=18,
        status="contradicted",
        span=(start, start + 2),
        found="16",
        message='quantity 18 for "JF-17 Thunder": the text puts 16 next to it',
    )
    year = entry.source.index("2011")
    uncovered = UncoveredNumber(text="2011", value=2011, span=(year, year + 4))
    document = entry.document.model_copy(update={"checks": [*entry.document.checks, deal_quantity]})
    document.provenance.uncovered_numbers = [uncovered]
    return ReportEntry(entry.doc_id, document, entry.source)


def test_page_is_rtl_with_a_legend_and_the_article_intact(seed_entry: ReportEntry) -> None:
    root = parse(render_report([seed_entry]))
    html = next(e for e in root.iter() if e.tag == "html")
    assert (html.attrs["dir"], html.attrs["lang"]) == ("rtl", "ar")
    legend = next(e for e in root.iter() if e.attrs.get("aria-label") == "legend")
    statuses = {c.removeprefix("st-") for item in legend.iter()[1:] for c in item.classes()}
    assert {"exact", "normalized", "fuzzy", "unsupported", "contradicted"} <= statuses
    article = next(e for e in root.iter() if e.tag == "article")
    assert article.attrs["dir"] == "rtl"
    assert article.text() == seed_entry.source


def test_every_checked_span_is_highlighted_with_its_status(seed_entry: ReportEntry) -> None:
    assert seed_entry.document is not None
    root = parse(render_report([seed_entry]))
    marks = [e for e in root.iter() if e.tag == "mark"]
    spanned = [
        (index, check)
        for index, check in enumerate(seed_entry.document.checks)
        if check.span is not None
    ]
    assert len(spanned) > 10
    for index, check in spanned:
        covering = [m for m in marks if f"d0c{index}" in m.attrs["data-checks"].split()]
        assert covering, f"no highlight for {check.path}"
        assert "".join(m.text() for m in covering) == seed_entry.source[slice(*check.span)]
    contradicted = [m for m in marks if "st-contradicted" in m.classes()]
    assert [m.text() for m in contradicted] == ["16"]
    uncovered = [e for e in root.iter() if "uncovered" in e.classes() and e.tag != "li"]
    assert [e.text() for e in uncovered] == ["2011"]


def test_flagged_values_come_first_and_link_to_their_fact(seed_entry: ReportEntry) -> None:
    root = parse(render_report([seed_entry]))
    facts = next(e for e in root.iter() if "facts" in e.classes())
    blocks = [c for c in facts.children if isinstance(c, Element)]
    assert "flags" in blocks[0].classes()
    assert blocks[1].attrs["data-fact"] == "d0:arms_deals[0]"
    flag = next(e for e in blocks[0].iter() if "flag" in e.classes())
    assert flag.attrs["data-check"].startswith("d0c")
    assert "the text puts 16 next to it" in flag.text()
    document = seed_entry.document
    assert document is not None
    cards = [e for e in root.iter() if "card" in e.classes()]
    assert len(cards) == len(document.meetings) + len(document.arms_deals) + len(document.embargoes)
    deal = cards[0].text()
    assert "JF-17 Thunder" in deal
    assert "PAK · باكستان" in deal


def test_article_and_model_text_are_escaped() -> None:
    text = (
        "أعلنت وزارة الدفاع <script>document.title='pwned'</script> عن صفقة "
        '<img src=x onerror="alert(1)"> مع ليبيا.'
    )
    document = Document.model_validate(
        {
            "doc_id": "x<script>",
            "arms_deals": [
                {
                    "buyer_text": "ليبيا",
                    "items": [{"designation": "<script>alert(2)</script>"}],
                    "evidence": ["<b>bold</b>"],
                }
            ],
            "checks": [
                {
                    "path": "arms_deals[0].buyer_text",
                    "value": "ليبيا",
                    "status": "exact",
                    "span": [text.index("ليبيا"), text.index("ليبيا") + 5],
                },
                {
                    "path": "arms_deals[0].items[0].designation",
                    "value": "<script>",
                    "status": "unsupported",
                    "message": "<i>not</i> in the text",
                },
            ],
        }
    )
    html = render_report([ReportEntry("x<script>", document, text)])
    root = parse(html)
    scripts = [e for e in root.iter() if e.tag == "script"]
    assert len(scripts) == 1
    assert "nonce" in scripts[0].attrs
    assert not [e for e in root.iter() if e.tag in {"img", "b", "i"}]
    article = next(e for e in root.iter() if e.tag == "article")
    assert article.text() == text
    assert "<script>alert(2)</script>" in root.text()


def test_page_needs_no_network(seed_entry: ReportEntry) -> None:
    root = parse(render_report([seed_entry, ReportEntry("failed", error="InputError: empty")]))
    for element in root.iter():
        for name in ("src", "href"):
            assert not element.attrs.get(name, "#").startswith(("http", "//")), element
    assert not [e for e in root.iter() if e.tag == "link"]
    csp = next(e for e in root.iter() if e.attrs.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp.attrs["content"]


def test_failed_and_sourceless_documents_still_render() -> None:
    entry = dev_entry("14_unsc-south-sudan-arms-embargo")
    sourceless = ReportEntry(entry.doc_id, entry.document, None, note="source not found")
    root = parse(render_report([sourceless, ReportEntry("broken", error="BackendError: 401")]))
    text = root.text()
    assert "source text not available" in text
    assert "source not found" in text
    assert "BackendError: 401" in text


def test_report_of_every_dev_document_parses(tmp_path: Path) -> None:
    entries = [dev_entry(text.stem) for text, _ in dev_pairs()]
    html = render_report(entries)
    root = parse(html)
    sections = [e for e in root.iter() if e.tag == "section"]
    assert len(sections) == len(entries)
    articles = [e.text() for e in root.iter() if e.tag == "article"]
    assert articles == [entry.source for entry in entries]
