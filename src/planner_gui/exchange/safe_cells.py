"""Writing user text into spreadsheet cells so that it can never run as a formula.

A task title such as ``=HYPERLINK(...)`` or ``+cmd|' /C calc'!A0`` would be a
formula (or a DDE call) if a spreadsheet took it as typed. Such text is stored
as a plain string cell *and* marked with the quote prefix, which is what Excel
and WPS do themselves for text typed after an apostrophe: the cell shows the
text unchanged and stays text even when someone edits it later.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

# Characters that make Excel, WPS or LibreOffice read a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Excel's limit on the text in one cell.
MAX_CELL_TEXT = 32767
# Control characters XML 1.0 cannot hold (openpyxl raises IllegalCharacterError on them): a
# vertical tab from Word through a CSV ledger is enough. They are dropped from visible cells.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def shown_text(text: str) -> str:
    """``text`` as a spreadsheet cell holds it and a reader reads it back: cut at Excel's limit,
    without the control characters XML cannot hold, with line ends as LF. What a ledger's
    hidden record says a cell shows, so that an unedited cell is seen as unedited and the exact
    stored text is kept (export then import changes nothing)."""
    if len(text) > MAX_CELL_TEXT:
        text = text[: MAX_CELL_TEXT - 1] + "…"
    text = _ILLEGAL.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def is_risky(text: str) -> bool:
    """True when ``text`` would be taken as a formula if typed into a cell."""
    return text.startswith(FORMULA_TRIGGERS)


def csv_safe(text: str) -> str:
    """Text for a CSV cell: risky text gets a leading apostrophe (the CSV convention)."""
    return "'" + text if is_risky(text) else text


def write_cell(ws: Any, row: int, column: int, value: Any) -> Any:
    """Put ``value`` into a cell; text is always a string cell, never a formula.

    Numbers, dates and booleans are written as they are; None leaves the cell empty.
    Returns the cell so the caller can style it.
    """
    cell = ws.cell(row=row, column=column)
    if value is None:
        return cell
    if isinstance(value, (bool, int, float, date, datetime)):
        cell.value = value
        return cell
    text = _ILLEGAL.sub("", str(value))
    if len(text) > MAX_CELL_TEXT:
        text = text[: MAX_CELL_TEXT - 1] + "…"
    cell.value = text
    # openpyxl turns text starting with "=" into a formula cell: force it back to text.
    cell.data_type = "s"
    if is_risky(text):
        cell.quotePrefix = True
    return cell


def cell_text(value: Any) -> str:
    """A cell's value read back as text: formulas are returned as their text, never evaluated."""
    if value is None:
        return ""
    # openpyxl keeps array and data-table formulas as objects holding the formula text
    text_attr = getattr(value, "text", None)
    if isinstance(text_attr, str):
        return text_attr
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
