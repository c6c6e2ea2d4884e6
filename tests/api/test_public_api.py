"""The public names the README promises: `from extractor import extract, aextract, verify,
Extractor`, each the function or class, whatever was imported before."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import dev_pairs

SCRIPT = """
import extractor.verify.walk, extractor.api  # the subpackage named like the function, loaded first
from extractor import Extractor, aextract, extract, verify
import inspect
from extractor.schemas import Document
assert inspect.isclass(Extractor)
assert inspect.iscoroutinefunction(aextract) and callable(extract)
gold = Document.model_validate_json(open({gold!r}, encoding="utf-8").read())
checked = verify(gold, open({text!r}, encoding="utf-8").read())
assert checked.checks and not [c for c in checked.checks if c.failed]
print(len(checked.checks))
"""


def test_public_names_are_the_api_even_after_the_verify_subpackage_is_imported() -> None:
    text, gold = dev_pairs()[1]
    script = SCRIPT.format(gold=str(gold), text=str(text))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 5


def test_importing_extractor_stays_light() -> None:
    script = "import sys, extractor; print('openai' in sys.modules, 'xllamacpp' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.split() == ["False", "False"], result.stderr
