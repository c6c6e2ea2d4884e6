"""The wheel installs one import package, `extractor`, with its seeds and prompt templates inside:
nothing else of ours lands at the top of `site-packages`; neither it nor the sdist carries the
evaluation texts, which belong to their outlets (eval/LICENSE.md)."""

from __future__ import annotations

import tarfile
import tomllib
from pathlib import Path
from zipfile import ZipFile

from hatchling.builders.sdist import SdistBuilder
from hatchling.builders.wheel import WheelBuilder

from tests.conftest import REPO


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
    templates = {
        f"extractor/prompts/{path.name}" for path in (REPO / "extractor/prompts").glob("*.j2")
    }
    assert templates
    assert templates <= names
    assert "extractor/schemas/__init__.py" in names
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]


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
