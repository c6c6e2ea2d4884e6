"""The self-contained HTML review page: highlighted article, fact cards, flagged values first."""

from extractor.report.html import ReportEntry, render_report, write_report

__all__ = ["ReportEntry", "render_report", "write_report"]
