"""The prompt templates as data: every prompt text is in prompts/, and its version moves with it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor.pipeline import recall
from extractor.pipeline.prompting import prompt_version, question_request
from extractor.pipeline.templates import TEMPLATE_SUFFIX, Templates, templates
from extractor.schemas import Document
from extractor.schemas.response import MeetingsAnswer
from extractor.verify.document_checks import unaccounted_mentions
from tests.conftest import REPO

PERSONS_INSTRUCTION = 'For each person: "host" if they received the visitors'


def _copy(tmp_path: Path) -> Path:
    """A copy of the repository's templates, to edit."""
    return Path(shutil.copytree(REPO / "prompts", tmp_path / "prompts"))


def _seed_persons(seed_text: str) -> list[recall.Question]:
    """The recall questions about the seed's persons when no meeting was found yet."""
    empty = Document(doc_id="seed")
    mentions = [m for m in unaccounted_mentions(empty, seed_text) if m.kind == "meetings"]
    return recall.questions("meetings", mentions, empty, seed_text)


def test_the_templates_are_read_from_the_top_level_prompts_folder() -> None:
    assert templates().directory == REPO / "prompts"
    on_disk = {path.name.removesuffix(TEMPLATE_SUFFIX) for path in (REPO / "prompts").glob("*.j2")}
    assert set(templates().sources) == on_disk
    assert {"system", "user", "repair", "recall", "recall_meetings"} <= on_disk


@pytest.mark.parametrize("name", sorted(templates().sources))
def test_editing_any_template_changes_the_prompt_version(tmp_path: Path, name: str) -> None:
    folder = _copy(tmp_path)
    assert Templates.load(folder).version() == prompt_version()

    path = folder / (name + TEMPLATE_SUFFIX)
    path.write_text(path.read_text(encoding="utf-8").replace(" ", "  ", 1), encoding="utf-8")

    assert Templates.load(folder).version() != prompt_version()


def test_the_recall_instructions_are_template_text(tmp_path: Path, seed_text: str) -> None:
    asked = _seed_persons(seed_text)
    assert asked
    round_ = recall.RecallQuestions("meetings", asked, MeetingsAnswer(meetings=[]), seed_text, True)
    sent = question_request(seed_text, round_)[-1]["content"]
    assert PERSONS_INSTRUCTION in sent
    assert f'{asked[0].key}: "{asked[0].mention.text}"' in sent

    folder = _copy(tmp_path)
    instruction = folder / "recall_meetings.j2"
    edited = instruction.read_text(encoding="utf-8").replace("For each person", "For everyone")
    instruction.write_text(edited, encoding="utf-8")
    loaded = Templates.load(folder)
    rendered = loaded.render("recall", questions=asked, kind="meetings")

    assert 'For everyone: "host" if they received the visitors' in rendered
    assert PERSONS_INSTRUCTION not in rendered
    assert loaded.version() != prompt_version()
