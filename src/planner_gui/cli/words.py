"""The command line's words in the user's language: Chinese under a Chinese
locale (LANGUAGE, LC_ALL, LC_MESSAGES or LANG starting with ``zh``), else English.

The Chinese comes from the window's own catalogue (resources/translations/
planner_gui_zh_CN.qm, made from the .ts by packaging/translations.py), read
here without Qt: loading Qt would cost the command line most of its start.
The strings are marked the way the window marks its own, as
``translate("CommandLine", "text")`` calls that pyside6-lupdate reads, so the
same tool extracts them into the .ts and the same tests check every one is
translated.
Messages with values use Qt's ``%1``, ``%2`` (``fill``), so a translation may
put them in another order.

argparse asks for its own words (``usage:``, ``options``, its error messages)
through gettext; ``install`` points it here too.
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Mapping
from functools import cache

CONTEXT = "CommandLine"
ARGPARSE = "argparse"
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


def chinese_wanted(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the user's locale asks for Chinese (the first of the variables
    that is set decides, as for gettext; Windows has no such variables)."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return value.lower().startswith("zh")
    if sys.platform == "win32" and environ is None:
        import locale

        name = (locale.getlocale()[0] or "").lower()
        return name.startswith(("zh", "chinese"))
    return False


def read_qm(data: bytes) -> dict[tuple[str, str], str]:
    """(context, source) -> translation from a compiled Qt catalogue (.qm).

    The file is a magic number and tagged blocks; the messages block holds,
    per message, tagged fields (translation in UTF-16, source and context in
    UTF-8) ended by an end tag. Messages with a disambiguation comment are
    left out: the command line uses none."""
    if not data.startswith(QM_MAGIC):
        return {}
    pos, messages = len(QM_MAGIC), b""
    while pos + 5 <= len(data):
        tag, length = data[pos], struct.unpack_from(">I", data, pos + 1)[0]
        if tag == 0x69:  # the messages block
            messages = data[pos + 5:pos + 5 + length]
        pos += 5 + length
    found: dict[tuple[str, str], str] = {}
    fields: dict[int, bytes] = {}
    pos = 0
    while pos < len(messages):
        tag = messages[pos]
        pos += 1
        if tag == 1:  # end of a message
            if 3 in fields and 6 in fields and not fields.get(8):  # (no disambiguation comment)
                key = (fields.get(7, b"").decode("utf-8"), fields[6].decode("utf-8"))
                found[key] = fields[3].decode("utf-16-be")
            fields = {}
        elif tag in (2, 3, 4, 6, 7, 8):  # a field with a length
            length = struct.unpack_from(">I", messages, pos)[0]
            pos += 4
            if length == 0xFFFFFFFF:  # an empty translation
                continue
            fields[tag] = messages[pos:pos + length]
            pos += length
        elif tag == 5:  # an old-style hash
            pos += 4
        else:  # a tag this reader does not know: stop rather than misread
            break
    return found


@cache
def catalogue() -> dict[tuple[str, str], str]:
    """The Chinese catalogue, or nothing when the locale is not Chinese."""
    if not chinese_wanted():
        return {}
    from planner_gui.resources_path import resource_path

    try:
        return read_qm(resource_path("translations", "planner_gui_zh_CN.qm").read_bytes())
    except OSError:
        return {}  # no catalogue: English, as the window does


class CliApplication:
    """QCoreApplication.translate's stand-in for the command line (no Qt)."""

    @staticmethod
    def translate(context: str, text: str) -> str:
        return catalogue().get((context, text)) or text


# The one spelling of the command line's translate call: pyside6-lupdate reads
# ``translate("Context", "text")`` calls, so every string is found where it is used.
translate = CliApplication.translate


def _argparse_words(text: str) -> str:
    """gettext's ``_`` for argparse: its own words, looked up in the "argparse" context."""
    return translate(ARGPARSE, text)


def fill(text: str, *values: object) -> str:
    """Qt's %1, %2... filled with ``values`` (from the highest, so %1 never eats %10)."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def argparse_words() -> list[str]:
    """argparse's own words that the command line shows (Python 3.10-3.13);
    listed so that the translation tools find them."""
    return [
        translate("argparse", "usage: "),
        translate("argparse", "positional arguments"),
        translate("argparse", "options"),
        translate("argparse", "show this help message and exit"),
        translate("argparse", "show program's version number and exit"),
        translate("argparse", "the following arguments are required: %s"),
        translate("argparse", "argument %(argument_name)s: %(message)s"),
        translate("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
        translate("argparse", "invalid %(type)s value: %(value)r"),
        translate("argparse", "expected one argument"),
        translate("argparse", "unrecognized arguments: %s"),
        translate("argparse", "not allowed with argument %s"),
        translate("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    ]


def install() -> None:
    """Make argparse ask this module for its words (only under Chinese: in
    English argparse's own text is what it is)."""
    if catalogue():
        import argparse

        argparse._ = _argparse_words  # type: ignore[attr-defined]  # argparse's gettext hook
