"""The embedded backend: llama.cpp's OpenAI-compatible server, in-process, on a loopback port."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import time
import weakref
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from extractor.errors import ConfigurationError
from extractor.llm.contention import busy_cores
from extractor.llm.model_file import LOCAL_EXTRA_HINT, MODEL_NAME, builtin_model_path, cache_dir
from extractor.progress import Notice, Stage, report

if TYPE_CHECKING:
    from extractor.llm.client import Message

SLOT_CONTEXT = 8192
"""Tokens per slot: fixed instructions (~1k) + an article (≤ ~3k) + answer and one reask."""

THREADS_VARIABLE = "EXTRACTOR_THREADS"
"""Overrides the thread count (default: every available core). llama.cpp's worker threads spin
while they wait for each other, so two servers sharing the same cores slow each other down by
far more than half: give each fewer threads then."""

_HEALTH_TIMEOUT = 120.0

INSTRUCTIONS_FIRST_RUN = "evaluating the fixed instructions (first run only, ≈ 100 s on 2 cores)"
"""The stage of a first run's longest silence: later runs restore the state saved by it."""

STATE_DIR_NAME = "prompt-state"
"""Below the user cache: llama.cpp's saved slot states of evaluated instructions."""


def available_cores() -> int:
    """CPU cores this process may run on (the affinity mask, not the machine's total)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def default_slots(cores: int) -> int:
    """Parallel slots: one on small machines, where prompt evaluation already uses every core."""
    return 1 if cores <= 4 else 2


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _release(holder: list[Any]) -> None:
    """Drop the last reference to the server object: its destructor stops llama.cpp."""
    holder.clear()


class EmbeddedServer:
    """A llama.cpp server serving one GGUF on 127.0.0.1 for as long as this object is open."""

    def __init__(
        self,
        gguf: Path | None = None,
        *,
        slots: int | None = None,
        threads: int | None = None,
        seed: int = 0,
        state_dir: Path | None = None,
    ) -> None:
        try:
            import xllamacpp
        except ImportError as exc:
            raise ConfigurationError(f"xllamacpp is not installed: {LOCAL_EXTRA_HINT}") from exc
        if gguf is not None and not gguf.is_file():
            raise ConfigurationError(f"GGUF model file not found: {gguf}")
        self.model_path = gguf or builtin_model_path()
        self.model_name = MODEL_NAME if gguf is None else gguf.stem
        cores = available_cores()
        self.slots = slots or default_slots(cores)
        self.threads = threads or int(os.environ.get(THREADS_VARIABLE, "0")) or cores
        if self.threads == cores and (warning := busy_cores(cores)):
            report(Notice(warning))
        self.port = _free_port()
        self.state_dir = state_dir or cache_dir() / STATE_DIR_NAME
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self._build = str(getattr(xllamacpp, "BUILD_INFO", ""))
        params = xllamacpp.CommonParams()
        params.model.path = str(self.model_path)
        params.n_ctx = SLOT_CONTEXT * self.slots
        params.n_parallel = self.slots
        params.cpuparams.n_threads = self.threads
        params.cpuparams_batch.n_threads = self.threads
        params.hostnames = ["127.0.0.1"]
        params.port = self.port
        params.sampling.seed = seed
        params.slot_save_path = f"{self.state_dir}{os.sep}"
        params.verbosity = 0
        report(Stage("server", f"starting the llama.cpp server ({self.threads} threads)"))
        self._holder: list[Any] = [xllamacpp.Server(params)]
        self._finalizer = weakref.finalize(self, _release, self._holder)
        try:
            self._wait_healthy()
        except BaseException:
            self.close()
            raise

    @property
    def root_url(self) -> str:
        """The server's own routes (/health, /slots) start here."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """The OpenAI base URL of the running server."""
        return f"{self.root_url}/v1"

    def _wait_healthy(self) -> None:
        """Poll /health until the model is loaded (503 while loading)."""
        deadline = time.monotonic() + _HEALTH_TIMEOUT
        url = f"{self.root_url}/health"
        while time.monotonic() < deadline:
            try:
                if httpx.get(url, timeout=2.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise ConfigurationError(f"the embedded llama.cpp server did not become healthy on {url}")

    def load_prefix(self, messages: list[Message]) -> bool:
        """Start every slot with these messages already evaluated (the fixed instructions).

        The first time, they are evaluated in slot 0 (as the first document would have them),
        the slot's state is saved under the cache and restored into the other slots; later
        processes restore it in milliseconds instead of seconds. True when a saved state was
        restored. Any failure leaves the slots as they were: the instructions are then
        evaluated with the first document of each slot.
        """
        name = self._state_name(messages)
        if (self.state_dir / name).is_file():
            report(Stage("instructions", "restoring the evaluated instructions"))
            if self._restore(name, range(self.slots)):
                return True
        report(Stage("instructions", INSTRUCTIONS_FIRST_RUN))
        try:
            httpx.post(
                f"{self.base_url}/chat/completions",
                json={"messages": messages, "max_tokens": 1, "temperature": 0.0, "id_slot": 0},
                timeout=None,
            ).raise_for_status()
        except httpx.HTTPError:
            return False
        temporary = f"{name}.{os.getpid()}.tmp"
        if self._slot_action(0, "save", temporary):
            try:
                os.replace(self.state_dir / temporary, self.state_dir / name)
            except OSError:
                (self.state_dir / temporary).unlink(missing_ok=True)
            else:
                self._forget_other_states(name)
                self._restore(name, range(1, self.slots))
        return False

    def _restore(self, name: str, slots: range) -> bool:
        """Restore a saved state into these slots; False when one of them got no tokens from
        it (a state saved from an empty slot restores nothing and counts as missing)."""
        return all(self._slot_action(slot, "restore", name) for slot in slots)

    def _forget_other_states(self, kept: str) -> None:
        """Delete this model's states saved for earlier prompts or builds (≈ 37 MB each)."""
        for stale in self.state_dir.glob(f"{self.model_name}-*.bin"):
            if stale.name != kept:
                stale.unlink(missing_ok=True)

    def _state_name(self, messages: list[Message]) -> str:
        """A file name that changes with the model file, the llama.cpp build and the messages."""
        stat = self.model_path.stat()
        identity = [str(self.model_path), stat.st_size, stat.st_mtime_ns, self._build, messages]
        digest = hashlib.sha256(json.dumps(identity, ensure_ascii=False).encode("utf-8"))
        return f"{self.model_name}-{digest.hexdigest()[:16]}.bin"

    def _slot_action(self, slot: int, action: str, filename: str) -> int:
        """Save or restore one slot's state; the tokens it held or got back, 0 on failure."""
        try:
            response = httpx.post(
                f"{self.root_url}/slots/{slot}",
                params={"action": action},
                json={"filename": filename},
                timeout=120.0,
            )
        except httpx.HTTPError:
            return 0
        if response.status_code != 200:
            return 0
        counted = "n_saved" if action == "save" else "n_restored"
        return int(response.json().get(counted, 0))

    @property
    def running(self) -> bool:
        """True until close()."""
        return bool(self._holder)

    def close(self) -> None:
        """Stop the server and free its port and memory (idempotent; also runs at exit)."""
        self._finalizer()

    def __enter__(self) -> EmbeddedServer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
