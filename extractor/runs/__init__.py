"""Many documents: the inputs of a run (files, stdin, corpora), their doc_ids, the worker pool,
the JSONL sink and `--resume`. `extractor run` and the Ray engine drive the API through it:

    sources = find_sources(["articles/", "corpus.jsonl"])
    plan = plan_run(sources, resumed=JsonlOutput(out) if resume else None)
    sink = JsonlSink.to_file(out, append=resume)
    with Extractor() as extractor:
        outcomes = asyncio.run(extract_many(plan.todo, extractor, sink))
    sink.close()

Its names are imported on first use, so that the CLI's `--help` loads no model library.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.runs.outcomes import Outcome
    from extractor.runs.plan import RunOutput, RunPlan, RunSources, find_sources, plan_run
    from extractor.runs.pool import extract_many
    from extractor.runs.resume import JsonlOutput
    from extractor.runs.sink import JsonlSink

__all__ = [
    "JsonlOutput",
    "JsonlSink",
    "Outcome",
    "RunOutput",
    "RunPlan",
    "RunSources",
    "extract_many",
    "find_sources",
    "plan_run",
]

_HOMES = {
    "JsonlOutput": "extractor.runs.resume",
    "JsonlSink": "extractor.runs.sink",
    "Outcome": "extractor.runs.outcomes",
    **dict.fromkeys(
        ("RunOutput", "RunPlan", "RunSources", "find_sources", "plan_run"), "extractor.runs.plan"
    ),
    "extract_many": "extractor.runs.pool",
}


def __getattr__(name: str) -> Any:
    """A public name of the runs layer, imported the first time it is asked for."""
    if name not in _HOMES:
        raise AttributeError(f"module 'extractor.runs' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
