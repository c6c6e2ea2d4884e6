"""The warning given before llama.cpp starts on cores that are already busy."""

from __future__ import annotations

from pathlib import Path

from extractor.llm.contention import LlamaProcess, contention_warning, llama_processes


def _process(proc: Path, pid: int, argv: list[str], maps: str = "") -> None:
    entry = proc / str(pid)
    entry.mkdir(parents=True)
    (entry / "cmdline").write_bytes(b"\0".join(part.encode() for part in argv) + b"\0")
    (entry / "maps").write_text(maps)


def test_llama_processes_are_found_by_program_or_mapped_library(tmp_path: Path) -> None:
    library = "7f00-7f10 r-xp 0 08:01 1 /venv/lib/python3.11/site-packages/xllamacpp/server.so\n"
    _process(tmp_path, 10, ["/usr/local/bin/llama-server", "-m", "qwen.gguf"])
    _process(tmp_path, 11, ["/usr/bin/python3", "-m", "extractor", "run"], maps=library)
    _process(tmp_path, 12, ["/usr/bin/python3", "-m", "http.server"], maps="libc.so.6\n")
    _process(tmp_path, 13, ["/bin/bash"], maps=library)
    _process(tmp_path, 14, ["/usr/bin/python3", "-m", "extractor", "run"], maps=library)
    (tmp_path / "15").mkdir()  # a process that ended while being read
    found = llama_processes(tmp_path, own_pid=14)
    assert [process.pid for process in found] == [10, 11]
    assert found[0].command == "/usr/local/bin/llama-server -m qwen.gguf"


def test_the_warning_says_what_to_do() -> None:
    other = LlamaProcess(4242, "llama-server -m model.gguf")
    busy = contention_warning(2, 0.3, [other])
    assert busy is not None
    assert "another llama.cpp server is running here (pid 4242)" in busy
    assert "one job at a time" in busy
    assert "EXTRACTOR_THREADS=N" in busy
    loaded = contention_warning(2, 3.5, [])
    assert loaded is not None
    assert "load average 3.5 on 2 cores" in loaded
    assert "EXTRACTOR_THREADS" in loaded
    assert contention_warning(2, 1.9, []) is None
