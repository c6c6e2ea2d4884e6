"""Reading articles: encodings, refusals with a useful message, sidecar dates, path discovery."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from extractor.article_text import MAX_CHARS, source_sha256
from extractor.errors import InputError
from extractor.runs.articles import find_articles, read_article, read_stdin_article
from tests.conftest import SEED


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED.read_bytes())
    return path


def test_utf8_article_is_read_as_is(article: Path, seed_text: str) -> None:
    result = read_article(article)
    assert (result.doc_id, result.encoding, result.text) == ("seed", "utf-8", seed_text)
    assert result.sha256 == source_sha256(seed_text)


def test_utf8_bom_is_dropped(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + seed_text.encode("utf-8"))
    result = read_article(path)
    assert result.text == seed_text
    assert result.encoding == "utf-8-sig"


def test_cp1256_arabic_is_detected_and_decoded(tmp_path: Path, seed_text: str) -> None:
    text = seed_text.split("\n")[0] + "\n\nوقع الجيش الليبي اتفاقا لشراء 16 طائرة."
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1256"))
    result = read_article(path)
    assert result.encoding == "cp1256"
    assert result.text == text


def test_iso_8859_6_arabic_is_told_apart_from_cp1256(tmp_path: Path) -> None:
    text = "وقع الجيش الليبي اتفاقا مع باكستان لشراء 16 طائرة مقاتلة من طراز JF-17.\n"
    path = tmp_path / "iso.txt"
    path.write_bytes(text.encode("iso8859_6"))
    result = read_article(path)
    assert (result.encoding, result.text) == ("iso8859_6", text)


def test_unknown_legacy_encoding_is_refused_naming_encodings(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le Conseil de sécurité a prolongé l'embargo sur les armes.".encode("latin-1"))
    with pytest.raises(
        InputError, match=r"neither UTF-8 nor Arabic windows-1256 \(cp1256\) or ISO-8859-6"
    ):
        read_article(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty or only whitespace"),
        (b" \n\t\r\n   \n", "empty or only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (bytes(range(1, 32)) * 20 + "ليبيا".encode(), "binary file"),
        (b"The Security Council extended the arms embargo on Libya.", "is not Arabic"),
    ],
    ids=["empty", "whitespace", "png", "control-chars", "english"],
)
def test_unusable_content_is_refused(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=expected) as caught:
        read_article(path)
    assert str(path) in str(caught.value)


def test_html_is_refused_with_what_to_do(tmp_path: Path, seed_text: str) -> None:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in seed_text.splitlines() if line)
    path = tmp_path / "page.txt"
    path.write_text(f"<!DOCTYPE html>\n<html><body>{paragraphs}</body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"looks like HTML.*save the article's text"):
        read_article(path)


def test_html_fragment_without_doctype_is_refused(tmp_path: Path, seed_text: str) -> None:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in seed_text.splitlines() if line)
    path = tmp_path / "fragment.txt"
    path.write_text(f'<div class="article">{paragraphs}</div>', encoding="utf-8")
    with pytest.raises(InputError, match="looks like HTML"):
        read_article(path)


def test_article_quoting_a_tag_is_not_html(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "quote.txt"
    path.write_text(seed_text + "\nوكتب أحد القراء <script>alert(1)</script> في التعليقات.\n")
    assert "<script>" in read_article(path).text


def test_five_megabyte_article_is_refused_not_truncated(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(seed_text * (5_000_000 // len(seed_text.encode("utf-8")) + 1))
    assert path.stat().st_size > 5_000_000
    with pytest.raises(InputError, match=f"limit of {MAX_CHARS:,} characters.*never truncates"):
        read_article(path)


def test_article_just_over_the_character_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("ب" * (MAX_CHARS + 1), encoding="utf-8")
    with pytest.raises(InputError, match=f"{MAX_CHARS + 1:,} characters, above the limit"):
        read_article(path)


def test_directory_and_broken_link_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="is a directory"):
        read_article(folder)
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="does not exist"):
        read_article(link)


def test_sidecar_published_wins_over_the_run_default(article: Path) -> None:
    (article.parent / "seed.meta.json").write_text('{"published": "2025-10-07"}')
    result = read_article(article, published=dt.date(2020, 1, 1))
    assert result.published == dt.date(2025, 10, 7)


def test_run_default_applies_without_sidecar(article: Path) -> None:
    assert read_article(article, published=dt.date(2020, 1, 1)).published == dt.date(2020, 1, 1)


def test_bad_sidecar_date_is_refused(article: Path) -> None:
    (article.parent / "seed.meta.json").write_text('{"published": "07/10/2025"}')
    with pytest.raises(InputError, match="write it as YYYY-MM-DD"):
        read_article(article)


def test_sidecar_outlet_and_url(article: Path) -> None:
    sidecar = article.parent / "seed.meta.json"
    sidecar.write_text('{"published": "2025-10-07", "outlet": " SkyNews ", "url": "https://x/1"}')
    result = read_article(article)
    assert (result.outlet, result.url) == ("SkyNews", "https://x/1")
    sidecar.write_text('{"outlet": 7}')
    with pytest.raises(InputError, match="outlet must be a non-empty string"):
        read_article(article)


def test_stdin_article(seed_text: str) -> None:
    result = read_stdin_article(io.BytesIO(seed_text.encode("utf-8")))
    assert (result.doc_id, result.text) == ("stdin", seed_text)


def test_find_articles_walks_folders_and_globs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for name in ("a/one.txt", "a/deep/two.txt", "a/notes.md", "b.txt"):
        (tmp_path / name).write_text("نص")
    (tmp_path / "a" / "dir.txt").mkdir()
    monkeypatch.chdir(tmp_path)
    assert find_articles(["a"]) == [Path("a/deep/two.txt"), Path("a/one.txt")]
    assert find_articles(["*.txt", "b.txt"]) == [Path("b.txt")]


@pytest.mark.parametrize(
    ("argument", "expected"),
    [("empty", "folder has no .txt files"), ("nope.txt", "no such file"), ("*.xml", "matches no")],
)
def test_find_articles_refuses_command_mistakes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argument: str, expected: str
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("x")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=expected):
        find_articles([argument])
