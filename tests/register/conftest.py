"""Fixtures of the register tests: headless Chromium, as the review page's tests drive it."""

from tests.report.conftest import dump_dom

__all__ = ["dump_dom"]
