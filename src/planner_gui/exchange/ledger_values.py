"""Values as people type them into ledgers: progress figures, as-of lines, section labels."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from planner_gui.exchange.safe_cells import cell_text

DONE_WORDS = ("已完成", "完成", "全部完成", "已办结", "办结", "已销号", "销号", "已结项", "done", "completed")
NOT_STARTED_WORDS = ("未启动", "未开始", "尚未启动", "not started")
_PROGRESS = re.compile(r"^(?:约|完成|已完成)?\s*([0-9]+(?:\.[0-9]+)?)\s*([%％])?\s*(?:左右)?$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_SECTION = re.compile(r"^(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|第[一二三四五六七八九十]+[部分方面项])")
_BARE_NUMERAL = re.compile(r"^[一二三四五六七八九十]+[、.．]?$")
_COUNT_SUFFIX = re.compile(r"[（(]\s*\d+\s*项\s*[）)]$")


@dataclass(frozen=True)
class Problem:
    """Something in a file that could not be read as meant, and where it is."""

    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        place = self.sheet if self.row is None else f"{self.sheet} row {self.row}"
        if self.column:
            place += f", {self.column}"
        return f"{place}: {self.message}"


def text_of(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return cell_text(value)


def parse_progress(value: Any, fraction: bool = True) -> float | None:
    """A progress figure 0..100 from 48%, 0.48, 48 or words (已完成 = 100); None when blank.

    With ``fraction`` a number below 1 is a fraction (0.6 is 60%), as a cell
    typed without the percent format holds it. ValueError names the value.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a progress figure")
    if isinstance(value, (int, float)):
        number = float(value) * (100.0 if fraction and 0 < value < 1 else 1.0)
    else:
        text = str(value).strip().translate(_FULLWIDTH)
        if text.casefold() in DONE_WORDS:
            return 100.0
        if text.casefold() in NOT_STARTED_WORDS:
            return 0.0
        match = _PROGRESS.match(text)
        if not match:
            raise ValueError(f"{text!r} is not a progress figure")
        number = float(match[1])
        if not match[2] and fraction and 0 < number < 1:
            number *= 100.0
    number = round(number, 2)
    if not 0 <= number <= 100:
        raise ValueError(f"{value!r} is outside 0 to 100%")
    return number


# English month names as such: calendar.month_abbr follows the user's locale
# (一月... under a Chinese one), and importing it loads the locale module too.
_MONTHS = {name: i for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_DATE_PATTERNS = (
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"), lambda m: (m[1], m[2], m[3])),
    (re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})"), lambda m: (m[1], m[2], m[3])),
    (re.compile(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})"),
     lambda m: (m[3], _MONTHS.get(m[2].casefold(), 0), m[1])),
)


def as_of_from_text(text: str) -> date | None:
    """The date in a line such as 截至2024年6月30日 or As of 30 Jun 2024."""
    for pattern, parts in _DATE_PATTERNS:
        match = pattern.search(text)
        if match:
            year, month, day = (int(p) for p in parts(match))
            try:
                return date(year, month, day)
            except ValueError:
                continue
    return None


def is_section_label(text: str, bare: bool = False) -> bool:
    """一、… or （一）… (or with ``bare`` just 一): how a section row is numbered."""
    text = text.strip()
    return bool(_BARE_NUMERAL.match(text) if bare else _SECTION.match(text))


def clean_area_name(text: str) -> str:
    """一、加强生态环境建设（5项） -> 加强生态环境建设."""
    text = _SECTION.sub("", text.strip()).strip()
    return _COUNT_SUFFIX.sub("", text).strip() or text


# Footer and note rows under (or between) a ledger's rows: notes, instructions, signatures.
_NOTE_ROW = re.compile(
    r"^\s*(?:备\s*注|注\s*\d*\s*[:：、.．]|说\s*明\s*[:：]|填表说明|填报说明|"
    r"(?:填表人|填报人|审核人|负责人|联系人|联系电话|制表人?|统计人|单位盖章|领导签字|主要负责人签字)"
    r"\s*(?:[:：]|$)|(?:签字|签章|盖章)\s*[:：])"
)


def is_note_row(text: str) -> bool:
    """注：进度由各单位自行填报。 / 填表人：… / 备注: a footer or note row, not an area or task."""
    return bool(_NOTE_ROW.match(text))


# Labelled parts people write inside one progress cell: 存在问题：… 下步计划：…
_PART_LABELS = {
    "problems": r"存在(?:的)?问题|困难问题|问题",
    "next_steps": r"下一?步(?:工作)?(?:计划|打算|工作)?|下阶段(?:工作)?计划",
}
_PART = re.compile(
    r"(?:^|(?<=[。；;！!\s]))\s*(?:[0-9一二三四五六七八九十]+[、.．]\s*)?"
    r"(?P<label>" + "|".join(f"(?P<{k}>{v})" for k, v in _PART_LABELS.items()) + r")\s*[:：]"
)


def split_progress_text(text: str) -> dict[str, str]:
    """进展情况 text with 存在问题：/下步计划： inside it, split into text, problems and next_steps
    (a part that is not labelled stays in the text)."""
    parts = {"text": "", "problems": "", "next_steps": ""}
    matches = list(_PART.finditer(text))
    if not matches:
        parts["text"] = text
        return parts
    parts["text"] = text[: matches[0].start()].strip()
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        key = "problems" if match["problems"] else "next_steps"
        piece = text[match.end(): following.start() if following else len(text)].strip()
        parts[key] = f"{parts[key]}\n{piece}".strip() if parts[key] else piece
    return parts
