"""Render the self-contained HTML review page (no network: inline CSS and JS, all text escaped)."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
import regex
from markupsafe import Markup, escape

from extractor.report.view import DocumentView, document_view
from extractor.schemas import CHECK_STATUSES, Document

_LATIN_RUN = regex.compile(r"[A-Za-z0-9_]+(?:[ \-./,:+][A-Za-z0-9_]+)*")

LEGEND = {
    "exact": "حرفي · exact",
    "normalized": "بعد التطبيع · normalized",
    "fuzzy": "تقريبي · fuzzy",
    "unsupported": "غير مدعوم · unsupported",
    "contradicted": "متناقض · contradicted",
}
"""What each status colour means, in Arabic and as the contract names it."""


@dataclass(frozen=True, slots=True)
class ReportEntry:
    """One document for the page: its Document and source text, or the error recorded instead."""

    doc_id: str
    document: Document | None = None
    source: str | None = None
    error: str | None = None
    note: str | None = None


def bidi(text: object) -> Markup:
    """Escape text and isolate its Latin/digit runs in <bdi> so mixed text keeps its order."""
    value = str(text)
    parts: list[str] = []
    last = 0
    for match in _LATIN_RUN.finditer(value):
        parts.append(str(escape(value[last : match.start()])))
        parts.append(f"<bdi>{escape(match.group())}</bdi>")
        last = match.end()
    parts.append(str(escape(value[last:])))
    return Markup("".join(parts))


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("extractor.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["bidi"] = bidi
    return environment


def render_report(entries: Sequence[ReportEntry], *, title: str = "Extraction review") -> str:
    """The review page for these documents as one HTML string."""
    views: list[tuple[ReportEntry, DocumentView | None]] = [
        (
            entry,
            document_view(entry.document, entry.source, entry.note) if entry.document else None,
        )
        for entry in entries
    ]
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=title,
        views=views,
        legend=[(status, LEGEND[status]) for status in CHECK_STATUSES],
        nonce=secrets.token_urlsafe(16),
        generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


def write_report(path: Path, entries: Sequence[ReportEntry], *, title: str | None = None) -> None:
    """Write the review page to `path` (UTF-8)."""
    html = render_report(entries, title=title or "Extraction review")
    path.write_text(html, encoding="utf-8")
