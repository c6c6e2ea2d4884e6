"""Whether the cores an embedded server is about to use are already busy: llama.cpp's threads
spin while they wait for each other, so two servers on the same cores slow each other tenfold
(generation fell from ≈ 20 to 1.4–2.3 tokens/s on 2 cores), far more than sharing would."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

LLAMA_PROGRAMS = frozenset({"llama-server", "llama-cli", "llama-cpp-server", "ollama_llama_server"})
"""Programs that are llama.cpp (by the name they were started as)."""

LLAMA_LIBRARIES = ("xllamacpp", "libllama")
"""Mapped by a Python process that runs llama.cpp in-process (another `extractor run`)."""


@dataclass(frozen=True)
class LlamaProcess:
    """Another process running llama.cpp: its id and the command that started it."""

    pid: int
    command: str


def llama_processes(
    proc: Path = Path("/proc"), *, own_pid: int | None = None
) -> list[LlamaProcess]:
    """The other processes of this machine that run llama.cpp (those this user may inspect);
    none where there is no /proc."""
    own = os.getpid() if own_pid is None else own_pid
    found = []
    for entry in sorted(proc.glob("[0-9]*"), key=lambda path: int(path.name)):
        pid = int(entry.name)
        if pid == own:
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        command = " ".join(part.decode("utf-8", "replace") for part in argv if part)
        program = Path(argv[0].decode("utf-8", "replace")).name if argv[0] else ""
        if program in LLAMA_PROGRAMS or (_is_python(program) and _maps_llama(entry)):
            found.append(LlamaProcess(pid, command))
    return found


def _is_python(program: str) -> bool:
    return program.startswith("python") or program == "extractor"


def _maps_llama(entry: Path) -> bool:
    try:
        maps = (entry / "maps").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any(library in maps for library in LLAMA_LIBRARIES)


def contention_warning(cores: int, load: float, others: list[LlamaProcess]) -> str | None:
    """What to tell a user about to start llama.cpp on `cores` cores, when they are busy."""
    advice = (
        "run one job at a time, or give each its share of the cores with EXTRACTOR_THREADS=N "
        f"(this machine has {cores})"
    )
    if others:
        named = ", ".join(f"pid {other.pid}" for other in others[:3])
        return (
            f"another llama.cpp server is running here ({named}); two on the same cores slow "
            f"each other about tenfold: {advice}"
        )
    if load > cores:
        return (
            f"the cores are busy (load average {load:.1f} on {cores} cores); llama.cpp slows "
            f"down sharply on shared cores: {advice}"
        )
    return None


def busy_cores(cores: int) -> str | None:
    """contention_warning for this machine now."""
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = 0.0
    return contention_warning(cores, load, llama_processes())
