"""The HTML review page: structure, highlights per checked span, escaping, no network."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from extractor.report import ReportEntry, render_report
from extractor.schemas import Document
from extractor.verify import verify_document
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


def dev_entry(stem: str, edit: Callable[[Document], None] | None = None) -> ReportEntry:
    """A dev article with its gold Document (optionally edited), checked by the real verifier."""
    text_path, gold_path = next(pair for pair in dev_pairs() if pair[0].stem == stem)
    text = text_path.read_text(encoding="utf-8")
    document = Document.model_validate_json(gold_path.read_text(encoding="utf-8"))
    if edit is not None:
        edit(document)
    return ReportEntry(stem, verify_document(document, text), text)


def wrong_quantity_no_embargo(document: Document) -> None:
    """JF-17 given 12 (the text says 16), and the embargo left out so its numbers go uncovered."""
    item = document.arms_deals[0].items[0]
    item.quantity, item.quantity_text = 12, "12"
    document.embargoes = []


@pytest.fixture
def seed_entry() -> ReportEntry:
    return dev_entry("00_seed-pakistan-libya", wrong_quantity_no_embargo)


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
    assert seed_entry.source is not None
    root = parse(render_report([seed_entry]))
    marks = [e for e in root.iter() if e.tag == "mark"]
    spanned = [
        (index, check.path, check.span)
        for index, check in enumerate(seed_entry.document.checks)
        if check.span is not None
    ]
    assert len(spanned) > 10
    for index, path, (start, end) in spanned:
        covering = [m for m in marks if f"d0c{index}" in m.attrs["data-checks"].split()]
        assert covering, f"no highlight for {path}"
        assert "".join(m.text() for m in covering) == seed_entry.source[start:end]
    contradicted = [m for m in marks if "st-contradicted" in m.classes()]
    assert [m.text() for m in contradicted] == ["16"]
    uncovered = [e.text() for e in root.iter() if "uncovered" in e.classes() and e.tag != "li"]
    assert uncovered == ["16", "2011", "1970", "1973"]


def test_flagged_values_come_first_and_link_to_their_fact(seed_entry: ReportEntry) -> None:
    root = parse(render_report([seed_entry]))
    facts = next(e for e in root.iter() if "facts" in e.classes())
    blocks = [c for c in facts.children if isinstance(c, Element)]
    assert "flags" in blocks[0].classes()
    assert blocks[1].attrs["data-fact"] == "d0:arms_deals[0]"
    flag = next(e for e in blocks[0].iter() if "flag" in e.classes())
    assert flag.attrs["data-check"].startswith("d0c")
    assert 'for "JF-17 Thunder": the text puts 16 next to it' in flag.text()
    document = seed_entry.document
    assert document is not None
    cards = [e for e in root.iter() if "card" in e.classes()]
    assert len(cards) == len(document.meetings) + len(document.arms_deals) + len(document.embargoes)
    deal = cards[0].text()
    assert "JF-17 Thunder" in deal
    assert "باكستانexact←PAKexact (باكستان)" in deal


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


def test_the_page_says_which_kinds_were_not_asked_and_what_was_withdrawn() -> None:
    def as_extracted(document: Document) -> None:
        document.embargoes = []
        document.provenance = document.provenance.model_copy(
            update={
                "kinds_not_mentioned": ["embargoes"],
                "prompt_examples_withdrawn": ["F-16 Block 70"],
            }
        )
        document.provenance.usage.llm_calls, document.provenance.usage.reasks = 3, 1

    text = parse(render_report([dev_entry("02_bahrain-f16-block70-lockheed", as_extracted)])).text()
    assert "3 LLM calls, 1 reasks" in text
    assert "not asked, the article cannot report them: حظر / عقوبات" in text
    assert "withdrawn as copies of the prompt's examples: F-16 Block 70" in text


def test_a_finding_about_a_whole_record_is_a_flag_on_its_fact() -> None:
    def post_as_name(document: Document) -> None:
        document.meetings[0].participants[1].name = "وزير الخارجية الأميركي"
        document.provenance = document.provenance.model_copy(
            update={"records_withdrawn": ["no military word in the deal's sentences"]}
        )

    root = parse(render_report([dev_entry("27_king-salman-receives-pompeo", post_as_name)]))
    flags = [e for e in root.iter() if "flag" in e.classes()]
    assert any('"وزير الخارجية الأميركي" is a post, not a person' in f.text() for f in flags)
    card = next(e for e in root.iter() if e.attrs.get("data-fact") == "d0:meetings[0]")
    assert "unsupported" in card.text()  # the finding's badge on its meeting
    assert "facts withdrawn: no military word in the deal's sentences" in root.text()
