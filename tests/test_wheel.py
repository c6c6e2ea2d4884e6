"""The wheel installs one import package, `extractor`, with its seeds and prompt templates inside:
nothing else of ours lands at the top of `site-packages`, the installed package renders its
prompts from the templates it carries, and neither it nor the sdist carries the evaluation
texts, which belong to their outlets (eval/LICENSE.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path
from zipfile import ZipFile

from hatchling.builders.sdist import SdistBuilder
from hatchling.builders.wheel import WheelBuilder

from extractor.pipeline.prompting import opening, prompt_version
from extractor.pipeline.templates import templates
from tests.conftest import REPO, SEED

INSTALLED_PROMPTS = """
import json, sys
from extractor.pipeline.prompting import opening, prompt_version
from extractor.pipeline.templates import templates
article = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"directory": str(templates().directory), "version": prompt_version(),
                  "opening": opening(article, "task_all")}))
"""
"""What an installed package says about its prompts: where it read them, their version, and
the first request it would send about an article."""


def _build_wheel(directory: Path) -> Path:
    """The wheel of this checkout, built by the project's own build backend."""
    (built,) = WheelBuilder(str(REPO)).build(directory=str(directory), versions=["standard"])
    return Path(built)


def _build_sdist(directory: Path) -> Path:
    """The source distribution of this checkout, built by the same backend."""
    (built,) = SdistBuilder(str(REPO)).build(directory=str(directory), versions=["standard"])
    return Path(built)


def test_the_wheel_holds_one_import_package_with_its_data(tmp_path: Path) -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dist_info = f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    with ZipFile(_build_wheel(tmp_path)) as wheel:
        names = set(wheel.namelist())

    assert {name.split("/", 1)[0] for name in names} == {"extractor", dist_info}
    assert "extractor/seeds/00_seed-pakistan-libya.txt" in names
    shipped = {f"extractor/prompts/{path.name}" for path in (REPO / "prompts").glob("*.j2")}
    assert shipped
    assert shipped <= names
    assert "extractor/schemas/__init__.py" in names
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]


def test_the_installed_wheel_renders_the_prompts_it_carries(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path / "dist")
    site = tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index"]
    subprocess.run([*pip, "--target", str(site), str(wheel)], check=True)
    # Only the installed copy of ours is importable: not this checkout, nor an editable install.
    environment = os.environ | {"PYTHONPATH": str(site), "PYTHONSAFEPATH": "1"}
    shown = subprocess.run(
        [sys.executable, "-c", INSTALLED_PROMPTS, str(SEED)],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
    )
    installed = json.loads(shown.stdout)

    assert Path(installed["directory"]) == site / "extractor" / "prompts"
    assert templates().directory == REPO / "prompts"
    assert installed["version"] == prompt_version()
    assert installed["opening"] == opening(SEED.read_text(encoding="utf-8"), "task_all")


def _evaluation_files() -> set[str]:
    """The names of the articles and gold files under eval/, but the seed article that seeds/
    ships as well."""
    seeds = {path.name for path in (REPO / "seeds").iterdir()}
    texts = {
        path.name for pattern in ("*.txt", "*.gold.json") for path in REPO.glob(f"eval/*/{pattern}")
    }
    assert len(texts) > 90, "the evaluation sets are in eval/"
    return texts - seeds


def test_neither_the_wheel_nor_the_sdist_carries_the_evaluation_sets(tmp_path: Path) -> None:
    with ZipFile(_build_wheel(tmp_path)) as wheel:
        in_wheel = wheel.namelist()
    with tarfile.open(_build_sdist(tmp_path)) as sdist:
        # Members are `<name>-<version>/<path>`: the path inside the project.
        in_sdist = [member.name.split("/", 1)[-1] for member in sdist.getmembers()]
    assert "extractor/api.py" in in_wheel
    assert "tests/conftest.py" in in_sdist

    evaluation = _evaluation_files()
    for names in (in_wheel, in_sdist):
        assert not [name for name in names if name.split("/", 1)[0] == "eval"]
        assert not [name for name in names if name.rsplit("/", 1)[-1] in evaluation]
