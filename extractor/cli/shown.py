"""Text from users, files and servers made safe to print: no terminal control sequences, and no
rich markup (a path such as `a[/]b.txt` is text to show, not a closing tag)."""

from __future__ import annotations

import regex
from rich.markup import escape

_TERMINAL_CONTROL = regex.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves (ESC[31m)
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, links (ESC]0;…BEL)
    r"|\x1b[@-_]?"  # any other escape
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # C0 and C1 controls but tab and newline
)


def printable(text: object) -> str:
    """`text` without terminal control sequences, for plain (non-rich) output."""
    cleaned: str = _TERMINAL_CONTROL.sub("", str(text))
    return cleaned


def shown(text: object) -> str:
    """`text` without terminal control sequences and with rich markup escaped."""
    return escape(printable(text))
