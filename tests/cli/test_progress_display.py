"""The run display's parts: the estimate, the stage lines under the bar, the log lines off a
terminal, and the backend's stages (an embedded run's start, unit-tested with its events)."""

from __future__ import annotations

import io

from rich.console import Console

from extractor.cli.progress import RunDisplay, clock, remaining, timing_line
from extractor.progress import DocumentDone, Notice, Stage
from extractor.runs.outcomes import BatchStats, Outcome

SERVER = Stage("server", "starting the llama.cpp server (2 threads)")
INSTRUCTIONS = Stage(
    "instructions", "evaluating the fixed instructions (first run only, ≈ 100 s on 2 cores)"
)


def test_the_estimate_comes_with_the_first_document_done() -> None:
    assert remaining(30.0, 0, 10) is None
    assert remaining(30.0, 1, 10) == 270.0
    assert remaining(30.0, 4, 4) == 0.0
    assert clock(3725.4) == "1:02:05"
    assert timing_line(30.0, 0, 10) == "elapsed 0:00:30"
    assert timing_line(30.0, 2, 10) == "elapsed 0:00:30 · ≈ 0:02:00 left"


def _display(terminal: bool) -> tuple[RunDisplay, io.StringIO, list[str]]:
    out = io.StringIO()
    console = Console(file=out, force_terminal=terminal, width=200)
    warned: list[str] = []
    return RunDisplay(console, 2, BatchStats(), warned.append), out, warned


def test_backend_stages_then_each_document_stage_under_the_bar() -> None:
    display, _, warned = _display(terminal=True)
    display.on_progress(Notice("the cores are busy"))
    display.on_progress(SERVER)
    assert display.stage_lines()[0].startswith("starting the llama.cpp server (2 threads)… 0:00:0")
    display.on_progress(INSTRUCTIONS)
    assert display.stage_lines()[0].startswith("evaluating the fixed instructions (first run only")
    display.on_progress(Stage("answer", "meetings · call 1", doc_id="a", kind="meetings", call=1))
    display.on_progress(Stage("recall", "recall: arms_deals · call 4", doc_id="b", call=4))
    display.on_chunk("b")(1, 3)
    assert display.stage_lines() == [
        "a: meetings · call 1",
        "b: recall: arms_deals · call 4 · chunk 2 of 3",
    ]
    display.on_progress(DocumentDone("a", 12.5, facts=2))
    display.finished(Outcome("a", error_type="BackendError", error_message="x"))
    assert display.stage_lines() == ["b: recall: arms_deals · call 4 · chunk 2 of 3"]
    assert warned == ["the cores are busy"]


def test_off_a_terminal_backend_stages_and_documents_are_log_lines() -> None:
    display, out, _ = _display(terminal=False)
    with display:
        display.on_progress(SERVER)
        display.on_progress(INSTRUCTIONS)
        display.on_progress(Stage("answer", "meetings · call 1", doc_id="a", call=1))
        display.on_progress(DocumentDone("a", 12.5, error="BackendError: down"))
        display.finished(Outcome("a", error_type="BackendError", error_message="down"))
    lines = out.getvalue().splitlines()
    assert lines[:2] == [f"{SERVER.message}…", f"{INSTRUCTIONS.message}…"]
    assert lines[2].startswith("[1/2] a: failed in 12.5 s (BackendError) · elapsed 0:00:0")
    assert lines[2].endswith(" left")
    assert len(lines) == 3
