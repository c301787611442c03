"""Deadlines written in words (完成时限), resolved against the plan's year.

4月底前 -> 30 April; 年内 / 年底前 -> 31 December; 上半年 -> 30 June;
三季度末 -> 30 September; 9月1日 -> 1 September; 2025年8月 -> 31 August 2025.
A deadline names the last day by which the work is due, so a month without a
day means the month's last day, and 中旬 the 20th.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from planner_gui.domain.numerals import chinese_to_int

_NUM = r"[0-9０-９]+|[一二三四五六七八九十〇零两]+"
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _int(text: str) -> int | None:
    text = text.translate(_FULLWIDTH)
    if text.isdigit():
        return int(text)
    return chinese_to_int(text)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def quarter_end(year: int, quarter: int) -> date:
    return month_end(year, quarter * 3)


_ISO = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")
_YEAR_MONTH_DAY = re.compile(rf"(?:(\d{{4}}|今|明|次)年)?\s*({_NUM})\s*月\s*(?:({_NUM})\s*[日号]|(上旬|中旬|下旬|初|中|底|末))?")
_QUARTER = re.compile(rf"(?:(\d{{4}}|今|明|次)年)?\s*(?:第)?({_NUM})\s*季度")
_HALF = re.compile(r"(?:(\d{4}|今|明|次)年)?\s*(上|下)半年")
_YEAR_ONLY = re.compile(r"(\d{4}|明|次)年")
_END_OF_YEAR = re.compile(r"年内|年底|年末|全年|本年度|今年内|年度内")


def _which_year(token: str | None, plan_year: int) -> int:
    if not token or token == "今":
        return plan_year
    if token in ("明", "次"):
        return plan_year + 1
    return int(token)


def resolve_deadline(text: str, plan_year: int) -> date | None:
    """The last day meant by a deadline written in words, or None if none is said.

    >>> resolve_deadline("4月底前", 2024)
    datetime.date(2024, 4, 30)
    >>> resolve_deadline("2025年8月完工", 2024)
    datetime.date(2025, 8, 31)
    """
    if not text:
        return None
    text = re.sub(r"\s+", "", text.translate(_FULLWIDTH))

    match = _ISO.search(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None

    match = _YEAR_MONTH_DAY.search(text)
    if match:
        year = _which_year(match[1], plan_year)
        month = _int(match[2])
        if month is None or not 1 <= month <= 12:
            return None
        if match[3]:
            day = _int(match[3])
            try:
                return date(year, month, day or 0)
            except ValueError:
                return None
        part = match[4]
        if part == "上旬":
            return date(year, month, 10)
        if part in ("中旬", "中"):
            return date(year, month, 20)
        if part == "初":
            return date(year, month, 10)
        return month_end(year, month)

    match = _QUARTER.search(text)
    if match:
        quarter = _int(match[2])
        if quarter is None or not 1 <= quarter <= 4:
            return None
        return quarter_end(_which_year(match[1], plan_year), quarter)

    match = _HALF.search(text)
    if match:
        year = _which_year(match[1], plan_year)
        return date(year, 6, 30) if match[2] == "上" else date(year, 12, 31)

    match = _YEAR_ONLY.search(text)
    if match:
        return date(_which_year(match[1], plan_year), 12, 31)

    if _END_OF_YEAR.search(text):
        return date(plan_year, 12, 31)
    return None


_PLAN_YEAR = re.compile(r"(20\d{2})\s*年(?:度)?")


def year_from_text(text: str) -> int | None:
    """The plan's year from a title or document: the first 20xx年 that is mentioned."""
    match = _PLAN_YEAR.search(re.sub(r"(?<=\d)\s+(?=\d)", "", text or ""))
    return int(match[1]) if match else None


def format_date_words(value: date | None, lang: str = "zh") -> str:
    """A date as people write it: 2024年4月30日 or 30 Apr 2024."""
    if value is None:
        return ""
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {calendar.month_abbr[value.month]} {value.year}"


# --- the as-of date ------------------------------------------------------------


def clamp_to_year(day: date, plan_year: int) -> date:
    """``day`` moved into the plan's year: before it, 1 January; after it, 31 December."""
    return min(max(day, date(plan_year, 1, 1)), date(plan_year, 12, 31))


def default_as_of(plan_year: int, today: date | None = None) -> date:
    """The as-of date a plan opens with, in the window, every export and every
    command without --as-of: today, clamped to the plan's year (a past year's
    plan as of its 31 December, a future plan as of its 1 January), so that a
    finished plan is judged as it ended rather than two years later."""
    return clamp_to_year(today or date.today(), plan_year)


def end_of_last_month(today: date) -> date:
    return today.replace(day=1) - timedelta(days=1)


def end_of_last_quarter(today: date) -> date:
    first_month = 3 * ((today.month - 1) // 3) + 1
    return date(today.year, first_month, 1) - timedelta(days=1)


def last_month_end_in_year(plan_year: int, today: date | None = None) -> date:
    """"End of last month", kept inside the plan's year (of a past plan: 31 December)."""
    return clamp_to_year(end_of_last_month(today or date.today()), plan_year)


def last_quarter_end_in_year(plan_year: int, today: date | None = None) -> date:
    """"End of last quarter", kept inside the plan's year."""
    return clamp_to_year(end_of_last_quarter(today or date.today()), plan_year)


# A whole date as a clerk types or pastes it: 2024-06-25, 2024/6/25, 2024.6.25,
# 2024年6月25日 (or 号), 20240625; full-width digits too. Nothing else: a date
# field takes the text whole or refuses it, it never keeps part of the old date.
_TYPED_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})[日号]?|(\d{2})(\d{2}))")


def parse_typed_date(text: str) -> date | None:
    """The date a typed text means, None for an empty text; ValueError if it is not a whole date.

    >>> parse_typed_date(" 2024年6月25日 ")
    datetime.date(2024, 6, 25)
    """
    text = re.sub(r"\s+", "", text.translate(_FULLWIDTH))
    if not text:
        return None
    match = _TYPED_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a date (write it 2024-06-25)")
    month, day = next((match[i], match[i + 1]) for i in (2, 4, 6) if match[i])
    try:
        return date(int(match[1]), int(month), int(day))
    except ValueError:
        raise ValueError(f"{text!r} is not a date of the calendar") from None
