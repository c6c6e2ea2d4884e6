"""How long the command line takes to answer before any work: `extractor --version`, `--help`
and `run --help`, each in a fresh process, median of N runs, wall clock and CPU.

    python benchmarks/cli_startup.py [--runs 5]

Targets (issue 23), on a quiet machine: `--version` under 0.5 s, `--help` under 1 s. The CPU
seconds (user + system of the child) are printed beside the wall clock because they change
little with the load of a shared machine, while the wall clock does.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

COMMANDS = (("--version",), ("--help",), ("run", "--help"))
TARGETS = {"--version": 0.5, "--help": 1.0, "run --help": 1.0}


def timed(arguments: tuple[str, ...]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one `python -m extractor ARGUMENTS` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "extractor", *arguments],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "100"},
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; median of {runs}")
    print(f"{'command':<14}{'wall s':>8}{'cpu s':>8}{'target':>8}")
    for arguments in COMMANDS:
        samples = [timed(arguments) for _ in range(runs)]
        wall = statistics.median(sample[0] for sample in samples)
        cpu = statistics.median(sample[1] for sample in samples)
        name = " ".join(arguments)
        print(f"{name:<14}{wall:>8.2f}{cpu:>8.2f}{TARGETS[name]:>8.1f}")


if __name__ == "__main__":
    main()
