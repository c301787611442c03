"""Text for a terminal: control characters in user data are shown, not obeyed.

A task title holding ESC [ 2 J (from a pasted document or a hostile ledger) would clear the
screen, recolour it or retitle the window when `planner-cli summary` prints it. On a terminal
every control character other than a line break or tab is written as an escape (\\x1b);
output to a file or a pipe is left exactly as it is (export-json to stdout must not change).
"""

from __future__ import annotations

import contextlib
import re
import sys
import unicodedata
from collections.abc import Iterator
from typing import TextIO

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 256 else f"\\u{ord(m[0]):04x}", text)


class EscapingStream:
    """A text stream that escapes control characters on their way to a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(escape_controls(text))

    def __getattr__(self, name: str):  # flush, fileno, encoding, isatty, ...
        return getattr(self._stream, name)


def guard_terminal(stream: TextIO) -> TextIO:
    """``stream`` itself, or an escaping wrapper around it when it is a terminal."""
    try:
        is_terminal = stream.isatty()
    except (AttributeError, ValueError):
        return stream
    return EscapingStream(stream) if is_terminal else stream  # type: ignore[return-value]


@contextlib.contextmanager
def guarded_terminal() -> Iterator[None]:
    """sys.stdout and sys.stderr escape control characters while inside, when they are terminals."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = guard_terminal(out), guard_terminal(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: a Chinese character (East Asian wide or
    full-width) takes two, a combining mark none, anything else one."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def pad(text: str, width: int, align: str = "<") -> str:
    """``text`` padded with spaces to ``width`` terminal columns (str.format counts
    characters, so a column of Chinese words came out twice as wide as its heading)."""
    spaces = " " * max(0, width - display_width(text))
    return text + spaces if align == "<" else spaces + text
