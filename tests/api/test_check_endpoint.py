"""The API's one look at a remote endpoint before the first document."""

from __future__ import annotations

import socket

import pytest

from extractor import Extractor
from extractor.errors import ConfigurationError


def test_check_endpoint_names_a_server_that_accepts_no_connection() -> None:
    """A closed port is one ConfigurationError that names the endpoint (the CLI and Ray make
    the same look before they import the client libraries)."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{closed.getsockname()[1]}/v1"
    refused = pytest.raises(ConfigurationError, match=r"cannot reach the endpoint http://127\.0")
    with Extractor(backend="openai", base_url=url, model="m", cache=False) as extractor, refused:
        extractor.check_endpoint()
