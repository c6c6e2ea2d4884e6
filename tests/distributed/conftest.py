"""Fixtures of the Ray tests: the loopback endpoint of the CLI tests, and one local Ray cluster
for the whole session (starting one takes half a minute on 2 cores)."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import endpoint

__all__ = ["cluster", "endpoint", "ray_folder"]


@pytest.fixture(scope="session")
def ray_folder() -> Iterator[Path]:
    """The temporary folder of the session's Ray cluster: its sessions, logs and sockets (short,
    under /tmp: a socket path may not exceed 107 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="ray-", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def cluster(ray_folder: Path) -> Iterator[str]:
    """A local Ray cluster of 2 CPUs for the session; its address for other drivers to join."""
    import ray

    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.WARNING,
        _temp_dir=str(ray_folder),
    )
    try:
        yield ray.get_runtime_context().gcs_address
    finally:
        ray.shutdown()
