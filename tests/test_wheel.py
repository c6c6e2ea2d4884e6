"""The wheel installs one import package, `extractor`, with its seeds and prompt templates inside:
nothing else of ours lands at the top of `site-packages`."""

from __future__ import annotations

import tomllib
from pathlib import Path
from zipfile import ZipFile

from hatchling.builders.wheel import WheelBuilder

from tests.conftest import REPO


def _build_wheel(directory: Path) -> Path:
    """The wheel of this checkout, built by the project's own build backend."""
    (built,) = WheelBuilder(str(REPO)).build(directory=str(directory), versions=["standard"])
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
