"""The fixed words of the printed summary and letter, in Chinese and English.

Counts, one name each, here and in the window and the command line: a *task*
(任务) is a top-level task, what a plan declares (10个方面42项); a *work item*
(工作事项) is a task or sub-task without sub-tasks of its own, what carries a
light and is counted per light.

Reports are documents, not interface: they are printed in the language the
user picks in the export dialog (or --lang), independent of the window's
language. Their words live in domain/words.py with the ledger's and the
status words; this module fills them in and numbers headings.
"""

from __future__ import annotations

from planner_gui.domain import words
from planner_gui.domain.words import LANGUAGES

_ZH_DIGITS = "零一二三四五六七八九"

LABELS = words.LABELS


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return lang


def label(lang: str, key: str, *args: object) -> str:
    """The report word ``key`` in ``lang``, with ``args`` filled into its {} places."""
    text = LABELS[lang][key]
    return text.format(*args) if args else text


def chinese_count(index: int) -> str:
    """一 … 九十九 (headings never need more)."""
    if index < 10:
        word = _ZH_DIGITS[index]
    elif index < 100:
        tens, ones = divmod(index, 10)
        word = ("" if tens == 1 else _ZH_DIGITS[tens]) + "十" + (_ZH_DIGITS[ones] if ones else "")
    else:
        word = str(index)
    return word


def section_number(index: int, lang: str) -> str:
    """The heading number of the index-th section (from 1): 一、 or 1."""
    return f"{chinese_count(index)}、" if lang == "zh" else f"{index}. "


def sub_number(parent: int, index: int, lang: str) -> str:
    """The number of a sub-heading: （一） or 2.1"""
    return f"（{chinese_count(index)}）" if lang == "zh" else f"{parent}.{index} "
