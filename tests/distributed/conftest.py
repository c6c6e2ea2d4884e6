"""Fixtures of the Ray tests: the loopback endpoint of the CLI tests."""

from tests.cli.conftest import endpoint

__all__ = ["endpoint"]
