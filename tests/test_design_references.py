"""Every reference to the design docs resolves: `docs/contract.md, rule 3` names a `### Rule 3: …`
heading of docs/contract.md, and `docs/architecture.md, "Candidate spans"` a heading of that
name; no "rule N" stands without the document it belongs to."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import REPO

REFERENCE = re.compile(
    r"`?docs/(?P<doc>contract|architecture)\.md`?,\s+"
    r'(?:rules?\s+(?P<rules>\d+(?:\s+and\s+\d+)*)|"(?P<heading>[^"]+)")'
)
RULE = re.compile(r"\brules?\s+\d+")


def _citing_files() -> list[Path]:
    """The code, tests, benchmarks and the guides that cite the design docs."""
    sources = [
        path
        for folder in ("extractor", "tests", "benchmarks")
        for path in sorted((REPO / folder).rglob("*.py"))
    ]
    return [*sources, REPO / "README.md", REPO / "CONTRIBUTING.md"]


def _headings(doc: str) -> set[str]:
    text = (REPO / "docs" / f"{doc}.md").read_text(encoding="utf-8")
    return set(re.findall(r"^#+ (.+?)\s*$", text, flags=re.MULTILINE))


def test_every_rule_and_section_cited_is_a_heading_of_the_design_docs() -> None:
    headings = {doc: _headings(doc) for doc in ("contract", "architecture")}
    rules = {
        int(rule[1])
        for heading in headings["contract"]
        if (rule := re.match(r"Rule (\d+): ", heading))
    }
    cited = 0
    unresolved: list[str] = []
    bare: list[str] = []
    for path in _citing_files():
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(REPO)
        spans: list[tuple[int, int]] = []
        for match in REFERENCE.finditer(text):
            cited += 1
            spans.append(match.span())
            if match["rules"]:
                wanted = {int(number) for number in re.findall(r"\d+", match["rules"])}
                if match["doc"] != "contract" or not wanted <= rules:
                    unresolved.append(f"{where}: {match[0]!r}")
            elif match["heading"] not in headings[match["doc"]]:
                unresolved.append(f"{where}: {match[0]!r}")
        for match in RULE.finditer(text):
            if not any(start <= match.start() < end for start, end in spans):
                bare.append(f"{where}: {match[0]!r}")

    assert cited > 20, "the code cites the contract's rules"
    assert not unresolved, "no such heading in docs/"
    assert not bare, 'write "docs/contract.md, rule N"'
