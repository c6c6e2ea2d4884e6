"""A fake OpenAI-compatible server on 127.0.0.1, for testing code that calls an LLM endpoint.

It answers chat completions from a script of replies, or from the JSON schema each request asks
for, and records what it received. Tests and benchmarks share it; it needs only the standard
library, and no other module of `extractor` imports it (an import-linter contract).
"""

from extractor.testing.loopback import LoopbackServer, send_payload
from extractor.testing.schema_answers import Facts, schema_answers
from extractor.testing.server import (
    FakeOpenAIServer,
    Reply,
    Request,
    Responder,
    answer,
    completion,
    error,
)

__all__ = [
    "Facts",
    "FakeOpenAIServer",
    "LoopbackServer",
    "Reply",
    "Request",
    "Responder",
    "answer",
    "completion",
    "error",
    "schema_answers",
    "send_payload",
]
