"""Deadlines written in words inside a sentence: 4月底前, 于今年6月, 年内, 2025年8月.

``find_deadlines`` locates each phrase and resolves it with the shared rules
of :func:`planner_gui.domain.dates.resolve_deadline`, so the window, the
ledger import and text intake read 三季度末 the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from planner_gui.domain.dates import resolve_deadline

_CN = "一二三四五六七八九十"
_YEAR = r"(?:20\d{2}\s*年|今年|明年|次年)"
_BEFORE = r"(?:前|以前|之前)?"
_PATTERNS = [
    r"20\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}",
    rf"{_YEAR}?\s*(?:1[0-2]|0?[1-9]|[{_CN}]{{1,2}})\s*月(?:份)?\s*"
    rf"(?:(?:[0-3]?\d|[{_CN}]{{1,3}})\s*[日号]|上旬|中旬|下旬|初|中|底|末)?{_BEFORE}",
    rf"{_YEAR}?\s*第?[{_CN[:4]}1-4]\s*季度(?:末|底)?{_BEFORE}",
    rf"{_YEAR}?\s*[上下]半年(?:末|底)?{_BEFORE}",
    # 2025年, 2025年底前 — but not 2024年度 (a title) or 2023年以来
    r"20\d{2}\s*年(?:底|末|内)?(?![度以])" + _BEFORE,
    r"(?:今年|本年|年度)?(?:年内|年底|年末)" + _BEFORE,
    # 全年完成55个 is a deadline; 全年工作 / 全年目标 is the year's work, not a date
    r"全年(?!工作|目标|任务|经济|各项|重点|计划|发展|的)|今年内|本年度内",
]
_DEADLINE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
# dates that describe the past or a span, not a deadline: 2月10日—17日, 2023年同期
_NOT_A_DEADLINE_AFTER = re.compile(r"^\s*(?:[—\-~至到]\s*\d|同期|以来|同比|相比)")


@dataclass
class FoundDeadline:
    phrase: str
    due: date
    start: int
    end: int


def find_deadlines(text: str, year: int) -> list[FoundDeadline]:
    """Every deadline phrase in ``text`` with the day it means, in order of appearance."""
    found: list[FoundDeadline] = []
    for match in _DEADLINE.finditer(text):
        phrase = match.group(0).strip()
        if not phrase or _NOT_A_DEADLINE_AFTER.match(text[match.end():]):
            continue
        due = resolve_deadline(phrase, year)
        if due is None:
            continue
        found.append(FoundDeadline(phrase, due, match.start(), match.end()))
    return found


def without_deadline_phrases(text: str) -> str:
    """The text with its deadline phrases cut out and nothing else changed."""
    return _DEADLINE.sub("", text)


def remove_deadline_words(text: str) -> str:
    """The text without its deadline phrases (for titles of milestones)."""
    text = _DEADLINE.sub("", text)
    return re.sub(r"^(?:于|在|到|确保|力争|计划于?|预计于?)\s*", "", text).strip("，, ")
