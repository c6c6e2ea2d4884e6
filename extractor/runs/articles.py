"""Reading articles from disk or stdin: decoding, sanity checks and the sidecar publication date.

Every refusal raises `InputError` with a message that says what to do about it. The rules:

- Encodings: UTF-8 (with or without a BOM), UTF-16 with a BOM, and the legacy Arabic code
  pages windows-1256 (cp1256) and ISO-8859-6. UTF-8 whose invalid bytes are at most
  `MAX_INVALID_UTF8` of the whole (a truncated last character, a stray byte) is read as UTF-8
  with those bytes replaced by U+FFFD and a warning for the Document's provenance. A legacy
  code page is used only for bytes that are not mostly UTF-8 and that it decodes whole as Arabic
  text; UTF-8 with more damage (a line pasted in another encoding) is refused. Anything else is
  refused with the `iconv` command that fixes it.
- Only regular files are read: a FIFO, socket or device named `*.txt` is refused, not opened
  (a FIFO would block the run).
- Binary files (NUL bytes or control characters) are refused; so are corpus records whose text
  holds them (`check_not_binary`).
- Empty and whitespace-only files are refused.
- Text with too few Arabic letters (under `MIN_ARABIC_SHARE` of its letters) is refused.
- HTML is refused rather than stripped: a page holds menus, links and ads that would reach the
  model as if they were the article; extract the article's text first.
- Texts longer than `MAX_CHARS` characters are refused, never silently truncated.
- `ARTICLE.meta.json` next to `ARTICLE.txt` may give `{"published": "YYYY-MM-DD"}` and where
  the article came from, `"outlet"` and `"url"` (carried into the Document's `source`).

The text is returned as decoded (only a BOM is dropped), so check spans index into it.
"""

from __future__ import annotations

import datetime as dt
import errno
import glob
import json
import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import regex

from extractor.article_text import MAX_CHARS, source_sha256
from extractor.errors import InputError

MIN_ARABIC_SHARE = 0.5
"""Smallest share of Arabic among the letters of an article (news with Latin names stays > 0.8)."""

MAX_INVALID_UTF8 = 0.001
"""Largest share of a UTF-8 article's bytes that may be invalid and replaced (with a warning)."""

MIN_UTF8_SHARE = 0.5
"""Share of the non-ASCII bytes in valid UTF-8 sequences above which an article is UTF-8 that
was damaged, never a legacy code page (which would decode it whole, as garbage)."""

MAX_BYTES = MAX_CHARS * 4
"""No encoding spends more than 4 bytes per character, so a longer file is over `MAX_CHARS`."""

STDIN_DOC_ID = "stdin"

_LETTER = regex.compile(r"\p{L}")
_ARABIC_LETTER = regex.compile(r"[\p{Script=Arabic}&&\p{L}]", regex.V1)
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML_START = regex.compile(r"^\s*<(?:!doctype\s+html|html|head|body|\?xml)\b", regex.IGNORECASE)
_HTML_TAG = regex.compile(
    r"</?(?:html|head|body|div|p|span|br|a|script|style|meta|link|table|tr|td|article|section"
    r"|header|footer|nav|h[1-6]|ul|ol|li|img|strong|em|b|i)\b[^<>]*>",
    regex.IGNORECASE,
)
_HTML_MIN_TAGS = 5
_LEGACY_ARABIC = ("cp1256", "iso8859_6")
_MISREAD_ISO_8859_6 = regex.compile(r"[àâçèéêëîïôûü]")
_MAX_MISREAD = 0.02
_ESCAPED_BYTE = regex.compile("[\udc80-\udcff]")
_ASCII = regex.compile(rb"[\x00-\x7f]")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


@dataclass(frozen=True, slots=True)
class Article:
    """One article ready for extraction: its id, decoded text and where it came from."""

    doc_id: str
    text: str
    source: str
    encoding: str
    published: dt.date | None = None
    warnings: tuple[str, ...] = ()
    """What decoding had to repair, for the Document's provenance (`input_warnings`)."""
    outlet: str | None = None
    url: str | None = None

    @property
    def sha256(self) -> str:
        """Fingerprint of the text, as recorded in `provenance.source_sha256`."""
        return source_sha256(self.text)


def read_article(
    path: Path, *, doc_id: str | None = None, published: dt.date | None = None
) -> Article:
    """Read and check one article file; a sidecar `published` wins over the `published` given."""
    data = _read_bytes(path)
    decoded = decode_article(data, source=str(path))
    check_article_text(decoded.text, source=str(path))
    sidecar = read_sidecar(path)
    return Article(
        doc_id=doc_id or path.stem,
        text=decoded.text,
        source=str(path),
        encoding=decoded.encoding,
        published=sidecar.published or published,
        warnings=decoded.warnings,
        outlet=sidecar.outlet,
        url=sidecar.url,
    )


def read_stdin_article(
    stream: BinaryIO | None = None, *, published: dt.date | None = None
) -> Article:
    """Read and check one article piped on stdin (doc_id `stdin`)."""
    data = (stream or sys.stdin.buffer).read(MAX_BYTES + 1)
    _check_size_in_bytes(len(data), "stdin")
    decoded = decode_article(data, source="stdin")
    check_article_text(decoded.text, source="stdin")
    return Article(
        doc_id=STDIN_DOC_ID,
        text=decoded.text,
        source="stdin",
        encoding=decoded.encoding,
        published=published,
        warnings=decoded.warnings,
    )


def find_articles(arguments: Sequence[str]) -> list[Path]:
    """The article files named by files, folders (every `*.txt` below) and glob patterns.

    Raises `InputError` for a path that does not exist, a pattern that matches nothing and a
    folder with no `.txt` file: each is a mistake in the command, not a bad article.
    """
    found: dict[Path, Path] = {}
    for argument in arguments:
        for path in _expand(argument):
            found.setdefault(path.resolve(), path)
    return list(found.values())


def _expand(argument: str) -> list[Path]:
    """The files one command-line argument names."""
    path = Path(argument)
    if path.is_dir():
        files = sorted(
            candidate
            for candidate in path.rglob("*.txt")
            if not candidate.is_dir() and not candidate.name.startswith(".")
        )
        if not files:
            raise InputError(
                f"{argument}: folder has no .txt files "
                "(articles are read from *.txt; name other files one by one)"
            )
        return files
    if os.path.lexists(path):
        return [path]
    if any(char in argument for char in "*?["):
        matches = sorted(Path(match) for match in glob.glob(argument, recursive=True))
        files = [match for match in matches if not match.is_dir()]
        if not files:
            raise InputError(f"{argument}: pattern matches no files")
        return files
    raise InputError(f"{argument}: no such file or folder")


def sidecar_path(path: Path) -> Path:
    """`ARTICLE.meta.json` beside `ARTICLE.txt`."""
    return path.with_name(f"{path.stem}.meta.json")


@dataclass(frozen=True, slots=True)
class Sidecar:
    """What `ARTICLE.meta.json` says about its article (every field optional)."""

    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None


def read_sidecar(path: Path) -> Sidecar:
    """The article's sidecar: `published`, `outlet`, `url`; empty when it has none."""
    meta = sidecar_path(path)
    if not meta.is_file():
        return Sidecar()
    try:
        content = json.loads(meta.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{meta}: cannot read it as JSON ({exc}); fix or remove it") from exc
    if not isinstance(content, dict):
        return Sidecar()
    value = content.get("published")
    try:
        published = None if value is None else dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise InputError(
            f"{meta}: published {value!r} is not a date; write it as YYYY-MM-DD"
        ) from exc
    return Sidecar(
        published, _text_field(content, "outlet", meta), _text_field(content, "url", meta)
    )


def _text_field(content: dict[str, object], name: str, meta: Path) -> str | None:
    value = content.get(name)
    if value is None or (isinstance(value, str) and value.strip()):
        return value.strip() if isinstance(value, str) else None
    raise InputError(f"{meta}: {name} must be a non-empty string; fix or remove it")


@dataclass(frozen=True, slots=True)
class Decoded:
    """An article's text, the encoding it was read in, and what decoding had to repair."""

    encoding: str
    text: str
    warnings: tuple[str, ...] = ()


def decode_article(data: bytes, *, source: str) -> Decoded:
    """Decode article bytes; refuses binary data, damaged UTF-8 and unknown encodings."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(encoding, data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{source}: starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} ({exc.reason} at byte {exc.start}); re-save it as UTF-8"
                ) from exc
    if b"\x00" in data:
        raise InputError(
            f"{source}: is a binary file (it contains NUL bytes), not a text article "
            "(UTF-16 without a byte-order mark looks the same: re-save it as UTF-8)"
        )
    decoded = _decode_utf8(data, source=source) or _decode_legacy_arabic(data, source=source)
    check_not_binary(decoded.text, source=source)
    return decoded


def check_not_binary(text: str, *, source: str) -> None:
    """Refuse text holding NUL or more than a few control characters: binary data, which would
    reach the model and the register (PostgreSQL refuses NUL), not an article."""
    if "\x00" in text:
        raise InputError(f"{source}: is binary (it contains NUL characters), not a text article")
    if len(_CONTROL.findall(text)) > max(2, len(text) // 1000):
        raise InputError(f"{source}: is a binary file (control characters), not a text article")


def _decode_utf8(data: bytes, *, source: str) -> Decoded | None:
    """UTF-8, with a few invalid bytes replaced; None when the bytes are not mostly UTF-8."""
    try:
        return Decoded("utf-8", data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    invalid = _invalid_utf8_bytes(data)
    if invalid <= max(1, MAX_INVALID_UTF8 * len(data)):
        return Decoded(
            "utf-8",
            data.decode("utf-8", errors="replace"),
            (
                f"{invalid} byte(s) were not UTF-8 (a truncated last character or stray bytes) "
                "and were replaced by U+FFFD",
            ),
        )
    non_ascii = len(data) - len(_ASCII.findall(data))
    if non_ascii - invalid >= MIN_UTF8_SHARE * non_ascii:
        raise InputError(
            f"{source}: is mostly UTF-8 but {invalid:,} of its bytes are not (part of it is in "
            "another encoding?); re-save the whole article as UTF-8"
        )
    return None


def _invalid_utf8_bytes(data: bytes) -> int:
    """How many bytes are not part of valid UTF-8 (each becomes one lone surrogate)."""
    return len(_ESCAPED_BYTE.findall(data.decode("utf-8", errors="surrogateescape")))


def _decode_legacy_arabic(data: bytes, *, source: str) -> Decoded:
    """Decode windows-1256 or ISO-8859-6 Arabic, or refuse naming the encodings tried.

    cp1256 decodes any bytes; ISO-8859-6 text read as cp1256 turns its commonest letters
    (ل م ن ه و ي) into accented Latin ones (à ç è é ê …), which real cp1256 Arabic news
    almost never contains, so that is the sign to try ISO-8859-6 instead.
    """
    for encoding in _LEGACY_ARABIC:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        letters = max(1, len(_LETTER.findall(text)))
        misread = len(_MISREAD_ISO_8859_6.findall(text)) / letters
        if arabic_share(text) >= MIN_ARABIC_SHARE and misread < _MAX_MISREAD:
            return Decoded(encoding, text)
    raise InputError(
        f"{source}: is neither UTF-8 nor Arabic windows-1256 (cp1256) or ISO-8859-6; "
        f"convert it to UTF-8, e.g. `iconv -f ENCODING -t UTF-8 {source}`"
    )


def check_article_text(text: str, *, source: str) -> None:
    """Refuse text that is empty, too long, HTML, or not Arabic."""
    if not text.strip():
        raise InputError(f"{source}: is empty or only whitespace; there is no article to read")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"{source}: has {len(text):,} characters, above the limit of {MAX_CHARS:,} "
            "characters that protects memory; split it into parts of at most that size "
            "(the extractor never truncates silently)"
        )
    if _HTML_START.match(text) or len(_HTML_TAG.findall(text)) >= _HTML_MIN_TAGS:
        raise InputError(
            f"{source}: looks like HTML, not plain text; save the article's text alone as UTF-8 "
            "(e.g. `trafilatura -u URL` or `lynx -dump -nolist PAGE.html`)"
        )
    share = arabic_share(text)
    if share < MIN_ARABIC_SHARE:
        raise InputError(
            f"{source}: is not Arabic ({share:.0%} of its letters are Arabic, at least "
            f"{MIN_ARABIC_SHARE:.0%} needed); the extractor reads Arabic news only"
        )


def arabic_share(text: str) -> float:
    """Share of Arabic letters among all letters (0 when there are none)."""
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what cannot be read and anything over `MAX_BYTES`."""
    try:
        with _open_regular(path) as handle:
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a directory, not an article file") from exc
    except FileNotFoundError as exc:
        raise InputError(f"{path}: does not exist (a broken link?); fix the path") from exc
    except PermissionError as exc:
        raise InputError(f"{path}: permission denied; make it readable (chmod +r)") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    _check_size_in_bytes(len(data), str(path))
    return data


def _open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading, without blocking on a FIFO; refuse anything else."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        kind = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(kind):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(kind):
            raise InputError(
                f"{path}: is not a regular file (a FIFO, socket or device); "
                "save the article to a file"
            )
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _check_size_in_bytes(size: int, source: str) -> None:
    if size > MAX_BYTES:
        raise InputError(
            f"{source}: is over {MAX_BYTES:,} bytes, above the limit of {MAX_CHARS:,} characters "
            "that protects memory; split it into parts of at most that size (the extractor "
            "never truncates silently)"
        )
