"""Excel's number formats and date serials, for the fast ledger reader.

The same rules as openpyxl's ``styles.numbers`` and ``utils.datetime``, kept
here because importing any part of openpyxl runs its package ``__init__``
(the whole workbook machinery, about 50 ms): reading an ordinary ledger needs
only these few lines. ``tests/test_excel_numbers.py`` checks that both agree.
"""

from __future__ import annotations

import datetime
import re

# The formats Excel does not write into styles.xml, by id (ECMA-376 18.8.30).
BUILTIN_FORMATS: dict[int, str] = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)', 6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
    18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)", 40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}

WINDOWS_EPOCH = datetime.datetime(1899, 12, 30)
MAC_EPOCH = datetime.datetime(1904, 1, 1)
_SECONDS_PER_DAY = 86400

# Quoted literals and [locale] or [colour] groups hold letters that are not date parts.
_LITERALS = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_PART = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_ELAPSED = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)


def is_date_format(code: str | None) -> bool:
    """Whether a cell with this format shows a date or time (judged by its first section)."""
    if code is None:
        return False
    return _DATE_PART.search(_LITERALS.sub("", code.split(";")[0])) is not None


def is_timedelta_format(code: str | None) -> bool:
    """Whether the format shows elapsed time ([h]:mm and the like)."""
    return code is not None and _ELAPSED.search(code.split(";")[0]) is not None


def from_excel(value: float, epoch: datetime.datetime = WINDOWS_EPOCH, timedelta: bool = False
               ) -> datetime.datetime | datetime.time | datetime.timedelta:
    """The date, time or duration an Excel serial number stands for."""
    if timedelta:
        span = datetime.timedelta(days=value)
        if span.microseconds:  # to the millisecond, as Excel shows it
            span = datetime.timedelta(seconds=span.total_seconds() // 1,
                                      microseconds=round(span.microseconds, -3))
        return span
    day, fraction = divmod(value, 1)
    part = datetime.timedelta(milliseconds=round(fraction * _SECONDS_PER_DAY * 1000))
    if 0 <= value < 1 and part.days == 0:
        minutes, seconds = divmod(part.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return datetime.time(hours, minutes, seconds, part.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1  # Excel counts a 29 February 1900 that never was
    return epoch + datetime.timedelta(days=day) + part
